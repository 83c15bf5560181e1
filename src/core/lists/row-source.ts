/**
 * What the CSV and XLSX readers have in common: a pull-based source of raw rows, and the
 * search for the header row below title rows.
 */
import { fieldOfHeader, hasOverrideHeaders, matchHeader, type ColumnMapping, type ListField } from './columns';
import { ListFileError } from './list-file-error';
import type { RawCell, RawRow } from './list-reader';

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
}

/** Why no usable header was found; ordered from least to most specific. */
export type HeaderMiss =
  | { code: 'no-header' }
  | { code: 'no-identifier-column'; detail: string }
  | { code: 'unknown-mapping-column'; detail: string };

const MISS_RANK: Record<HeaderMiss['code'], number> = { 'no-header': 0, 'no-identifier-column': 1, 'unknown-mapping-column': 2 };

export function moreSpecific(a: HeaderMiss, b: HeaderMiss): HeaderMiss {
  return MISS_RANK[b.code] > MISS_RANK[a.code] ? b : a;
}

export function missToError(miss: HeaderMiss): ListFileError {
  return miss.code === 'no-header' ? new ListFileError('no-header') : new ListFileError(miss.code, miss.detail);
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
  let previous: { row: number; headers: string[] } | null = null;
  for (;;) {
    const rows = await source.next();
    if (rows === null) return miss;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      if (row.row > HEADER_SEARCH_ROWS) return miss;
      if (isEmptyRow(row.cells)) continue;
      const headers = row.cells.map(cellAsText);
      const above = previous;
      previous = { row: row.row, headers };
      let mapping: ColumnMapping | null;
      if (hasOverrides && hasOverrideHeaders(headers, overrides)) {
        mapping = matchHeader(headers, overrides);
        if (mapping === null) continue;
        if (identifierMissing(mapping)) {
          throw new ListFileError('no-identifier-column', `row ${row.row}: ${describeHeaders(headers)}`);
        }
      } else {
        mapping = matchHeader(headers);
        if (mapping === null) continue;
        if (identifierMissing(mapping)) {
          miss = moreSpecific(miss, { code: 'no-identifier-column', detail: `row ${row.row}: ${describeHeaders(headers)}` });
          continue;
        }
        if (hasOverrides) {
          const missing = Object.entries(overrides).filter(([, h]) => h !== undefined && !hasOverrideHeaders(headers, { nik: h }));
          miss = moreSpecific(miss, {
            code: 'unknown-mapping-column',
            detail: `${missing.map(([f, h]) => `${f}: no column "${h}"`).join('; ')} (row ${row.row}: ${describeHeaders(headers)})`,
          });
          continue;
        }
      }
      if (above && above.row === row.row - 1) mergeSuperHeader(above.headers, headers, mapping);
      let pending = rows.slice(i + 1);
      if (pending.length === 0) pending = (await source.next()) ?? [];
      const below = pending[0];
      if (below && below.row === row.row + 1 && (mergeSubHeader(below.cells, headers, mapping) || isColumnNumbering(below.cells))) {
        pending = pending.slice(1);
      }
      return { headerRow: row.row, headers, mapping, pending };
    }
  }
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
