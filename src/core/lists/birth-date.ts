/**
 * A birth-date cell of a list row. parseDate reads any date; this adds what is specific to a
 * birth date in hand-made lists, where the column often holds something else:
 * - a plain number is an Excel serial only when it is a believable one: a birth year (1950), an
 *   age (86) or the day of a date split over three columns (15) would otherwise become a date
 *   of 1900-1905;
 * - a date before 1906 is nobody's birth date at the counter (it is a serial misread, or a
 *   placeholder like 01-01-1900): reported, not stored;
 * - "SERANG, 12-01-1980" (a TEMPAT/TGL LAHIR column): the date after the place.
 */
import { parseDate, todayYmd } from '../../shared/dates';
import type { RawCell } from './list-reader.types';

export type BirthDate =
  | { iso: string }
  | { iso: null; problem: 'unreadable' | 'year-only' | 'not-a-date' | 'implausible'; detail: string };

/** The earliest birth date stored: older ones are misreadings (the oldest person alive was born after it). */
const EARLIEST = '1906-01-01';
/** Excel serial of EARLIEST: a number cell below it is not read as a date. */
const EARLIEST_SERIAL = 2193;
const FOUR_DIGITS = /^\d{4}$/;
/** A date at the end of a "place, date" text without a comma: "SERANG 12-01-1980". */
const TRAILING_DATE = /(\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4})$/;

function isBirthYear(n: number, today: string | undefined): boolean {
  return Number.isInteger(n) && n >= 1900 && n <= Math.floor(todayYmd(today) / 10000);
}

/** `text`: the cell as trimmed text (the caller's cleaning). */
export function readBirthDate(raw: RawCell, text: string, today: string | undefined): BirthDate {
  let iso: string | null;
  if (typeof raw === 'number') {
    if (isBirthYear(raw, today)) return { iso: null, problem: 'year-only', detail: text };
    if (raw < EARLIEST_SERIAL) return { iso: null, problem: 'not-a-date', detail: text };
    iso = parseDate(raw, today);
  } else if (typeof raw === 'string') {
    // The length first: the regex on every row's date showed in the reader thread's profile.
    if (text.length === 4 && FOUR_DIGITS.test(text) && isBirthYear(Number(text), today)) return { iso: null, problem: 'year-only', detail: text };
    iso = parseDate(text, today) ?? afterPlace(text, today);
  } else {
    iso = parseDate(raw, today);
  }
  if (iso === null) return { iso: null, problem: 'unreadable', detail: text };
  if (iso < EARLIEST) return { iso: null, problem: 'implausible', detail: iso };
  return { iso };
}

/** The date part of "TEMPAT, TGL LAHIR": after the last comma, or a date at the end. */
function afterPlace(text: string, today: string | undefined): string | null {
  const comma = text.lastIndexOf(',');
  if (comma >= 0) return parseDate(text.slice(comma + 1).trim(), today);
  const m = TRAILING_DATE.exec(text);
  return m ? parseDate(m[1] ?? '', today) : null;
}
