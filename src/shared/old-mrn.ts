// A patient's record number from before Loket ("RM lama"): the number on the card of a facility
// that moved from paper records (or from another system). Written as the card shows it; found by
// a key that ignores what clerks type differently ("No. RM 000013", "13", "0000-13").
import { isAllDigits, stripSeparators } from './separators';

/**
 * "RM", "NO RM", "No. RM:" before a record number, or "MRN" as the English screens and slips print
 * it (the label is no part of the number).
 */
export const RECORD_LABEL = /^(?:(?:NO\.?\s*)?RM|MRN)[\s.:#-]*(?=\d)/;

/** "RM lama", "No. RM lama:", "lama", English "old MRN" before a number: the query asks for an old record number only. */
const OLD_LABEL = /^(?:(?:(?:NO\.?\s*)?RM\s*)?LAMA|OLD\s*MRN)(?:[\s.:#-]+|(?=\d))(?=\S)/;

/** The longest old RM kept (a card's number with its year and letters). */
export const OLD_MRN_MAX = 40;

/** The old RM as a record keeps it: upper case, trimmed, without a label typed before it; null for none. */
export function storedOldMrn(typed: string | null | undefined): string | null {
  if (typed === null || typed === undefined) return null;
  const upper = typed.trim().toUpperCase();
  const bare = upper.replace(OLD_LABEL, '').replace(RECORD_LABEL, '').trim();
  return bare === '' ? null : bare;
}

/**
 * The search key of an old RM: no label, no separators, and for an all-digit number no leading
 * zeros ("No. RM 000013", "13" and "0000-13" all give "13"); null for none.
 */
export function oldMrnKey(oldMrn: string | null | undefined): string | null {
  const stored = storedOldMrn(oldMrn);
  if (stored === null) return null;
  const compact = stripSeparators(stored);
  if (compact === '') return null;
  return isAllDigits(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}

/** Two old RMs that are the same card's number ("No. RM 3" and "000003"); never when either is none. */
export function sameOldMrn(a: string | null | undefined, b: string | null | undefined): boolean {
  const key = oldMrnKey(a);
  return key !== null && key === oldMrnKey(b);
}

/** The number of a query that says it is an old RM ("RM lama 000013", "lama 13"); null otherwise. */
export function oldMrnQuery(query: string): string | null {
  const upper = query.trim().toUpperCase();
  const bare = upper.replace(OLD_LABEL, '');
  return bare === upper ? null : bare.trim() || null;
}

/** At most this many letters beside the digits: a series letter or a short prefix ("A/0014", "RJ-0123"), not a word. */
const NUMBER_LETTERS = 3;

/**
 * A query that is a number, never a name: digits with at most a series letter or a short prefix.
 * "A/0014", "B0013", "L000123": the number of an old card, or a record number with a prefix.
 * Found by nobody, it is said so, never searched as a name nor made a new patient's name. A name
 * that holds a digit stays a name ("TANPA IDENTITAS 14:32", the stored name of an emergency).
 */
export function isNumberLike(query: string): boolean {
  return /\d/.test(query) && (query.match(/\p{L}/gu) ?? []).length <= NUMBER_LETTERS;
}
