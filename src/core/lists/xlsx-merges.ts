/**
 * Merged cells of a worksheet. Hand-made lists group a family's rows and merge the KK number,
 * the address and often the status down over them; the file holds the value in the top cell
 * only. Read as stored, the rest of the family would have no status (= active) and no address:
 * the value of a merge is given to every row it covers.
 *
 * Only the columns of shared facts are filled: never an identifier, a name, a birth date or a
 * sex, which belong to one person (a NIK merged over three rows is a mistake, not three NIKs).
 * Merges in or above the header row (titles, two-row headers) are left to the header search.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ColumnMapping, ListField } from './columns';
import type { RawCell, RawRow } from './list-reader.types';
import { XLSX_LIMITS, beyondLimit } from './xlsx-limits';
import { columnIndexAt } from './xlsx-sheet';

export interface MergeRange {
  top: number; // 1-based rows, as RawRow.row
  bottom: number;
  left: number; // 0-based column
}

/** Fields that are one person's own: a merge over them is not shared by the rows it covers. */
const PERSONAL: readonly ListField[] = ['nik', 'card', 'name', 'dob', 'sex', 'birthPlace', 'rowNo', 'motherName'];

const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?["']/g;

/** Where `</sheetData>` (with any namespace prefix) starts in `bytes`, or -1. */
function closingSheetData(bytes: Buffer): number {
  let from = 0;
  for (;;) {
    const k = bytes.indexOf('sheetData>', from);
    if (k < 0) return -1;
    const open = bytes.lastIndexOf(0x3c, k); // '<'
    if (open >= 0 && bytes[open + 1] === 0x2f) return open; // '</'
    from = k + 1;
  }
}

/**
 * The vertical merges of a sheet, from a second pass over its XML (<mergeCells> comes after
 * <sheetData>, so it cannot be known before the rows are read). Only the text after the rows is
 * kept; the rows themselves are skipped over.
 */
export async function readMerges(stream: Readable): Promise<MergeRange[]> {
  const decoder = new StringDecoder('utf8');
  let tail: Buffer = Buffer.alloc(0);
  let after = '';
  let seenEnd = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (!seenEnd) {
        // Searched in the bytes, undecoded: this pass runs over the whole sheet before the first row.
        const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        const at = closingSheetData(bytes);
        if (at < 0) {
          tail = bytes.subarray(Math.max(0, bytes.length - 64)); // a closing tag may be cut at the chunk end
          continue;
        }
        seenEnd = true;
        after = decoder.write(bytes.subarray(at));
      } else {
        after += decoder.write(chunk);
      }
      if (after.length > XLSX_LIMITS.partChars) throw beyondLimit('the merged-cell list of a sheet');
    }
    after += decoder.end();
  } finally {
    stream.destroy();
  }
  const ranges: MergeRange[] = [];
  for (const m of after.matchAll(MERGE)) {
    const top = Number(m[2]);
    const bottom = m[4] === undefined ? top : Number(m[4]);
    if (bottom > top) ranges.push({ top, bottom, left: columnIndexAt(m[1] ?? '') });
  }
  return ranges;
}

const isBlank = (c: RawCell | undefined): boolean => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/** Fills the rows under the top of each data merge, as rows stream by in order. */
export class MergeFill {
  private readonly byTop = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; value: RawCell }[] = [];

  constructor(ranges: readonly MergeRange[], headerRow: number, mapping: ColumnMapping) {
    const personal = new Set(PERSONAL.map((f) => mapping[f]).filter((c) => c !== undefined));
    for (const r of ranges) {
      if (r.top <= headerRow || personal.has(r.left)) continue;
      const list = this.byTop.get(r.top);
      if (list) list.push(r);
      else this.byTop.set(r.top, [r]);
    }
  }

  get empty(): boolean {
    return this.byTop.size === 0;
  }

  apply(rows: readonly RawRow[]): void {
    for (const row of rows) {
      if (this.active.length > 0) {
        this.active = this.active.filter((a) => a.range.bottom >= row.row);
        for (const a of this.active) {
          if (!isBlank(row.cells[a.range.left])) continue;
          while (row.cells.length < a.range.left) row.cells.push(null);
          row.cells[a.range.left] = a.value;
        }
      }
      const starts = this.byTop.get(row.row);
      if (starts === undefined) continue;
      for (const range of starts) {
        const value = row.cells[range.left];
        if (!isBlank(value)) this.active.push({ range, value: value ?? null });
      }
    }
  }
}
