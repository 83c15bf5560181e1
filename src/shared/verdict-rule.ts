import type { CoreMessage } from './i18n/messages';
import type { MemberMatch, Verdict } from './lookup';

/** The verdict, the matches it rests on, and the exact ones it overrules (shown, never hidden). */
export interface Decision {
  verdict: Verdict;
  /** The exact matches that agree with the verdict and decided it; empty when unknown. */
  basis: MemberMatch[];
  /**
   * List rows that say otherwise and did not count (shown with their age): stale lists when a
   * current list knows the member, and older lists of a kind a newer list of that kind answers.
   */
  overruled: MemberMatch[];
  /**
   * "Active" rows of a list that also holds the same person as not active (same list, same
   * edition): the list contradicts itself, and its not-active row is what it says.
   */
  contradicted: MemberMatch[];
}

const isLive = (m: MemberMatch): boolean => m.list.kind === 'bpjs-live';
const listKey = (m: MemberMatch): string => `${m.list.name}\u0000${m.list.edition}`;

/** The active rows of lists that hold the person as active and as not active at once. */
function selfContradicting(rows: readonly MemberMatch[]): Set<MemberMatch> {
  const inactiveLists = new Set(rows.filter((m) => m.status !== 'active').map(listKey));
  return new Set(rows.filter((m) => m.status === 'active' && inactiveLists.has(listKey(m))));
}

/** Rows of a list older than another list of the same kind (not 'other') that knows the person. */
function supersededByKind(rows: readonly MemberMatch[]): Set<MemberMatch> {
  const newest = new Map<string, string>();
  for (const m of rows) if (m.list.kind !== 'other' && m.list.asOf > (newest.get(m.list.kind) ?? '')) newest.set(m.list.kind, m.list.asOf);
  return new Set(rows.filter((m) => m.list.kind !== 'other' && m.list.asOf < newest.get(m.list.kind)!));
}

/**
 * The rule table of the verdict (one rule for the core, the live answers and the banner):
 *
 * 1. Only exact matches decide (an identifier that matches); probable and possible ones are for the clerk.
 * 2. Lists younger than the stale age decide when any of them knows the member; stale lists are
 *    then overruled: a 425-day-old "active" never outweighs this month's "not active". When only
 *    stale lists know the member, they decide (their rows carry `stale`, which the clerk sees).
 * 3. A list that holds the person twice, once active and once not (MENINGGAL, NON AKTIF), says
 *    "not active": the strongest word counts, as inside one cell; its active row is `contradicted`
 *    and the look-up says the list contradicts itself.
 * 4. Among lists of the same kind (two PBI APBD lists, each month imported under its own name),
 *    the newest as-of date decides for a person on several of them: the older ones are overruled.
 * 5. Among the deciding lists, one active membership is coverage: each list of another kind is a
 *    program of its own (moving from PBI APBD to PBI APBN leaves APBD saying "not active").
 * 6. A stored live BPJS answer counts as of the day it was fetched: it decides when it is at least
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
  const current = fresh.length > 0 ? fresh : lists;
  const contradicted = selfContradicting(current);
  const standing = current.filter((m) => !contradicted.has(m));
  const superseded = supersededByKind(standing);
  const deciding = standing.filter((m) => !superseded.has(m));
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
  if (verdict === 'unknown') return { verdict, basis: [], overruled: [], contradicted: [] };
  const agrees = (m: MemberMatch): boolean => (m.status === 'active') === (verdict === 'eligible');
  const basis = considered.filter(agrees);
  const overruled = [...(fresh.length > 0 ? lists.filter((m) => m.stale && !agrees(m)) : []), ...[...superseded].filter((m) => !agrees(m))];
  return { verdict, basis: basis.length > 0 ? basis : considered, overruled, contradicted: [...contradicted] };
}

/** The verdict alone (see decide). */
export function verdictOf(matches: readonly MemberMatch[]): Verdict {
  return decide(matches).verdict;
}

/** What the clerk is told when a list contradicts itself for this person (decide, rule 3); undefined when none does. */
export function contradictionOf(decision: Decision): CoreMessage | undefined {
  if (decision.contradicted.length === 0) return undefined;
  const lists = [...new Set(decision.contradicted.map((m) => m.list.name))];
  return { code: 'lookup/list-contradicts', params: { lists: lists.join(', '), count: lists.length } };
}
