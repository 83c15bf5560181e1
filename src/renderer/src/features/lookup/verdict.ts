import type { CoreMessage } from '../../../../shared/i18n/messages';
import type { LookupResult, MemberMatch, Verdict } from '../../../../shared/lookup';
import { peopleOf, rowsOfPerson } from '../../../../shared/same-person';
import { contradictionOf, decide } from '../../../../shared/verdict-rule';

/**
 * What the big banner says; derived from the result and the clerk's pick, never stored.
 * `warnings`: about the query itself (a NIK that cannot exist), shown whatever the answer.
 * The problem and the warnings are the core's codes, worded by the banner in the UI language.
 * `overruled`: stale list rows that say otherwise and lost to a current list (shown with their age).
 * `conflict` (candidates): the number typed is held by several different people on the lists
 * (LookupResult.conflict): the banner says so in words ("Kartu ini tercatat untuk 2 orang berbeda").
 * `note` (verdict): the same, when a record here named the person: the others are named.
 * `contradiction` (verdict): a list holds the person as active and as not active (verdict-rule.ts, rule 3).
 */
export type Display =
  | { kind: 'problem'; message: CoreMessage }
  | { kind: 'verdict'; verdict: Verdict; basis: MemberMatch[]; pickedByClerk: boolean; overruled: MemberMatch[]; warnings: CoreMessage[]; note?: CoreMessage; contradiction?: CoreMessage }
  | { kind: 'candidates'; count: number; warnings: CoreMessage[]; conflict?: CoreMessage };

/**
 * An identifier that matches exactly decides the verdict on its own (the core's verdict, by the
 * shared rule in src/shared/verdict-rule.ts, so the banner names the lists that decided it).
 * Anything weaker (any name search, a damaged NIK) yields candidates: the clerk compares them with the
 * patient's papers and picks one, and only then is there a verdict. Loket never picks.
 * An identifier that several different people hold (result.conflict) is no exact answer either:
 * the clerk picks the person, and the verdict (and so the payer) rests on that person's rows
 * alone, on every list they are on; or, when a record here named the person, on theirs.
 */
export function displayOf(result: LookupResult, picked: MemberMatch | null): Display {
  const warnings = result.queryWarnings ?? [];
  if (picked) {
    if (result.conflict && picked.confidence === 'exact') return personVerdict(personOf(result.matches, picked), picked, true, warnings);
    const twins = twinsOf(result.matches, picked);
    if (twins.length > 0) return personVerdict([picked, ...twins].map(asExact), picked, true, warnings);
    return { kind: 'verdict', verdict: picked.status === 'active' ? 'eligible' : 'not-eligible', basis: [picked], pickedByClerk: true, overruled: [], warnings };
  }
  if (result.problem) return { kind: 'problem', message: result.problem };
  if (result.conflict) {
    const rows = result.patient ? rowsOfPerson(result.matches, result.patient) : [];
    if (rows.length > 0) return { ...personVerdict(rows, null, false, warnings), note: result.conflict.message };
    return { kind: 'candidates', count: result.matches.length, warnings, conflict: result.conflict.message };
  }
  // A name is never proof of identity, whatever its score: always the clerk's pick.
  if (result.kind === 'name' && result.matches.length > 0) return { kind: 'candidates', count: result.matches.length, warnings };
  if (result.verdict !== 'unknown') {
    const decision = decide(result.matches);
    // The core decided by the same rule; should a result ever disagree (an older core), its verdict stands.
    const basis = decision.verdict === result.verdict ? decision.basis : result.matches.filter((m) => m.confidence === 'exact');
    const agreed = decision.verdict === result.verdict;
    const contradiction = agreed ? contradictionOf(decision) : result.contradiction;
    return { kind: 'verdict', verdict: result.verdict, basis, pickedByClerk: false, overruled: agreed ? decision.overruled : [], warnings, ...(contradiction ? { contradiction } : {}) };
  }
  if (result.matches.length > 0) return { kind: 'candidates', count: result.matches.length, warnings };
  return { kind: 'verdict', verdict: 'unknown', basis: [], pickedByClerk: false, overruled: [], warnings };
}

/**
 * Other rows of the picked row's list edition with its NIK or card and another status: the list
 * holds the person twice, once active and once not (a name search shows both as candidates).
 * The pick then stands with them, so the list's contradiction is said rather than a plain green.
 */
