/**
 * The search bar's keys and what Enter means, kept DOM-free for the unit tests. The name and the
 * birth-date field act alike: the natural sequence is name, Tab, date, Enter, so the date field's
 * Enter and ↓ must do what the hint under the search field says.
 */

/** Enter: the clerk's "cari" (then "daftarkan", see enterAction); ↓: to the candidates. Either field. */
export function searchBarKey(key: string): 'enter' | 'down' | null {
  if (key === 'Enter') return 'enter';
  if (key === 'ArrowDown') return 'down';
  return null;
}

/** A search as the clerk sees it: the text and the birth date beside it (ISO or ''). */
export interface SearchAsked {
  query: string;
  dob: string;
}

export const sameSearch = (a: SearchAsked, b: SearchAsked): boolean => a.query.trim() === b.query.trim() && a.dob === b.dob;

export interface EnterContext {
  /** What the fields hold now. */
  now: SearchAsked;
  /** The search last started (its answer is the one shown, or coming); null before any. */
  last: SearchAsked | null;
  /** The clerk asked for `last` (Enter, the Search button, a scan), as opposed to it running by itself while typing. */
  asked: boolean;
  /** A registration is open on screen, or the last search failed: Enter searches again. */
  busyElsewhere: boolean;
  /** The answer names someone "Daftarkan" would register. */
  canRegister: boolean;
  /** The answer lists candidates to pick from. */
  hasCandidates: boolean;
  /** Every candidate was born on another day than the one searched (dob-pick.ts): none is Enter's. */
  allDiffer?: boolean;
  /** The number is one patient's RM and another's old RM: which card it is, only the clerk knows. */
  numberTwoWays?: boolean;
  /** A candidate born on another day was picked and waits for the clerk's "Ya, orang yang sama". */
  confirming?: boolean;
}

/**
 * What Enter does ("Enter: cari, Enter lagi: daftarkan"):
 * - 'ask': the answer on screen came by itself while the clerk typed: this Enter is the "cari" (no new search);
 * - 'register' / 'pick': Enter again on an answer the clerk asked for;
 * - 'confirm': a candidate born on another day is picked: Enter goes to its question, never past it;
 * - 'hold': every candidate was born on another day, or the number is one's RM and another's old RM:
 *   Enter picks none (the clerk picks with ↓, or F2);
 * - 'search': anything else, also the same name with another birth date.
 */
export function enterAction(c: EnterContext): 'ask' | 'register' | 'pick' | 'confirm' | 'hold' | 'search' {
  if (c.last && sameSearch(c.now, c.last) && !c.busyElsewhere) {
    if (!c.asked) return 'ask';
    if (c.confirming) return 'confirm';
    if (c.canRegister) return 'register';
    if (c.hasCandidates) return c.allDiffer || c.numberTwoWays ? 'hold' : 'pick';
  }
  return 'search';
}
