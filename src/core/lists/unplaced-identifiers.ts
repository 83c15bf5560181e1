/**
 * Columns the header matching could not place but whose values look like a NIK or a card
 * number. A NIK column under a header Loket does not know ("NO. IDENTITAS") would otherwise be
 * dropped without a word, and nobody on the list could be found by NIK: the import names such
 * columns instead, so the administrator can map them.
 */
import type { UnplacedIdentifier } from '../../shared/lists';
import type { ColumnMapping } from './columns';
import type { RawCell, RawRow } from './list-reader.types';

export type { UnplacedIdentifier };

/** Share of a column's filled sample cells that must look like one kind of number. */
const MIN_SHARE = 0.8;

/**
 * 'nik' for 16 digits, 'card' for 13 digits starting with 0 (as card numbers do), null
 * otherwise. Shorter numbers (a card that lost its zeros) are not counted: phone numbers look
 * the same.
 */
function numberKind(cell: RawCell | undefined): 'nik' | 'card' | null {
  if (cell === null || cell === undefined || cell instanceof Date) return null;
  const digits = typeof cell === 'number'
    ? (Number.isInteger(cell) ? String(cell) : '')
    : cell.replace(/^\s*['=]?"?|"?\s*$/g, '').replace(/[\s\u00a0.-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 16) return 'nik';
  if (digits.length === 13 && digits.startsWith('0')) return 'card';
  return null;
}

const isFilled = (cell: RawCell | undefined): boolean => cell !== null && cell !== undefined && !(typeof cell === 'string' && cell.trim() === '');

/** The unmapped columns of `sample` whose filled cells are mostly NIK- or card-like numbers. */
export function unplacedIdentifiers(headers: readonly string[], mapping: ColumnMapping, sample: readonly RawRow[]): UnplacedIdentifier[] {
  const mapped = new Set(Object.values(mapping));
  let width = headers.length;
  for (const r of sample) width = Math.max(width, r.cells.length);
  const found: UnplacedIdentifier[] = [];
  for (let col = 0; col < width; col++) {
    if (mapped.has(col)) continue;
    let filled = 0;
    let nik = 0;
    let card = 0;
    for (const r of sample) {
      const cell = r.cells[col];
      if (!isFilled(cell)) continue;
      filled++;
      const kind = numberKind(cell);
      if (kind === 'nik') nik++;
      else if (kind === 'card') card++;
    }
    if (filled === 0) continue;
    const looksLike = nik >= MIN_SHARE * filled ? 'nik' : card >= MIN_SHARE * filled ? 'card' : null;
    if (looksLike === null) continue;
    const header = (headers[col] ?? '').trim();
    found.push({ header: header === '' ? `#${col + 1}` : header, looksLike });
  }
  return found;
}
