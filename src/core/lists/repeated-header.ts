/**
 * Lists pasted together block by block (one per kelurahan) repeat the header row above each
 * block. Such a row is a header, not a member with the NIK "NIK": it is skipped like a title or
 * totals row, never rejected (a rejected row sends the administrator looking for a person).
 */
import { normalizeHeader, type ColumnMapping } from './columns';
import type { RawCell } from './list-reader.types';

export class RepeatedHeader {
  /** [column, normalized header] of the mapped columns that have a header. */
  private readonly columns: [number, string][] = [];
  private readonly identifier: number | undefined;

  constructor(headers: readonly string[], mapping: ColumnMapping) {
    for (const col of new Set(Object.values(mapping))) {
      const h = normalizeHeader(headers[col] ?? '');
      if (h !== '') this.columns.push([col, h]);
    }
    const id = mapping.nik ?? mapping.card;
    this.identifier = id !== undefined && this.columns.some(([c]) => c === id) ? id : undefined;
  }

  /** The identifier cell holds its own header, and so do most mapped columns. */
  matches(cells: readonly RawCell[]): boolean {
    if (this.identifier === undefined) return false;
    const id = cells[this.identifier];
    // This runs for every row: a member's identifier starts with a digit, a header's does not.
    if (typeof id !== 'string' || isDigit(id.charCodeAt(0)) || !sameText(id, this.headerOf(this.identifier))) return false;
    let same = 0;
    for (const [col, h] of this.columns) if (sameText(cells[col], h)) same++;
    return same >= 2 && same * 2 >= this.columns.length;
  }

  private headerOf(col: number): string {
    return this.columns.find(([c]) => c === col)?.[1] ?? '';
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function sameText(cell: RawCell | undefined, header: string): boolean {
  return typeof cell === 'string' && cell.length < 200 && normalizeHeader(cell) === header;
}
