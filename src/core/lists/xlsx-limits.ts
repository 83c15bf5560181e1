/**
 * What a real workbook can hold, and what Loket will hold in memory while reading one. Excel's
 * own limits (support.microsoft.com, "Excel specifications and limits") bound the grid; the
 * others bound what a damaged or hostile file could make the reader buffer. A file past any of
 * them is refused as damaged, at once, instead of running for minutes and eating gigabytes.
 */
import { ListFileError } from './list-file-error';

export const XLSX_LIMITS = {
  /** Columns per sheet: A..XFD. */
  columns: 16_384,
  /** Rows per sheet. */
  rows: 1_048_576,
  /** Characters in one cell. */
  cellChars: 32_767,
  /**
   * XML text waiting for its closing tag (one row of the sheet, one shared string). A member
   * list's row is a few hundred bytes; a row of 16,384 full cells would not fit anyway.
   */
  pendingXmlChars: 8 * 1024 * 1024,
  /** A small part read whole (workbook, relationships, styles). */
  partChars: 32 * 1024 * 1024,
  /** Shared strings when the table does not say how many it has (1M rows x 16 text columns). */
  sharedStrings: 16_000_000,
  /** An entry that inflates to more than this many times its compressed size is a zip bomb... */
  inflateRatio: 200,
  /** ...once it is larger than this (tiny parts compress absurdly well and are harmless). */
  inflateRatioFloorBytes: 64 * 1024 * 1024,
} as const;

/** A workbook past a limit: refused as damaged, with what was found. */
export function beyondLimit(what: string): ListFileError {
  return new ListFileError('corrupt-workbook', `${what}: no Excel file can hold this, the file is damaged`, { code: 'limit' });
}

/** 'XFD' for column index 16383. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
