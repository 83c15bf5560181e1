import { isAllDigits, stripSeparators } from '../../../../shared/separators';

/**
 * Whether to search while the clerk is still typing (debounced). A name of 3+ characters, a
 * complete 16-digit NIK, or a 13-digit card number that starts with 0 (a NIK never does, so it
 * cannot be the first 13 digits of a NIK still being typed). Any other number waits for Enter,
 * so a NIK typed digit by digit does not flash "not recognised" at every pause.
 */
export function shouldAutoSearch(query: string): boolean {
  const q = query.trim();
  if (q.length < 3) return false;
  const compact = stripSeparators(q);
  if (!isAllDigits(compact)) return true;
  return compact.length === 16 || (compact.length === 13 && compact.startsWith('0'));
}

/**
 * More digits than any NIK: a second number typed or scanned onto the first (a scanner without
 * a suffix appends the next card). The answer on screen is no longer this field's: it goes.
 */
export function beyondAnyNumber(query: string): boolean {
  const compact = stripSeparators(query.trim());
  return compact.length > 16 && isAllDigits(compact);
}

/** A name search: the birth date field only matters for these. */
export function isNameQuery(query: string): boolean {
  return /\p{L}/u.test(query);
}

/**
 * Text pasted into the search field as the search reads it: a Tab (two spreadsheet cells) or a
 * line break (a column of cells) is a space between words or numbers, never a control character
 * the contract refuses; the line break Excel puts after a single cell goes.
 */
export function pastedQuery(text: string): string {
  return text.replace(/[\t\n\r\v\f]+/g, ' ').trim();
}
