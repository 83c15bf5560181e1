import type { MemberMatch, Verdict } from './lookup';

/** The verdict, the matches it rests on, and the exact ones it overrules (shown, never hidden). */
export interface Decision {
  verdict: Verdict;
  /** The exact matches that agree with the verdict and decided it; empty when unknown. */
  basis: MemberMatch[];
  /** Stale list rows that say otherwise and did not count because a current list knows the member (shown with their age). */
  overruled: MemberMatch[];
}

const isLive = (m: MemberMatch): boolean => m.list.kind === 'bpjs-live';

/**
 * The rule table of the verdict (one rule for the core, the live answers and the banner):
 *
 * 1. Only exact matches decide (an identifier that matches); probable and possible ones are for the clerk.
 * 2. Lists younger than the stale age decide when any of them knows the member; stale lists are
 *    then overruled: a 425-day-old "active" never outweighs this month's "not active". When only
 *    stale lists know the member, they decide (their rows carry `stale`, which the clerk sees).
 * 3. Among the deciding lists, one active membership is coverage: each current list is a program
 *    of its own (moving from PBI APBD to PBI APBN leaves APBD saying "not active").
 * 4. A stored live BPJS answer counts as of the day it was fetched: it decides when it is at least
 *    as new as the deciding lists (on the same day, BPJS wins), or when no list knows the member.
 */
export function decide(matches: readonly MemberMatch[]): Decision {
  const lists: MemberMatch[] = [];
  let live: MemberMatch | undefined;
  for (const m of matches) {
    if (m.confidence !== 'exact') continue;
    if (!isLive(m)) lists.push(m);
    else if (!live || m.list.asOf > live.list.asOf) live = m;
  }
  const fresh = lists.filter((m) => !m.stale);
  const deciding = fresh.length > 0 ? fresh : lists;
  let verdict: Verdict = deciding.length === 0 ? 'unknown' : deciding.some((m) => m.status === 'active') ? 'eligible' : 'not-eligible';
  let considered = deciding;
  if (live) {
    let newestList = '';
    for (const m of deciding) if (m.list.asOf > newestList) newestList = m.list.asOf;
    if (live.list.asOf >= newestList) {
      verdict = live.status === 'active' ? 'eligible' : 'not-eligible';
      considered = [live, ...deciding];
    }
  }
  if (verdict === 'unknown') return { verdict, basis: [], overruled: [] };
  const agrees = (m: MemberMatch): boolean => (m.status === 'active') === (verdict === 'eligible');
  const basis = considered.filter(agrees);
  const overruled = fresh.length > 0 ? lists.filter((m) => m.stale && !agrees(m)) : [];
  return { verdict, basis: basis.length > 0 ? basis : considered, overruled };
}

/** The verdict alone (see decide). */
export function verdictOf(matches: readonly MemberMatch[]): Verdict {
  return decide(matches).verdict;
}
