/**
 * What the CSV and XLSX readers have in common: a pull-based source of raw rows, and the
 * search for the header row below title rows.
 */
import { fieldOfHeader, hasOverrideHeaders, matchHeader, type ColumnMapping, type ListField } from './columns';
import { splitBirthDate, ttlColumn, type SplitBirthDate } from './birth-date-columns';
import { ListFileError, type ListFileReason } from './list-file-error';
import type { RawCell, RawRow } from './list-reader';
import { unplacedIdentifiers } from './unplaced-identifiers';

/** Rows in file order, delivered in whatever chunks the format produces naturally. */
export interface RowSource {
  /** The next rows, or null at the end. */
  next(): Promise<RawRow[] | null>;
  bytesRead(): number;
  close(): Promise<void>;
}

/** The header is searched for in this many rows (title rows, blank rows, a logo...). */
export const HEADER_SEARCH_ROWS = 50;

export interface FoundHeader {
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Rows already pulled from the source after the header row. */
  pending: RawRow[];
  /** The non-empty rows above the header as text ("DAFTAR PESERTA ...", "BULAN : SEPTEMBER 2025"). */
  titles: string[];
  /** A birth date split over day | month | year columns (birth-date-columns.ts). */
  splitDob?: SplitBirthDate;
}

/** The row most like a header in a file whose header was not recognized, for mapping by hand. */
export interface HeaderCandidate {
  headerRow: number;
  headers: string[];
  /** Rows under it (at most CANDIDATE_SAMPLE_ROWS), as found. */
  sample: RawRow[];
  titles: string[];
  /** Set by the format readers. */
  format?: 'csv' | 'xlsx';
  sheetName?: string;
  /**
   * A header row that names known columns (NAMA, STATUS) but no NIK or card column: what it
   * maps. A NIK-only list under "NO. IDENTITAS" keeps its other columns, so only the NIK is
   * left to map by hand.
   */
  mapping?: ColumnMapping;
}

/** Why no usable header was found; ordered from least to most specific. */
export type HeaderMiss = (
  | { code: 'no-header' }
  | { code: 'no-identifier-column'; detail: string }
  | { code: 'unknown-mapping-column'; detail: string; params: Record<string, string | number> }
) & { candidate?: HeaderCandidate };

const MISS_RANK: Record<HeaderMiss['code'], number> = { 'no-header': 0, 'no-identifier-column': 1, 'unknown-mapping-column': 2 };

/** The more specific reason; the first candidate found (the first sheet's) is kept. */
export function moreSpecific(a: HeaderMiss, b: HeaderMiss): HeaderMiss {
  const miss = MISS_RANK[b.code] > MISS_RANK[a.code] ? b : a;
  const candidate = a.candidate ?? b.candidate;
  return candidate ? { ...miss, candidate } : miss;
}

export function missToError(miss: HeaderMiss): ListFileError {
  const error =
    miss.code === 'no-header'
      ? new ListFileError('no-header', undefined, miss.candidate ? { code: 'header-candidate', row: miss.candidate.headerRow, headers: describeHeaders(miss.candidate.headers) } : undefined)
      : miss.code === 'unknown-mapping-column'
        ? new ListFileError(miss.code, miss.detail, undefined, miss.params)
        : new ListFileError(miss.code, miss.detail, identifierAdvice(miss.candidate));
  if (miss.candidate) error.candidate = miss.candidate;
  return error;
}

/** The columns of NIK- or card-like numbers under a candidate header (not mapped to another field). */
export function candidateIdentifiers(candidate: HeaderCandidate | undefined) {
  return candidate ? unplacedIdentifiers(candidate.headers, candidate.mapping ?? {}, candidate.sample) : [];
}

/** What to map when no NIK or card column is named: the column holding such numbers, when there is one. */
function identifierAdvice(candidate: HeaderCandidate | undefined): ListFileReason {
  const [first] = candidateIdentifiers(candidate);
  return first ? { code: first.looksLike === 'nik' ? 'unplaced-nik' : 'unplaced-card', header: first.header } : { code: 'no-identifier' };
}

export const CANDIDATE_SAMPLE_ROWS = 5;
/** Rows under a header without NIK or card read to find the column holding those numbers. */
const IDENTIFIER_SAMPLE_ROWS = 20;

/** A cell that looks like member data rather than a column name: a long number, a date. */
function looksLikeData(cell: RawCell | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  if (typeof cell !== 'string') return true;
  return /\d{6}|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}/.test(cell);
}

function filledCells(cells: readonly RawCell[]): number {
  let n = 0;
  for (const c of cells) if (c !== null && !(typeof c === 'string' && c.trim() === '')) n++;
  return n;
}

/**
 * The likeliest header among the first rows when none was recognized: the first row holding
 * only text (no long numbers or dates) whose filled cells are at least 60% of the widest row
 * seen and at least 2. Title rows hold one cell; data rows hold NIKs and dates.
 */
