import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { ListSummary } from '../../../shared/lists';
import { loket } from '../api';

export type ListsState =
  | { status: 'loading' }
  | { status: 'ready'; lists: ListSummary[] }
  | { status: 'failed'; error: ContractError };

/** Dispatched on window after an import or a rollback: the header's list status reloads. */
export const LISTS_CHANGED = 'loket:lists-changed';

/**
 * The current member lists; refreshed when an import finishes, and when `reload` changes (the
 * lock lifted: a load behind the lock, as when the app starts locked, was refused). `allowed`:
 * the signed-in role may read them; a role without list work (the data officer, who reads the
 * audit log only) never asks, so no screen of theirs says the lists "cannot be loaded".
 */
export function useLists(reload = 0, allowed = true): ListsState {
  const [state, setState] = useState<ListsState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    if (!allowed) return setState({ status: 'ready', lists: [] });
    const result = await loket.listLists({});
    setState(result.ok ? { status: 'ready', lists: result.value } : { status: 'failed', error: result.error });
  }, [allowed]);

  useEffect(() => {
    void refresh();
    const onChanged = (): void => void refresh();
    window.addEventListener(LISTS_CHANGED, onChanged);
    const off = loket.on('importProgress', (progress) => {
      if (progress.phase === 'done') void refresh();
    });
    return () => {
      off();
      window.removeEventListener(LISTS_CHANGED, onChanged);
    };
  }, [refresh]);

  useEffect(() => {
    if (reload > 0) void refresh();
  }, [refresh, reload]);

  return state;
}
