/**
 * The as-of date a list file states about itself, as a suggestion for the administrator (who
 * can always change it): a title row ("BULAN : SEPTEMBER 2025", "PERIODE OKTOBER 2025",
 * "Per 1 November 2026"), BULAN/TAHUN (or PERIODE) columns, or the file name
 * ("pbi-apbd-2025-09.xlsx", "PBI NOVEMBER 2025.csv"). A month alone means its first day: that is
 * the date a monthly list takes effect.
 */
import type { AsOfSuggestion } from '../../shared/lists';
import { normalizeHeader } from './columns';

const MONTHS: Record<string, number> = {
  JANUARI: 1, JANUARY: 1, JAN: 1,
  FEBRUARI: 2, PEBRUARI: 2, FEBRUARY: 2, FEB: 2, PEB: 2,
  MARET: 3, MARCH: 3, MAR: 3,
  APRIL: 4, APR: 4,
  MEI: 5, MAY: 5,
  JUNI: 6, JUNE: 6, JUN: 6,
  JULI: 7, JULY: 7, JUL: 7,
  AGUSTUS: 8, AGUSTUSTUS: 8, AUGUST: 8, AGS: 8, AGU: 8, AGT: 8, AUG: 8,
  SEPTEMBER: 9, SEPT: 9, SEP: 9,
  OKTOBER: 10, OCTOBER: 10, OKT: 10, OCT: 10,
  NOVEMBER: 11, NOPEMBER: 11, NOV: 11, NOP: 11,
  DESEMBER: 12, DECEMBER: 12, DES: 12, DEC: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** "1 November 2026", "SEPTEMBER 2025", "Okt-2025", "NOVEMBER2025" (a file name). */
const NAMED = new RegExp(`(?:^|[^A-Z0-9])(?:(\\d{1,2})[\\s._-]+)?(${MONTH_NAMES})[\\s._,-]*((?:19|20)\\d{2})(?!\\d)`);
/** "01-11-2026", "1/11/2026": day first, as Indonesian lists write dates. */
const DAY_FIRST = /(?:^|\D)(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})(?!\d)/;
/** "2025-09", "2025_09", "202509" is too ambiguous and not read. */
const YEAR_MONTH = /(?:^|\D)((?:19|20)\d{2})[-_./ ](0?[1-9]|1[0-2])(?![\d])/;
/** "09-2025", "9/2025". */
const MONTH_YEAR = /(?:^|\D)(0?[1-9]|1[0-2])[-_./ ]((?:19|20)\d{2})(?!\d)/;
/** Title rows that state a period: preferred over a title that merely contains a date. */
const PERIOD_WORDS = /\b(BULAN|PERIODE|PER|POSISI|KONDISI|TANGGAL|TGL|AS OF|DATA)\b/;

function iso(year: number, month: number, day = 1): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return d.toISOString().slice(0, 10);
}

/** The date a piece of text names, or null: a day with a month and year, or a month and year. */
export function dateInText(text: string): string | null {
  const upper = text.toUpperCase();
  const named = NAMED.exec(upper);
  if (named) {
    const month = MONTHS[named[2] ?? ''] ?? 0;
    const date = iso(Number(named[3]), month, named[1] ? Number(named[1]) : 1);
    if (date) return date;
  }
  const dayFirst = DAY_FIRST.exec(upper);
  if (dayFirst) {
    const date = iso(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    if (date) return date;
  }
  const ym = YEAR_MONTH.exec(upper);
  if (ym) return iso(Number(ym[1]), Number(ym[2]));
  const my = MONTH_YEAR.exec(upper);
  if (my) return iso(Number(my[2]), Number(my[1]));
  return null;
}

/** From the title rows above the header: a row that names a period first, then any row with a date. */
export function asOfFromTitles(titles: readonly string[]): AsOfSuggestion | null {
  const rows = titles.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  for (const wanted of [true, false]) {
    for (const text of rows) {
      if (PERIOD_WORDS.test(normalizeHeader(text)) !== wanted) continue;
      const date = dateInText(text);
      if (date) return { date, source: 'title', text };
    }
  }
  return null;
}

function monthOf(value: string): number | null {
  const v = value.trim().toUpperCase();
  if (/^\d{1,2}$/.test(v)) return Number(v);
  return MONTHS[v.replace(/[^A-Z]/g, '')] ?? null;
}

/**
 * From BULAN and TAHUN columns (or one PERIODE column) of the first data rows: the value most
 * rows agree on, since a list is one period.
 */
export function asOfFromColumns(headers: readonly string[], rows: readonly (readonly string[])[]): AsOfSuggestion | null {
  const keys = headers.map((h) => normalizeHeader(h));
  const monthCol = keys.findIndex((k) => k === 'BULAN' || k === 'BLN');
  const yearCol = keys.findIndex((k) => k === 'TAHUN' || k === 'THN');
  const periodCol = keys.findIndex((k) => k === 'PERIODE' || k === 'BULAN TAHUN' || k === 'PERIODE DATA');
  const votes = new Map<string, { count: number; text: string }>();
  for (const row of rows) {
    let date: string | null = null;
    let text = '';
    if (monthCol >= 0 && yearCol >= 0) {
      const month = monthOf(row[monthCol] ?? '');
      const year = Number((row[yearCol] ?? '').trim());
      date = month === null || !Number.isInteger(year) ? null : iso(year, month);
      text = `${headers[monthCol]}=${row[monthCol]}, ${headers[yearCol]}=${row[yearCol]}`;
    } else if (periodCol >= 0) {
      date = dateInText(row[periodCol] ?? '');
      text = `${headers[periodCol]}=${row[periodCol]}`;
    }
    if (!date) continue;
    const vote = votes.get(date) ?? { count: 0, text };
    vote.count++;
    votes.set(date, vote);
  }
  let best: AsOfSuggestion | null = null;
  let bestCount = 0;
  for (const [date, vote] of votes) {
    if (vote.count > bestCount) {
      best = { date, source: 'columns', text: vote.text };
      bestCount = vote.count;
    }
  }
  return best;
}

/** From the file name without its extension ("pbi-apbd-2025-09.xlsx", "PBI NOVEMBER 2025.csv"). */
export function asOfFromFileName(fileName: string): AsOfSuggestion | null {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const date = dateInText(stem);
  return date ? { date, source: 'file-name', text: fileName } : null;
}

/** Title rows first (the list says it), then its columns, then the file name. */
export function suggestAsOf(input: { titles: readonly string[]; headers: readonly string[]; sample: readonly (readonly string[])[]; fileName: string }): AsOfSuggestion | null {
  return asOfFromTitles(input.titles) ?? asOfFromColumns(input.headers, input.sample) ?? asOfFromFileName(input.fileName);
}