export function headerCandidate(rows: readonly RawRow[]): HeaderCandidate | undefined {
  let widest = 0;
  for (const r of rows) widest = Math.max(widest, filledCells(r.cells));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const filled = filledCells(r.cells);
    if (filled < 2 || filled < 0.6 * widest || r.cells.some(looksLikeData)) continue;
    return {
      headerRow: r.row,
      headers: r.cells.map(cellAsText),
      sample: rows.slice(i + 1, i + 1 + CANDIDATE_SAMPLE_ROWS),
      titles: rows.slice(0, i).map((t) => t.cells.map(cellAsText).join(' ').trim()),
    };
  }
  return undefined;
}

/** The header row that named known columns but no NIK or card, with what it maps and the rows under it. */
function identifierlessCandidate(seen: readonly RawRow[], found: { at: number; mapping: ColumnMapping }): HeaderCandidate {
  const row = seen[found.at]!;
  return {
    headerRow: row.row,
    headers: row.cells.map(cellAsText),
    sample: seen.slice(found.at + 1, found.at + 1 + IDENTIFIER_SAMPLE_ROWS),
    titles: seen.slice(0, found.at).map((t) => t.cells.map(cellAsText).join(' ').trim()),
    mapping: found.mapping,
  };
}

/** Pulls rows from `source` into `pending` until it holds `count` rows or the source ends. */
export async function fillAhead(source: RowSource, pending: RawRow[], count: number): Promise<void> {
  while (pending.length < count) {
    const rows = await source.next();
    if (rows === null) return;
    for (const r of rows) pending.push(r);
  }
}

/** Text of a cell as a header (headers are text, but a year or a date can sit in a header cell). */
export function cellAsText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  return cell.toISOString().slice(0, 10);
}

export function isEmptyRow(cells: readonly RawCell[]): boolean {
  for (const c of cells) {
    if (c === null) continue;
    if (typeof c !== 'string') return false;
    // Cheap check first: most non-empty cells start with a visible character.
    if (c.length > 0 && c.charCodeAt(0) > 32 && c.charCodeAt(0) !== 160) return false;
    if (c.replace(/[\s\u00a0]+/g, '') !== '') return false;
  }
  return true;
}

const identifierMissing = (m: ColumnMapping): boolean => m.nik === undefined && m.card === undefined;

function describeHeaders(headers: readonly string[]): string {
  return headers.filter((h) => h.trim() !== '').join(', ');
}

/**
 * Pulls rows until the header row (within the first HEADER_SEARCH_ROWS rows). With overrides,
 * the header is the row holding every overridden header text; without, the first row whose
 * synonyms name an identifier (NIK or card). A row that only names a name column is remembered
 * to explain the failure, not accepted: title rows like "NAMA PUSKESMAS | ALAMAT" look like that.
 */
export async function findHeader(
  source: RowSource,
  overrides?: Partial<Record<ListField, string>>,
): Promise<FoundHeader | HeaderMiss> {
  const hasOverrides = overrides !== undefined && Object.values(overrides).some((v) => v !== undefined);
  let miss: HeaderMiss = { code: 'no-header' };
  // The most mapped headers one row held without holding them all.
  let mostPresent = 0;
  let previous: { row: number; headers: string[] } | null = null;
  // The non-empty rows seen: the titles above a header found, or the candidates for mapping by hand.
  const seen: RawRow[] = [];
  // The first row that maps known columns but no NIK or card: the header, when nothing better is found.
  let noIdentifier: { at: number; mapping: ColumnMapping } | null = null;
  const missed = (): HeaderMiss => {
    const candidate = miss.code === 'no-identifier-column' && noIdentifier ? identifierlessCandidate(seen, noIdentifier) : headerCandidate(seen);
    return candidate ? { ...miss, candidate } : miss;
  };
  for (;;) {
    const rows = await source.next();
    if (rows === null) return missed();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      if (row.row > HEADER_SEARCH_ROWS) return missed();
      if (isEmptyRow(row.cells)) continue;
      seen.push(row);
      const headers = row.cells.map(cellAsText);
      const above = previous;
      previous = { row: row.row, headers };
      let mapping: ColumnMapping | null;
      if (hasOverrides) {
        // A row holding some of the mapped headers but not all: most likely the header row with
        // a mapped name mistyped. Named, so the message says which name is not there.
        const present = presentOverrides(headers, overrides);
        if (present > 0 && present > mostPresent && present < definedOverrides(overrides)) {
          mostPresent = present;
          miss = overrideMiss(overrides, row.row, headers);
        }
      }
      if (hasOverrides && hasOverrideHeaders(headers, overrides)) {
        mapping = matchHeader(headers, overrides, row.row);
        if (mapping === null) continue;
        if (identifierMissing(mapping)) {
          throw new ListFileError('no-identifier-column', `row ${row.row}: ${describeHeaders(headers)}`, { code: 'no-identifier' });
        }
      } else {
        mapping = matchHeader(headers);
        if (mapping === null) continue;
        if (identifierMissing(mapping)) {
          miss = moreSpecific(miss, { code: 'no-identifier-column', detail: `row ${row.row}: ${describeHeaders(headers)}` });
          noIdentifier ??= { at: seen.length - 1, mapping };
          continue;
        }
        if (hasOverrides) {
          if (mostPresent === 0) miss = moreSpecific(miss, overrideMiss(overrides, row.row, headers));
          continue;
        }
      }
      if (above && above.row === row.row - 1) mergeSuperHeader(above.headers, headers, mapping);
      let pending = rows.slice(i + 1);
      if (pending.length === 0) pending = (await source.next()) ?? [];
      const below = pending[0]?.row === row.row + 1 ? pending[0] : undefined;
      // Before the sub-header merge: "TGL | BLN | THN" may share the row with names it maps.
      const split = splitBirthDate(headers, below?.cells ?? null, mapping);
      if (below && (mergeSubHeader(below.cells, headers, mapping) || isColumnNumbering(below.cells) || split?.fromBelow === true)) {
        pending = pending.slice(1);
      }
      const ttl = ttlColumn(headers, mapping);
      if (ttl !== null) mapping.dob = ttl;
      const titles = seen.slice(0, -1).map((t) => t.cells.map(cellAsText).join(' ').trim());
      return { headerRow: row.row, headers, mapping, pending, titles, ...(split ? { splitDob: { month: split.month, year: split.year } } : {}) };
    }
  }
}

