// Dates as a clerk types them: day first, always (12031985, 12-3-85, 12 Maret 1985), plus ISO
// when pasted. Pure: `today` is always passed in, so a test can stand on any day.
import { isValidYmd, monthFromName, pivotYear, ymdToIso } from './dates';

/** 'birth': never in the future (refused); 'any': a future date is only warned (a report day, a list's date). */
export type DateKind = 'birth' | 'any';

/** Why typed text gives no date. 'unreadable': not a date's shape; the others name the fault. */
export type TypedDateError = 'unreadable' | 'no-such-date' | 'year-range' | 'future-birth';

/** `iso` is '' for empty text: the rest of the app sees ISO yyyy-mm-dd or nothing. */
export type TypedDate = { ok: true; iso: string } | { ok: false; error: TypedDateError };

export interface TypedDateOptions {
  /** ISO yyyy-mm-dd: the local date at the counter. */
  today: string;
  kind?: DateKind;
}

/** A typed date outside these years is a slip of the keyboard, not a patient's or a report's date. */
export const TYPED_MIN_YEAR = 1900;
export const TYPED_MAX_YEAR = 2100;

const SEP = '[\\s./\\-,]+';
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = new RegExp(`^(\\d{1,4})${SEP}(\\d{1,2})${SEP}(\\d{1,4})$`);
const NAMED = new RegExp(`^(\\d{1,2})(?:${SEP})?([\\p{L}]+)\\.?(?:${SEP})?(\\d{4}|\\d{2})$`, 'u');
// "March 12, 1985" as pasted from an English text: a month name leaves no doubt about the order.
const NAME_FIRST = new RegExp(`^([\\p{L}]+)\\.?(?:${SEP})?(\\d{1,2})${SEP}(\\d{4})$`, 'u');
const DIGITS = /^\d+$/;

function isoNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/**
 * Two-digit year. A birth date lies in the past: 20yy unless that is after today, then 19yy
 * (12/3/85 is 1985, 1/1/20 is 2020 in 2026). Any other date: the century nearer today.
 */
export function typedYear(yy: number, m: number, d: number, today: string, kind: DateKind): number {
  if (kind === 'birth') return pivotYear(yy, m, d, isoNumber(today));
  const year = Number(today.slice(0, 4));
  const late = 2000 + yy;
  const early = 1900 + yy;
  return Math.abs(late - year) < Math.abs(early - year) ? late : early;
}

type Parts = { y: number; m: number; d: number } | { y: number; m: number; d: number; yy: true } | null;

function fourOrTwo(text: string, m: number, d: number): Parts {
  if (text.length === 4) return { y: Number(text), m, d };
  if (text.length === 2) return { y: Number(text), m, d, yy: true };
  return null; // a 1- or 3-digit year is a typo
}

function digitsOnly(s: string): Parts {
  if (s.length === 6) return { y: Number(s.slice(4, 6)), m: Number(s.slice(2, 4)), d: Number(s.slice(0, 2)), yy: true };
  if (s.length !== 8) return null;
  const dayFirst = { y: Number(s.slice(4, 8)), m: Number(s.slice(2, 4)), d: Number(s.slice(0, 2)) };
  if (isValidYmd(dayFirst.y, dayFirst.m, dayFirst.d) && dayFirst.y >= TYPED_MIN_YEAR) return dayFirst;
  // yyyymmdd (a pasted compact ISO): never also a valid ddmmyyyy, since its "month" would be 19..21.
  const yearFirst = { y: Number(s.slice(0, 4)), m: Number(s.slice(4, 6)), d: Number(s.slice(6, 8)) };
  if (yearFirst.y >= TYPED_MIN_YEAR && yearFirst.y <= TYPED_MAX_YEAR && isValidYmd(yearFirst.y, yearFirst.m, yearFirst.d)) return yearFirst;
  return dayFirst;
}

function partsOf(s: string): Parts {
  if (DIGITS.test(s)) return digitsOnly(s);
  let m = NUMERIC.exec(s);
  if (m !== null) {
    const a = m[1] ?? '';
    const b = Number(m[2]);
    const c = m[3] ?? '';
    if (a.length === 4) return c.length <= 2 ? { y: Number(a), m: b, d: Number(c) } : null;
    if (a.length > 2) return null;
    return fourOrTwo(c, b, Number(a));
  }
  m = NAMED.exec(s);
  if (m !== null) {
    const month = monthFromName(m[2] ?? '');
    return month === undefined ? null : fourOrTwo(m[3] ?? '', month, Number(m[1]));
  }
  m = NAME_FIRST.exec(s);
  if (m !== null) {
    const month = monthFromName(m[1] ?? '');
    return month === undefined ? null : { y: Number(m[3]), m: month, d: Number(m[2]) };
  }
  return null;
}

/** Text typed into a date field, read day first. Never throws; never yields a date that does not exist. */
export function parseTypedDate(text: string, options: TypedDateOptions): TypedDate {
  const kind = options.kind ?? 'any';
  let s = text.trim().replace(/\s+/g, ' ');
  if (s === '') return { ok: true, iso: '' };
  const withTime = ISO_TIME.exec(s);
  if (withTime !== null) s = withTime[1] ?? s;
  const parts = partsOf(s);
  if (parts === null) return { ok: false, error: 'unreadable' };
  const y = 'yy' in parts ? typedYear(parts.y, parts.m, parts.d, options.today, kind) : parts.y;
  // Day and month first: "31-02-1985" is a date that does not exist, whatever its year.
  if (!isValidYmd(2000, parts.m, parts.d)) return { ok: false, error: 'no-such-date' };
  if (y < TYPED_MIN_YEAR || y > TYPED_MAX_YEAR) return { ok: false, error: 'year-range' };
  if (!isValidYmd(y, parts.m, parts.d)) return { ok: false, error: 'no-such-date' };
  const iso = ymdToIso(y, parts.m, parts.d);
  if (kind === 'birth' && iso > options.today) return { ok: false, error: 'future-birth' };
  return { ok: true, iso };
}

/** "12-03-1985": how the field shows a date it was given (day first, like the clerk types it). */
export function isoToDayFirst(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '';
}

export type DateWarning = { kind: 'future' } | { kind: 'nik'; nikDate: string };

export interface DateRuleOptions {
  today: string;
  kind?: DateKind;
  /** The birth date a NIK encodes (ISO; its century is a guess), or null when there is none. */
  nikBirthDate?: string | null;
}

/**
 * Warnings on a date that was understood: never a refusal. Against a NIK only day, month and
 * two-digit year count: the NIK's century is a guess, and a NIK is never corrected.
 */
export function dateWarnings(iso: string, options: DateRuleOptions): DateWarning[] {
  const out: DateWarning[] = [];
  if (iso === '') return out;
  if ((options.kind ?? 'any') === 'any' && iso > options.today) out.push({ kind: 'future' });
  const nik = options.nikBirthDate;
  if (nik && nik.slice(2, 10) !== iso.slice(2, 10)) out.push({ kind: 'nik', nikDate: nik });
  return out;
}
