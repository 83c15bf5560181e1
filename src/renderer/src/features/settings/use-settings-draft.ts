import { createContext, useCallback, useContext, useState, useSyncExternalStore } from 'react';
import { isDirty, SettingsDraftStore, type SettingsDraft } from './settings-draft';

/** The signed-in clerk's draft (App provides one per clerk); without it the form keeps its own. */
export const SettingsDraftContext = createContext<SettingsDraftStore | null>(null);

/** The draft store and whether it holds unsaved changes (re-renders when that changes). */
export function useSettingsDraft(): { store: SettingsDraftStore; draft: SettingsDraft | null; dirty: boolean } {
  const shared = useContext(SettingsDraftContext);
  const [own] = useState(() => new SettingsDraftStore());
  const store = shared ?? own;
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const draft = useSyncExternalStore(subscribe, () => store.get());
  return { store, draft, dirty: isDirty(draft) };
}