const definedOverrides = (overrides: Partial<Record<ListField, string>>): number => Object.values(overrides).filter((h) => h !== undefined).length;

function presentOverrides(headers: readonly string[], overrides: Partial<Record<ListField, string>>): number {
  return Object.values(overrides).filter((h) => h !== undefined && hasOverrideHeaders(headers, { nik: h })).length;
}

/** The mapped headers a row does not hold, as the miss that names the first of them. */
function overrideMiss(overrides: Partial<Record<ListField, string>>, row: number, headers: readonly string[]): HeaderMiss {
  const missing = Object.entries(overrides).filter(([, h]) => h !== undefined && !hasOverrideHeaders(headers, { nik: h }));
  const [field = '', header = ''] = missing[0] ?? [];
  // English in `detail` (logs); the message is worded by the caller from `params`: the
  // first header missing, the field it was for (a code), the header row and what it holds.
  return {
    code: 'unknown-mapping-column',
    detail: `${missing.map(([f, h]) => `${f}: no column "${h}"`).join('; ')} (row ${row}: ${describeHeaders(headers)})`,
    params: { field, header, row, headers: describeHeaders(headers) },
  };
}

/**
 * Two-row headers are common in hand-made lists: "TEMPAT/TGL LAHIR" merged over two columns,
 * with "TEMPAT" and "TGL LAHIR" in the row below. If the row right under the header names
 * fields that are still unmapped (and holds no data-like numbers), its names are merged into
 * the mapping and the row is consumed. Returns whether it did so.
 */
function mergeSubHeader(cells: readonly RawCell[], headers: string[], mapping: ColumnMapping): boolean {
  const found: { col: number; field: ListField; text: string }[] = [];
  const taken = new Set(Object.values(mapping));
  for (let col = 0; col < cells.length; col++) {
    const c = cells[col];
    if (c === null || c === undefined || (typeof c === 'string' && c.trim() === '')) continue;
    if (typeof c !== 'string' || /\d{6}/.test(c)) return false; // looks like data
    const main = headers[col] ?? '';
    const field = fieldOfHeader(c) ?? (main.trim() ? fieldOfHeader(`${main} ${c}`) : null);
    if (field && mapping[field] === undefined && !taken.has(col)) found.push({ col, field, text: c });
  }
  if (found.length === 0) return false;
  for (const f of found) {
    if (mapping[f.field] !== undefined) continue; // two sub-headers naming one field: keep the first
    mapping[f.field] = f.col;
    const main = headers[f.col] ?? '';
    headers[f.col] = main.trim() ? `${main} ${f.text}` : f.text;
  }
  return true;
}

/**
 * The other two-row shape: "NAMA" merged down over two rows beside "IDENTITAS" merged across
 * "NIK | NO KARTU". The header row then is the lower one, and fields named only in the upper
 * row sit above cells that are empty in the lower row.
 */
function mergeSuperHeader(upper: readonly string[], headers: string[], mapping: ColumnMapping): void {
  const taken = new Set(Object.values(mapping));
  for (let col = 0; col < upper.length; col++) {
    if (taken.has(col) || (headers[col] ?? '').trim() !== '') continue;
    const text = upper[col] ?? '';
    const field = text.trim() ? fieldOfHeader(text) : null;
    if (field && mapping[field] === undefined) {
      mapping[field] = col;
      while (headers.length <= col) headers.push('');
      headers[col] = text;
    }
  }
}

/** The "(1) (2) (3) ..." row that official forms put under the header. */
function isColumnNumbering(cells: readonly RawCell[]): boolean {
  let expected = 1;
  for (const c of cells) {
    if (c === null || (typeof c === 'string' && c.trim() === '')) continue;
    const n = typeof c === 'number' ? c : typeof c === 'string' ? Number(c.trim().replace(/^\((\d+)\)$/, '$1')) : NaN;
    if (n !== expected) return false;
    expected++;
  }
  return expected > 3;
}
