import { useSyncExternalStore } from 'react';
import type { RestoreView } from '../../../../shared/database-restore';

/**
 * The report of a restore just done, kept outside the screens: the restored database has its own
 * accounts, so the session changes under the app (the sign-in screen replaces it), and the report
 * must stay on screen over whatever shows until the administrator has read it.
 */
let current: RestoreView | null = null;
const listeners = new Set<() => void>();

export function showRestoreReport(view: RestoreView | null): void {
  current = view;
  for (const listener of listeners) listener();
}

export function useRestoreReport(): RestoreView | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
