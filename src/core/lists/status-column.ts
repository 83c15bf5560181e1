/**
 * A status kept under another column name (KET, KETERANGAN, CATATAN, REMARK...) is found by its
 * values. Lists often mark the deceased or non-active in such a column, mostly empty; ignoring
 * it makes those members come out eligible.
 *
 * The rule: among the columns no field claims, one whose non-empty sampled cells are mostly
 * status words (at least STATUS_SHARE of at least STATUS_MIN_VALUES non-empty cells in the first
 * STATUS_SAMPLE_ROWS data rows) is the status column. Best share wins, then more values, then the
 * leftmost column.
 *
 * A status word here is stricter than what mapListStatus accepts in a named status column:
 * codes like "1", "2", "A", "Y", "T" and yes/no words mean a status only when the column says it
 * is one. In an unnamed column they are counts, grades or yes/no answers, and reading "2" as
 * "meninggal" would turn members away. Likewise TERDAFTAR, VALID and BARU (mapStatusEvidence):
 * a column of "NIK VALID" / "NIK TIDAK VALID" is a check of the NIK, not the membership.
 *
 * The same rows decide how the status column is read (statusReadingOf): a column of only 1 and
 * 0 is a yes/no flag, where 0 means "no", not VClaim's code 0 = AKTIF.
 */
import type { StatusColumn } from '../../shared/lists';
import { flagValue, isUnknownStatus, mapListStatus, mapStatusEvidence } from '../../shared/status';
import type { ColumnMapping } from './columns';
import type { ListFileInfo, RawRow } from './list-reader';
import { cellText, looksLikeNonMemberRow } from './row-validator';

export const STATUS_SAMPLE_ROWS = 2_000;
export const STATUS_MIN_VALUES = 5;
export const STATUS_SHARE = 0.6;

/** Known to mapListStatus, but answers to any yes/no question: never evidence of a status column. */
const YES_NO = new Set(['YES', 'TIDAK', 'TDK', 'BUKAN']);

/** True when `text` is a status word that may stand in a column not named as the status. */
export function isStatusWord(text: string): boolean {
  const letters = text.toUpperCase().replace(/[^A-Z]/g, '');
  if (letters.length < 3 || YES_NO.has(letters)) return false;
  const verdict = mapStatusEvidence(text);
  // A word that reads otherwise in a status column is a remark: "PINDAH FASKES" is a member who
  // changed puskesmas (still covered), not PINDAH = moved away.
  return verdict.raw !== null && !isUnknownStatus(verdict) && mapListStatus(text).status === verdict.status;
}

/** The status column as the preview and the report show it; null when the file has none. */
export function statusColumnOf(info: ListFileInfo): StatusColumn | null {
  const col = info.mapping.status;
  if (info.statusFoundBy === null || col === undefined) return null;
  return {
    header: info.headers[col] ?? '',
    foundBy: info.statusFoundBy,
    ...(info.statusReading === 'flag' ? { reading: 'flag' as const } : {}),
    ...(info.remarksStatus !== undefined ? { remarks: info.headers[info.remarksStatus] ?? '' } : {}),
  };
}

/** A cell that says nothing: empty or a placeholder like "-". */
function isBlank(text: string): boolean {
  return text.replace(/[^A-Za-z0-9]/g, '') === '';
}

/** The column index holding the status by its values, or null. */
export function statusColumnByValues(rows: readonly RawRow[], mapping: ColumnMapping, width: number): number | null {
  const claimed = new Set(Object.values(mapping));
  let best: { col: number; share: number; values: number } | null = null;
  const sample = rows.length > STATUS_SAMPLE_ROWS ? rows.slice(0, STATUS_SAMPLE_ROWS) : rows;
  for (let col = 0; col < width; col++) {
    if (claimed.has(col)) continue;
    let values = 0;
    let words = 0;
    for (const row of sample) {
      const text = cellText(row.cells[col]);
      if (isBlank(text)) continue;
      values++;
      if (isStatusWord(text)) words++;
    }
    if (values < STATUS_MIN_VALUES) continue;
    const share = words / values;
    if (share < STATUS_SHARE) continue;
    if (!best || share > best.share || (share === best.share && values > best.values)) best = { col, share, values };
  }
  return best?.col ?? null;
}

/**
 * How a status column's values are read: 'words' (status words and VClaim codes, mapListStatus)
 * or 'flag' (mapFlagStatus: 1 active, 0 not active).
 */
export type StatusReading = 'words' | 'flag';

/**
 * 'flag' when the sampled cells of the status column hold both 1 and 0: a yes/no "active?"
 * column. Words among them (an officer typing MENINGGAL over a member's flag) are read as words
 * and do not turn the column into VClaim codes, where 0 would mean AKTIF and every member
 * flagged 0 would come out active. A column of only 0 stays VClaim's 0 = AKTIF, and another
 * number (2 = meninggal, 9 = premi) makes it a column of codes. A totals row's count is ignored.
 */
export function statusReadingOf(rows: readonly RawRow[], col: number): StatusReading {
  let zeros = 0;
  let ones = 0;
  const sample = rows.length > STATUS_SAMPLE_ROWS ? rows.slice(0, STATUS_SAMPLE_ROWS) : rows;
  for (const row of sample) {
    const text = cellText(row.cells[col]);
    if (isBlank(text)) continue;
    const flag = flagValue(text);
    if (flag === null) {
      if (!/\d/.test(text)) continue; // a word: read as a word under either reading
      if (looksLikeNonMemberRow(row.cells)) continue;
      return 'words';
    }
    if (flag === 1) ones++;
    else zeros++;
  }
  return zeros > 0 && ones > 0 ? 'flag' : 'words';
}
