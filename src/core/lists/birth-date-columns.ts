/**
 * Birth dates that hand-made lists spread over or share with other columns:
 * - split: "TANGGAL LAHIR" merged over three columns with "TGL | BLN | THN" in the row below (or
 *   "TGL LAHIR | BLN | THN" side by side). Only the first would be mapped, and its day (15) read
 *   as a date: the three are combined into one date instead;
 * - "TEMPAT/TGL LAHIR" or "TTL": place and date in one cell ("SERANG, 12-01-1980"), read as the
 *   birth date (birth-date.ts takes the date after the place) when no birth-date column exists.
 */
import { normalizeHeader, type ColumnMapping } from './columns';
import type { RawCell } from './list-reader.types';

/** Where the month and the year of a split birth date are; the day is the birth-date column. */
export interface SplitBirthDate {
  month: number;
  year: number;
}

const DAY = /^(TGL|TG|TANGGAL|HARI|HR|DD)$/;
const MONTH = /^(BLN|BL|BULAN|MM)$/;
const YEAR = /^(THN|TH|TAHUN|YYYY|YY)$/;
const TTL = /^(TTL|(TEMPAT|TMPT|TMP|TPT)(DAN|&|,|\/)?(TGL|TANGGAL)(LAHIR|LHR))$/;

function word(cell: RawCell | string | undefined): string {
  return typeof cell === 'string' ? normalizeHeader(cell) : '';
}

/**
 * The split shape around the mapped birth-date column, from the header row (`headers`) or the
 * row right under it (`below`, null when that row is not the next one). `fromBelow`: the row
 * under the header names the parts, and is a header row, not a member.
 */
export function splitBirthDate(
  headers: readonly string[],
  below: readonly RawCell[] | null,
  mapping: ColumnMapping,
): (SplitBirthDate & { fromBelow: boolean }) | null {
  const d = mapping.dob;
  if (d === undefined) return null;
  const taken = new Set(Object.values(mapping));
  if (taken.has(d + 1) || taken.has(d + 2)) return null;
  if (below && MONTH.test(word(below[d + 1])) && YEAR.test(word(below[d + 2])) && (DAY.test(word(below[d])) || word(below[d]) === '')) {
    return { month: d + 1, year: d + 2, fromBelow: true };
  }
  if (MONTH.test(word(headers[d + 1])) && YEAR.test(word(headers[d + 2]))) return { month: d + 1, year: d + 2, fromBelow: false };
  return null;
}

/** A TEMPAT/TGL LAHIR column, unmapped, when there is no birth-date column. */
export function ttlColumn(headers: readonly string[], mapping: ColumnMapping): number | null {
  if (mapping.dob !== undefined) return null;
  const taken = new Set(Object.values(mapping));
  const col = headers.findIndex((h, i) => !taken.has(i) && TTL.test(normalizeHeader(h).replace(/ /g, '')));
  return col < 0 ? null : col;
}

function partText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  return '';
}

/**
 * Puts "day-month-year" into the birth-date cell of a row (in place). Only a day (1 or 2 digits)
 * is joined: a full date in that cell stays as it is, so BULAN | TAHUN columns that give the
 * list's period beside a real birth-date column never spoil it.
 */
export function joinBirthDate(cells: RawCell[], dob: number, split: SplitBirthDate): void {
  const day = partText(cells[dob]);
  if (!/^\d{1,2}$/.test(day)) return;
  cells[dob] = `${day}-${partText(cells[split.month])}-${partText(cells[split.year])}`;
}
