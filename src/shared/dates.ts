// Calendar helpers and the date parser used on every list row. Pure: no I/O, and the only
// ambient input is the clock when a caller leaves `today` out.

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;
const MAX_EXCEL_SERIAL = 2958465; // 9999-12-31, Excel's last date
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  if (d <= 28) return true;
  return d <= (m === 2 ? (isLeapYear(y) ? 29 : 28) : (DAYS_IN_MONTH[m] ?? 0));
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : '' + n;
}

export function ymdToIso(y: number, m: number, d: number): string {
  const ys = y >= 1000 ? '' + y : ('000' + y).slice(-4);
  return ys + '-' + pad2(m) + '-' + pad2(d);
}

/** Days since 1970-01-01 (Hinnant's days_from_civil): integer arithmetic, no Date allocation. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, straight to ISO text. */
export function civilToIso(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ymdToIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

// The local date changes once a day; caching it keeps `new Date()` out of the per-row path.
let clockCacheUntil = 0;
let clockCacheValue = 0;
let argCacheKey = '';
let argCacheValue = 0;

/** `today` as yyyymmdd (an integer, so comparing dates is one `>`), or the local date when omitted. */
export function todayYmd(today?: string): number {
  if (today !== undefined) {
    if (today === argCacheKey) return argCacheValue;
    const m = ISO_DATE.exec(today);
    const v = m === null ? NaN : Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
    if (Number.isFinite(v)) {
      argCacheKey = today;
      argCacheValue = v;
      return v;
    }
  }
  const now = Date.now();
  if (now < clockCacheUntil) return clockCacheValue;
  const d = new Date(now);
  clockCacheValue = d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  clockCacheUntil = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  return clockCacheValue;
}

/** Two-digit year: 20yy unless that date would lie after today, then 19yy (birth dates are in the past). */
export function pivotYear(yy: number, m: number, d: number, today: number): number {
  return (2000 + yy) * 10000 + m * 100 + d > today ? 1900 + yy : 2000 + yy;
}

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const s = Math.floor(serial); // a fraction is the time of day
  if (s < 1 || s > MAX_EXCEL_SERIAL || s === 60) return null; // 60 is Lotus' fake 1900-02-29
  // Serial 25569 is 1970-01-01; serials before the fake leap day are one day further off.
  return civilToIso(s < 60 ? s - 25568 : s - 25569);
}

const MONTHS = new Map<string, number>();
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januari', 'jan', 'january', 'janu'],
  ['februari', 'feb', 'pebruari', 'peb', 'february', 'febr'],
  ['maret', 'mar', 'march', 'mrt'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['agustus', 'agu', 'agt', 'ags', 'aug', 'august', 'agust', 'agus'],
  ['september', 'sep', 'sept', 'sepember'],
  ['oktober', 'okt', 'oct', 'october'],
  ['november', 'nov', 'nop', 'nopember'],
  ['desember', 'des', 'dec', 'december'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => MONTHS.set(n, i + 1)));

/** 1..12 for a month name or abbreviation in Indonesian or English (any case, a trailing dot allowed); undefined otherwise. */
export function monthFromName(name: string): number | undefined {
  const key = name.toLowerCase();
  return MONTHS.get(key.endsWith('.') ? key.slice(0, -1) : key);
}

// Compiled once: this runs for every row of a multi-million-row import.
const TIME_SUFFIX = /(?:T|\s+)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[AP]\.?M\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})$/;
const EIGHT_DIGITS = /^\d{8}$/;
const DAY_MONTH_NAME = /^(?:[A-Z]+,\s*)?(\d{1,2})[\s\-/.]*([A-Z]+)\.?[\s\-/.,]*(\d{4}|\d{2})$/i;
const MONTH_NAME_DAY = /^(?:[A-Z]+,\s*)?([A-Z]+)\.?[\s\-/.]*(\d{1,2})(?:ST|ND|RD|TH)?[\s\-/.,]*(\d{4})$/i;

function checked(y: number, m: number, d: number): string | null {
  if (y < MIN_YEAR || y > MAX_YEAR || !isValidYmd(y, m, d)) return null;
  return ymdToIso(y, m, d);
}

function yearOf(text: string, m: number, d: number, today: string | undefined): number {
  if (text.length === 4) return Number(text);
  if (text.length === 2) return pivotYear(Number(text), m, d, todayYmd(today));
  return -1; // 1- or 3-digit years are typos, not dates
}

/** The digit at `i` of `s` (0-9), or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** `s` holds a digit at each of `at`. */
function digitsAt(s: string, at: readonly number[]): boolean {
  for (const i of at) if (digitAt(s, i) < 0) return false;
  return true;
}

const DAY_FIRST_DIGITS = [0, 1, 3, 4, 6, 7, 8, 9];
const YEAR_FIRST_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];
const isDateSeparator = (c: number): boolean => c === 45 || c === 47 || c === 46; // - / .

