/**
 * Decides what a file really is from its first bytes, never from its extension: lists travel
 * by chat and e-mail and get renamed, and "Excel exports" from web systems are often HTML.
 */
import { ListFileError } from './list-file-error';

export type ListFormat = 'csv' | 'xlsx';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Binary formats people mistake for lists, with what to tell them. */
/** `kind` is a name the same in every language (PNG, PDF...): the catalog words the sentence around it. */
const BINARY_MAGIC: readonly { bytes: readonly number[]; what: string; kind: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', kind: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', kind: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', kind: 'GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', kind: 'PDF' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive', kind: 'RAR' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive', kind: '7-Zip' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive', kind: 'gzip' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF media file (WebP, WAV, AVI)', kind: 'WebP/WAV/AVI' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program', kind: 'ELF' },
];

function startsWith(head: Uint8Array, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
}

/**
 * Classifies the first bytes of a non-empty file (`head`, up to 64 KB). Throws ListFileError for
 * anything that is not a CSV/text list or an xlsx (zip) workbook.
 */
export function sniffFormat(head: Uint8Array): ListFormat {
  if (head.length === 0) throw new ListFileError('empty-file');
  if (startsWith(head, CFB_MAGIC)) {
    throw new ListFileError(
      'encrypted-workbook',
      'password-protected workbook or legacy .xls: open it in Excel and save it as .xlsx without a password',
    );
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(head, [0x50, 0x4b])) throw new ListFileError('corrupt-workbook', 'empty or split zip archive');
  for (const m of BINARY_MAGIC) {
    if (startsWith(head, m.bytes)) throw new ListFileError('not-a-list', `the file is ${m.what}`, { code: 'file-type', what: m.kind });
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || looksLikeUtf16(head)) {
    throw new ListFileError('not-a-list', 'UTF-16 text ("Unicode Text"): save it as CSV UTF-8 or .xlsx', { code: 'utf16' });
  }
  checkText(head);
  return 'csv';
}

/**
 * UTF-16 without a byte-order mark ("Unicode Text" from some tools): a list's characters are
 * nearly all below U+0100, so one byte of each pair is NUL: at odd offsets (little-endian) or
 * at even ones (big-endian), and almost never at the other.
 */
function looksLikeUtf16(head: Uint8Array): boolean {
  const pairs = head.length >> 1;
  if (pairs < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const mostly = (n: number): boolean => n >= pairs * 0.7;
  const rarely = (n: number): boolean => n <= pairs * 0.05;
  return (mostly(oddNul) && rarely(evenNul)) || (mostly(evenNul) && rarely(oddNul));
}

/**
 * NUL bytes in more than this share of the sample make it binary. Stray NULs, even a zeroed
 * 4 KB disk block, are damage to a text file (a bad export, a disk error): the reader strips
 * them from the cells, as it does past the sample. Binary formats are caught by their first
 * bytes above, by their many NULs, or by their other control bytes (MAX_CONTROL_SHARE).
 */
const MAX_NUL_SHARE = 0.1;
/** Control bytes other than NUL (and the whitespace below) in more than this share make it binary. */
const MAX_CONTROL_SHARE = 0.01;

function checkText(head: Uint8Array): void {
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  let nul = 0;
  let control = 0;
  let visible = 0;
  for (let i = start; i < head.length; i++) {
    const b = head[i] ?? 0;
    if (b === 0) nul++;
    // Tab, LF, VT, FF, CR and the DOS end-of-file mark (0x1A) occur in real text exports.
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) control++;
    else if (b > 0x20) visible++;
  }
  const length = head.length - start;
  if (nul > length * MAX_NUL_SHARE) throw new ListFileError('not-a-list', 'binary data', { code: 'binary' });
  if (visible === 0) throw new ListFileError('empty-file');
  if (control > length * MAX_CONTROL_SHARE) throw new ListFileError('not-a-list', 'binary data', { code: 'binary' });

  const text = Buffer.from(head.subarray(start, Math.min(head.length, start + 4096))).toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<')) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      throw new ListFileError('not-a-list', 'Excel 2003 XML spreadsheet: open it in Excel and save it as .xlsx', { code: 'excel-2003-xml' });
    }
    if (/<(html|table|!doctype html)/.test(text)) {
      throw new ListFileError('not-a-list', 'a web page (HTML) saved as a spreadsheet: open it in Excel and save it as .xlsx', { code: 'html' });
    }
    if (text.startsWith('<?xml')) throw new ListFileError('not-a-list', 'an XML document', { code: 'xml' });
  }
}
