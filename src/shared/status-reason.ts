// Why a member is not active, as the core hands it over: a stable code, worded by each caller in
// its own language from the shared catalog (`status-reason/<code>`), never a sentence.
import type { CoreMessage } from './i18n/messages';

/** The reasons lists and BPJS give. A reason stored in a member's detail is one of these codes… */
export const STATUS_REASONS = ['deceased', 'premium', 'suspended', 'not-covered', 'end-of-month', 'inactive', 'moved', 'left', 'deleted'] as const;
export type StatusReasonCode = (typeof STATUS_REASONS)[number];

/** …or a status nobody knows, kept as written after this prefix ("unknown:BLOKIR"). */
export const UNKNOWN_REASON = 'unknown:';
/**
 * …or the list's validity dates (TMT / TAT) on the day of the look-up: coverage ended on that
 * date ("ended:2026-06-30"), or begins on it ("not-yet:2027-01-01"). Never stored: the look-up
 * derives them, since the same row is active today and ended next month.
 */
export const ENDED_REASON = 'ended:';
export const NOT_YET_REASON = 'not-yet:';

/** yyyy-mm-dd as dd-mm-yyyy, the way lists and the counter write dates. */
const dayFirst = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso);

/**
 * What editions imported before reasons were codes hold: the Indonesian text itself. Read back as
 * the code it stood for, so an old edition is worded in either language like a new one.
 */
const OLD_TEXTS = new Map<string, StatusReasonCode>([
  ['Meninggal', 'deceased'],
  ['Non-aktif karena premi (tunggakan)', 'premium'],
  ['Penangguhan', 'suspended'],
  ['Tidak ditanggung / masa berlaku berakhir', 'not-covered'],
  ['Non-aktif di akhir bulan', 'end-of-month'],
  ['Non-aktif', 'inactive'],
  ['Tidak aktif', 'inactive'], // a PCare answer without a note
  ['Pindah', 'moved'],
  ['Keluar', 'left'],
  ['Dihapus dari daftar', 'deleted'],
]);
const OLD_UNKNOWN = 'Status tidak dikenal: ';
const CODES = new Set<string>(STATUS_REASONS);

/**
 * A stored or answered reason as a catalog message: a code is worded from the catalog; an
 * unknown status keeps the text as written ("Status tidak dikenal: BLOKIR" / "Unknown status:
 * BLOKIR"); any other text (BPJS's own note, an old stored text this table does not know) is
 * shown verbatim.
 */
export function statusReasonMessage(reason: string): CoreMessage {
  if (CODES.has(reason)) return { code: `status-reason/${reason as StatusReasonCode}` };
  if (reason.startsWith(UNKNOWN_REASON)) return { code: 'status-reason/unknown', params: { raw: reason.slice(UNKNOWN_REASON.length) } };
  if (reason.startsWith(ENDED_REASON)) return { code: 'status-reason/ended', params: { date: dayFirst(reason.slice(ENDED_REASON.length)) } };
  if (reason.startsWith(NOT_YET_REASON)) return { code: 'status-reason/not-yet', params: { date: dayFirst(reason.slice(NOT_YET_REASON.length)) } };
  const old = OLD_TEXTS.get(reason);
  if (old !== undefined) return { code: `status-reason/${old}` };
  if (reason.startsWith(OLD_UNKNOWN)) return { code: 'status-reason/unknown', params: { raw: reason.slice(OLD_UNKNOWN.length) } };
  return { code: 'status-reason/text', params: { text: reason } };
}

/** A free text (BPJS's note on a member) as a stored reason: a code when it is one of ours, else the text. */
export function textReason(text: string): string {
  return OLD_TEXTS.get(text) ?? text;
}
