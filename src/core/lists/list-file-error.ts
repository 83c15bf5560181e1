import type { HeaderCandidate } from './row-source';
/**
 * Why a list file cannot be read. The code is what the UI translates into advice for the
 * clerk; `detail` carries specifics (the missing column, the row of a CSV syntax error).
 */
export type ListFileErrorCode =
  | 'file-not-found'
  | 'empty-file'
  | 'not-a-list' // e.g. an image renamed .xlsx, random binary, an HTML page saved as .xls
  | 'encrypted-workbook' // password-protected xlsx or legacy .xls (both OLE/CFB files): save as .xlsx without password
  | 'corrupt-workbook' // a zip but not a readable xlsx
  | 'no-header' // no header row found in the first 50 rows
  | 'no-identifier-column' // header found but no NIK and no card column
  | 'unknown-mapping-column' // a --map override names a header that does not exist
  | 'mapping-column-twice' // two fields of a mapping name the same column
  | 'unknown-mapping-field'; // a mapping names a field Loket does not have

/**
 * What to do about it, as a code the caller words (catalog `list-file-reason/<code>`): the
 * specific advice must reach the user in their language, not only in `detail` (English, for logs).
 */
export type ListFileReason =
  | { code: 'utf16' }
  | { code: 'csv-quote'; row: number }
  | { code: 'binary' }
  | { code: 'file-type'; what: string }
  | { code: 'excel-2003-xml' | 'html' | 'xml' }
  | { code: 'xlsb' | 'ods' | 'word' | 'zip' }
  | { code: 'limit' }
  /** No header recognized: the row most like one, so the administrator sees what to map. */
  | { code: 'header-candidate'; row: number; headers: string }
  /** No NIK or card column named: the column holding such numbers under another header, or plain advice. */
  | { code: 'unplaced-nik' | 'unplaced-card'; header: string }
  | { code: 'no-identifier' };

export class ListFileError extends Error {
  /** For a header not recognized: the likeliest header row and rows under it, so a preview can offer mapping by hand. */
  candidate?: HeaderCandidate;

  constructor(
    readonly code: ListFileErrorCode,
    readonly detail?: string,
    readonly reason?: ListFileReason,
    /** What the message says, as parameters the caller words (a field as its code, worded list-field/<code>). */
    readonly params?: Record<string, string | number>,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ListFileError';
  }
}
