// Whether two birth dates (ISO yyyy-mm-dd) may be the same person's, for the check before a new
// record: a date said, heard and typed again differs by the usual slips, and elderly people
// without papers were registered with a date by convention (1 July or 1 January of the year).

/**
 * - `exact`: the same day.
 * - `near`: day and month swapped, one digit different, two neighbouring digits turned round
 *   (30 for 03, 1956 for 1965), or the same year where either is 1 July or 1 January.
 * - `unknown`: either is missing.
 * - `different`: none of these.
 */
export type DateCloseness = 'exact' | 'near' | 'unknown' | 'different';

/** Month-day of the dates given by convention when only the year is known. */
const CONVENTION = new Set(['07-01', '01-01']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function dateCloseness(a: string | null | undefined, b: string | null | undefined): DateCloseness {
  if (!a || !b || !ISO.test(a) || !ISO.test(b)) return 'unknown';
  if (a === b) return 'exact';
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return 'near';
  if (ya === yb && (CONVENTION.has(a.slice(5)) || CONVENTION.has(b.slice(5)))) return 'near';
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a.charAt(i) !== b.charAt(i)) diff.push(i);
  if (diff.length === 1) return 'near';
  // Two neighbouring digits of one field turned round (no dash between them).
  const [i, j] = diff;
  if (diff.length === 2 && j === i! + 1 && a.charAt(i!) === b.charAt(j) && a.charAt(j) === b.charAt(i!)) return 'near';
  return 'different';
}

/**
 * Every date `near` (or `exact`) a valid ISO date, except those in the same year by the convention
 * (see `conventionYear`): the candidates a query can fetch. Always the same count (some are not
 * real dates and match nothing), so one prepared statement serves every date.
 */
export function nearDates(iso: string): string[] {
  const out = [iso, `${iso.slice(0, 4)}-${iso.slice(8, 10)}-${iso.slice(5, 7)}`];
  for (let i = 0; i < iso.length; i++) {
    if (iso.charAt(i) === '-') continue;
    for (let d = 0; d <= 9; d++) if (String(d) !== iso.charAt(i)) out.push(iso.slice(0, i) + d + iso.slice(i + 1));
    if (i + 1 < iso.length && iso.charAt(i + 1) !== '-') out.push(iso.slice(0, i) + iso.charAt(i + 1) + iso.charAt(i) + iso.slice(i + 2));
  }
  return out;
}

/** The year whose every date is `near` this one (a date by convention), or null. */
export const conventionYear = (iso: string): string | null => (CONVENTION.has(iso.slice(5)) ? iso.slice(0, 4) : null);
