import type { ListSummary } from '../../../../shared/lists';
import type { LookupResult } from '../../../../shared/lookup';

/** The header's lists as far as this cares (use-lists' ListsState). */
export type HeaderLists = { status: 'ready'; lists: readonly ListSummary[] } | { status: 'loading' | 'failed' };

/**
 * How many lists the look-up found unreadable (a list's file lost or damaged) and how many the
 * header shows as such: when they differ, the header's lists are stale and reload. Null when
 * either is not known yet (no answer, the lists still loading).
 */
export function unreadableCounts(result: LookupResult | null, lists: HeaderLists): { found: number; shown: number } | null {
  if (!result || lists.status !== 'ready') return null;
  return { found: result.unsearched?.lists.length ?? 0, shown: lists.lists.filter((l) => l.unreadable).length };
}