function twinsOf(matches: readonly MemberMatch[], picked: MemberMatch): MemberMatch[] {
  const sameList = (m: MemberMatch): boolean => m.list.name === picked.list.name && m.list.edition === picked.list.edition;
  const sameKey = (m: MemberMatch): boolean => (picked.nik !== null && m.nik === picked.nik) || (picked.card !== null && m.card === picked.card);
  return matches.filter((m) => m !== picked && sameList(m) && sameKey(m) && m.status !== picked.status);
}

/** A row the clerk vouched for (by picking it or its twin) counts as an exact match. */
const asExact = (m: MemberMatch): MemberMatch => (m.confidence === 'exact' ? m : { ...m, confidence: 'exact' });

/** The rows of the person a picked row belongs to (the row itself first). */
function personOf(matches: readonly MemberMatch[], picked: MemberMatch): MemberMatch[] {
  const rows = peopleOf(matches).find((p) => p.includes(picked)) ?? [picked];
  return [picked, ...rows.filter((m) => m !== picked)];
}

/** One person's verdict by the shared rule; the clerk's pick, when there is one, stays the first row of the basis. */
function personVerdict(rows: MemberMatch[], picked: MemberMatch | null, pickedByClerk: boolean, warnings: CoreMessage[]): Display & { kind: 'verdict' } {
  const decision = decide(rows);
  const basis = picked && decision.basis.includes(picked) ? [picked, ...decision.basis.filter((m) => m !== picked)] : decision.basis;
  const contradiction = contradictionOf(decision);
  return { kind: 'verdict', verdict: decision.verdict, basis, pickedByClerk, overruled: decision.overruled, warnings, ...(contradiction ? { contradiction } : {}) };
}

/**
 * How an answer with no exact match is worded (keys under `verdict.`). When lists could not be
 * searched (their file missing or damaged: `result.unsearched`), it never says "not found in the
 * lists": it is "not found in the lists that could be read", counting only those.
 * `listCount`: every current list (null while they load).
 */
export function unknownWords(listCount: number | null, unsearched: LookupResult['unsearched']): {
  title: 'unknown' | 'unknownReadable';
  detail: { key: 'unknownNoLists' | 'unknownDetail' | 'unknownReadableDetail' | 'unknownNothingReadable'; count: number } | null;
} {
  if (!unsearched) {
    if (listCount === null) return { title: 'unknown', detail: null };
    return { title: 'unknown', detail: { key: listCount === 0 ? 'unknownNoLists' : 'unknownDetail', count: listCount } };
  }
  const readable = listCount === null ? null : Math.max(0, listCount - unsearched.lists.length);
  if (readable === null) return { title: 'unknownReadable', detail: null };
  return { title: 'unknownReadable', detail: { key: readable === 0 ? 'unknownNothingReadable' : 'unknownReadableDetail', count: readable } };
}

/** Candidates are pickable; an exact identifier match needs no pick. */
export const isPickable = (display: Display): boolean =>
  display.kind === 'candidates' || (display.kind === 'verdict' && display.pickedByClerk);

/** PBI and Jamkesda members are reactivated through the social affairs office, not BPJS. */
const isSocialAssistanceList = (m: MemberMatch): boolean =>
  m.list.kind === 'pbi-apbn' || m.list.kind === 'pbi-apbd' || m.list.kind === 'jamkesda';

/**
 * What the banner advises beside "serve the patient anyway" for a member not covered. A row that
 * records the member as deceased (a list's, or BPJS's own answer) makes the living patient an
 * identity question first: someone else's card or NIK, or a list in error. The clerk checks the
 * KTP and a wrong row is reported to the office that sent it (`sources`: whose rows say so);
 * reactivation is no advice there. An inactive member of a PBI or Jamkesda list otherwise may be
 * reactivated through Dinas Sosial.
 */
export function serveAdvice(basis: readonly MemberMatch[]): { kind: 'deceased'; sources: string[] } | { kind: 'reactivate' } | null {
  const deceased = basis.filter((m) => m.status !== 'active' && m.statusReason === 'deceased');
  if (deceased.length > 0) return { kind: 'deceased', sources: [...new Set(deceased.map((m) => (isLive(m) ? 'BPJS' : m.list.name)))] };
  return basis.some(isSocialAssistanceList) ? { kind: 'reactivate' } : null;
}

/** A live BPJS answer rather than a row of an imported list. */
export const isLive = (m: MemberMatch): boolean => m.list.kind === 'bpjs-live';

/** "…0003": enough of a NIK for the clerk to tell two people apart, not the whole number on screen. */
export const nikTail = (nik: string | null): string | null => (nik && nik.length >= 4 ? `…${nik.slice(-4)}` : null);