/**
 * dd-mm-yyyy and yyyy-mm-dd (with -, / or ., the same twice), read without a regex: nearly every
 * date cell of a list is one of them, and an import reads three dates a row for millions of rows.
 * The result is exactly NUMERIC's reading of the same text; undefined for any other shape.
 */
function fixedWidthDate(s: string): string | null | undefined {
  if (s.length !== 10) return undefined;
  const two = (i: number): number => digitAt(s, i) * 10 + digitAt(s, i + 1);
  const sep2 = s.charCodeAt(2);
  if (isDateSeparator(sep2) && s.charCodeAt(5) === sep2 && digitsAt(s, DAY_FIRST_DIGITS)) {
    return checked(two(6) * 100 + two(8), two(3), two(0));
  }
  const sep4 = s.charCodeAt(4);
  if (isDateSeparator(sep4) && s.charCodeAt(7) === sep4 && digitsAt(s, YEAR_FIRST_DIGITS)) {
    return checked(two(0) * 100 + two(2), two(5), two(8));
  }
  return undefined;
}

function parseText(raw: string, today: string | undefined): string | null {
  let s = raw.trim();
  if (s.length > 10) s = s.replace(TIME_SUFFIX, '');
  if (s.length < 6) return null;
  const fixed = fixedWidthDate(s);
  if (fixed !== undefined) return fixed;

  let m = NUMERIC.exec(s);
  if (m !== null) {
    const a = m[1] ?? '';
    const b = Number(m[3]);
    const c = m[4] ?? '';
    if (a.length === 4) return c.length <= 2 ? checked(Number(a), b, Number(c)) : null;
    if (a.length > 2) return null;
    // Indonesia writes the day first, always: 03/12/1985 is 3 December.
    const d = Number(a);
    return checked(yearOf(c, b, d, today), b, d);
  }
  if (EIGHT_DIGITS.test(s)) {
    const ymd = checked(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
    // ddmmyyyy as a fallback never collides: a valid yyyymmdd has a day-month pair that is not.
    return ymd ?? checked(Number(s.slice(4, 8)), Number(s.slice(2, 4)), Number(s.slice(0, 2)));
  }
  m = DAY_MONTH_NAME.exec(s);
  if (m !== null) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase());
    if (month === undefined) return null;
    const d = Number(m[1]);
    return checked(yearOf(m[3] ?? '', month, d, today), month, d);
  }
  m = MONTH_NAME_DAY.exec(s);
  if (m !== null) {
    const month = MONTHS.get((m[1] ?? '').toLowerCase());
    if (month === undefined) return null;
    return checked(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

/**
 * Returns ISO 'yyyy-mm-dd' or null. JS numbers are Excel serials (1900 system); numeric text is
 * never a serial. Dates use their UTC fields because XLSX readers give UTC midnight. Years
 * outside 1800..2200 are rejected; anything birth-date specific is the caller's business.
 */
export function parseDate(raw: string | number | Date | null | undefined, today?: string): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return parseText(raw, today);
  if (typeof raw === 'number') {
    const iso = excelSerialToIso(raw);
    if (iso === null) return null;
    const y = Number(iso.slice(0, 4));
    return y < MIN_YEAR || y > MAX_YEAR ? null : iso;
  }
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    return checked(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  return null;
}

const ZONE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Today's date at the facility: "today's queue" follows the facility's zone, not the PC's. Throws RangeError for an unknown zone. */
export function isoDateInZone(instant: Date, timeZone: string): string {
  let fmt = ZONE_FORMATS.get(timeZone);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    ZONE_FORMATS.set(timeZone, fmt);
  }
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of fmt.formatToParts(instant)) {
    if (part.type === 'year') y = Number(part.value);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return ymdToIso(y, m, d);
}

function isoToDays(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (m === null) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? daysFromCivil(y, mo, d) : NaN;
}

/** Whole days from a to b (b - a); NaN when either is not an ISO date. */
export function daysBetween(a: string, b: string): number {
  return isoToDays(b) - isoToDays(a);
}

const CALENDAR_FORMATS = new Map<'id' | 'en', Intl.DateTimeFormat>();

/**
 * "12 Mar 1985" / "12 Mei 2025": a calendar date (yyyy-mm-dd) with the month in words, so day
 * and month are never confused. The screens' date (renderer format.ts) and the files the core
 * words in the caller's language (the audit export) alike. Anything else comes back as it is.
 */
export function formatCalendarDate(iso: string, lang: 'id' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  let format = CALENDAR_FORMATS.get(lang);
  if (!format) {
    // UTC on both sides: a calendar date must not shift with the clock's zone.
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });
    CALENDAR_FORMATS.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
