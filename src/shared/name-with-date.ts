import { parseTypedDate } from './typed-date';

/** A name query with a birth date typed into the same field, taken apart. */
export interface NameWithDate {
  name: string;
  /** The date as typed ("12-03-1985", "12031985"). */
  dateText: string;
  /** ISO yyyy-mm-dd. */
  iso: string;
}

// A date at the end (or the start) of a name: day first with separators, 8 digits, or a month name.
const DATE = String.raw`(\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{8}|\d{1,2}\s+\p{L}+\.?\s+\d{4})`;
const TRAILING = new RegExp(String.raw`^(.*\p{L}.*?)[\s,;]+${DATE}$`, 'u');
const LEADING = new RegExp(String.raw`^${DATE}[\s,;]+(.*\p{L}.*)$`, 'u');

/**
 * "siti aminah 12-03-1985" typed into the one search field: the name and the birth date, as if
 * the date had gone into its own field. Otherwise the whole text was a name, with its digits: no
 * list member answered, and a new record was made under "SITI AMINAH 12-03-1985" (UI tester,
 * finding 1). Null unless the date is a real birth date (not in the future) and letters remain.
 */
export function nameWithDate(query: string, today: string): NameWithDate | null {
  const text = query.trim().replace(/\s+/g, ' ');
  const trailing = TRAILING.exec(text);
  const leading = trailing ? null : LEADING.exec(text);
  const name = trailing?.[1] ?? leading?.[2];
  const dateText = trailing?.[2] ?? leading?.[1];
  if (!name || !dateText) return null;
  const date = parseTypedDate(dateText, { today, kind: 'birth' });
  if (!date.ok || date.iso === '') return null;
  return { name: name.trim(), dateText, iso: date.iso };
}
