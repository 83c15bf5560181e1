import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { ListSummary } from '../../../shared/lists';
import { loket } from '../api';

export type ListsState =
  | { status: 'loading' }
  | { status: 'ready'; lists: ListSummary[] }
  | { status: 'failed'; error: ContractError };

/** The current member lists; refreshed when an import finishes. */
export function useLists(): ListsState {
  const [state, setState] = useState<ListsState>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const result = await loket.listLists({});
    setState(result.ok ? { status: 'ready', lists: result.value } : { status: 'failed', error: result.error });
  }, []);

  useEffect(() => {
    void refresh();
    return loket.on('importProgress', (progress) => {
      if (progress.phase === 'done') void refresh();
    });
  }, [refresh]);

  return state;
}
