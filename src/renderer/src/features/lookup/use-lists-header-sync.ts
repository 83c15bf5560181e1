import { useEffect } from 'react';
import type { LookupResult } from '../../../../shared/lookup';
import { LISTS_CHANGED, type ListsState } from '../../hooks/use-lists';
import { unreadableCounts } from './lists-header';

/** A look-up that found a list unreadable (or readable again) and a header that says otherwise: the header's lists reload. */
export function useListsHeaderSync(result: LookupResult | null, lists: ListsState): void {
  const counts = unreadableCounts(result, lists);
  const found = counts?.found ?? null;
  const shown = counts?.shown ?? null;
  useEffect(() => {
    if (found !== null && shown !== null && found !== shown) window.dispatchEvent(new Event(LISTS_CHANGED));
  }, [found, shown]);
}
