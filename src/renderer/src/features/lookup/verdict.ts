import type { LookupResult, MemberMatch, Verdict } from '../../../../shared/lookup';

/** What the big banner says; derived from the result and the clerk's pick, never stored. */
export type Display =
  | { kind: 'problem'; message: string }
  | { kind: 'verdict'; verdict: Verdict; basis: MemberMatch[]; pickedByClerk: boolean }
  | { kind: 'candidates'; count: number };

/**
 * An identifier that matches exactly decides the verdict on its own (the core's verdict).
 * Anything weaker (any name search, a damaged NIK) yields candidates: the clerk compares them with the
 * patient's papers and picks one, and only then is there a verdict. Loket never picks.
 */
export function displayOf(result: LookupResult, picked: MemberMatch | null): Display {
  if (picked) {
    return { kind: 'verdict', verdict: picked.status === 'active' ? 'eligible' : 'not-eligible', basis: [picked], pickedByClerk: true };
  }
  if (result.problem) return { kind: 'problem', message: result.problem };
  // A name is never proof of identity, whatever its score: always the clerk's pick.
  if (result.kind === 'name' && result.matches.length > 0) return { kind: 'candidates', count: result.matches.length };
  if (result.verdict !== 'unknown') {
    const exact = result.matches.filter((m) => m.confidence === 'exact');
    // With a live answer the sources may disagree: the basis is the side the verdict follows.
    const inactive = exact.filter((m) => m.status !== 'active');
    const basis = result.verdict === 'eligible' ? exact.filter((m) => m.status === 'active') : inactive.length > 0 ? inactive : exact;
    return { kind: 'verdict', verdict: result.verdict, basis, pickedByClerk: false };
  }
  if (result.matches.length > 0) return { kind: 'candidates', count: result.matches.length };
  return { kind: 'verdict', verdict: 'unknown', basis: [], pickedByClerk: false };
}

/** Candidates are pickable; an exact identifier match needs no pick. */
export const isPickable = (display: Display): boolean =>
  display.kind === 'candidates' || (display.kind === 'verdict' && display.pickedByClerk);

/** PBI and Jamkesda members are reactivated through the social affairs office, not BPJS. */
export const isSocialAssistanceList = (m: MemberMatch): boolean =>
  m.list.kind === 'pbi-apbn' || m.list.kind === 'pbi-apbd' || m.list.kind === 'jamkesda';

/** A live BPJS answer rather than a row of an imported list. */
export const isLive = (m: MemberMatch): boolean => m.list.kind === 'bpjs-live';
