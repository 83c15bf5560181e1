import type { LookupResult, MemberMatch, OwnMatch } from '../../../../shared/lookup';
import { numberTwoWaysOf, ownRecordsOf } from './own-records';
import type { SearchAsked } from './search-keys';

/**
 * A name searched with a birth date: a candidate born on another day (a list row flagged
 * 'dob-differs', an own record marked `dobDiffers`) is somebody else until the clerk says
 * otherwise. Such a candidate is never one reflex Enter away: it ranks below those born on the
 * date searched, Enter never goes to it, and picking it asks once, with both dates in words.
 * DOM-free, for the unit tests.
 */

const listRowDiffers = (m: MemberMatch): boolean => m.flags.includes('dob-differs');

/** Which block of candidates the screen shows first, and where Enter on the answer goes. */
export interface CandidateOrder {
  /** The own records ("Pasien lama dengan nama ini") above the list matches; otherwise below them. */
  ownFirst: boolean;
  /** Every candidate shown was born on another day than the one searched: Enter holds, ↓ picks. */
  allDiffer: boolean;
  /**
   * The number typed is one patient's RM and another's old RM (query/number-two-ways): which one
   * the card names is the clerk's to say, so Enter holds and ↓ picks, as for allDiffer.
   */
  numberTwoWays: string | null;
}

/**
 * Own records come first, as ever, except when none of them was born on the date searched while
 * a list member was: then that member is first (a 36-year-old's first visit never lands on the
 * 74-year-old's record of the same name).
 */
export function candidateOrder(result: LookupResult | null): CandidateOrder {
  const own = ownRecordsOf(result);
  const rows = result?.kind === 'name' ? result.matches : [];
  const ownBornThatDay = own.some((p) => !p.dobDiffers);
  const rowBornThatDay = rows.some((m) => !listRowDiffers(m));
  const candidates = own.length + rows.length;
  return {
    ownFirst: own.length === 0 || ownBornThatDay || !rowBornThatDay,
    allDiffer: candidates > 0 && !ownBornThatDay && !rowBornThatDay,
    numberTwoWays: own.length > 1 ? numberTwoWaysOf(result) : null,
  };
}

/** Why Enter picked none of the candidates: none born on the date searched, or a number two patients answer. */
export type Hold = { by: 'dob'; date: string } | { by: 'number'; number: string };

/** A pick of a candidate born on another day, waiting for the clerk's "Ya, orang yang sama". */
export interface DobCheck {
  name: string;
  /** The candidate's birth date (ISO), null when none is recorded. */
  dob: string | null;
  /** The date the clerk searched with (ISO). */
  searched: string;
  /** An own record picked is looked up again by its record number: "Bukan" searches the name and date again. */
  back: SearchAsked | null;
  confirmed: boolean;
}

/** The check a pick of a list row needs; null when it was born on the date searched (or none was searched). */
export function dobCheckOfRow(row: MemberMatch, searched: string): DobCheck | null {
  if (!searched || !listRowDiffers(row)) return null;
  return { name: row.name, dob: row.dob, searched, back: null, confirmed: false };
}

/** The check a pick of an own record needs; `search`: the name search it was picked from. */
export function dobCheckOfOwn(patient: OwnMatch, search: SearchAsked): DobCheck | null {
  if (!search.dob || !patient.dobDiffers) return null;
  return { name: patient.name, dob: patient.dob, searched: search.dob, back: search, confirmed: false };
}

/** "Daftarkan" waits: the patient on screen was picked with another birth date and not confirmed yet. */
export const awaitsConfirmation = (check: DobCheck | null, hasSubject: boolean): boolean => hasSubject && check !== null && !check.confirmed;
