// Membership status and sex as lists and VClaim write them. Unknown values never throw: the
// clerk sees them verbatim and the patient is registered anyway (equal-service rule).

import { UNKNOWN_REASON, type StatusReasonCode } from './status-reason';

export type MemberStatus = 'active' | 'inactive';

export interface StatusVerdict {
  status: MemberStatus;
  /** Why not active: a code of status-reason.ts ('premium', 'unknown:<as written>'), worded by the caller. */
  reason: string | null;
  raw: string | null;
}

const R_DEAD: StatusReasonCode = 'deceased';
const R_PREMIUM: StatusReasonCode = 'premium';
const R_SUSPENDED: StatusReasonCode = 'suspended';
const R_NOT_COVERED: StatusReasonCode = 'not-covered';
const R_END_OF_MONTH: StatusReasonCode = 'end-of-month';
const R_INACTIVE: StatusReasonCode = 'inactive';
const R_MOVED: StatusReasonCode = 'moved';
const R_LEFT: StatusReasonCode = 'left';
const R_DELETED: StatusReasonCode = 'deleted';
const UNKNOWN = UNKNOWN_REASON;

/** VClaim statusPeserta codes (community data, DOMAIN.md section 1); null reason means active. */
const VCLAIM_CODES = new Map<string, string | null>([
  ['0', null],
  ['2', R_DEAD],
  ['6', R_NOT_COVERED],
  ['7', R_SUSPENDED],
  ['9', R_PREMIUM],
  ['15', R_END_OF_MONTH],
]);

/**
 * List status words, keyed by their letters and digits only ("NON-AKTIF" = "NON AKTIF" =
 * "NONAKTIF"). Numeric codes follow VClaim, so '0' means AKTIF; '1' is the usual yes-flag (a
 * column of only 1 and 0 is read as a flag instead: mapFlagStatus).
 */
const VALUE_WORDS = new Map<string, string | null>([
  ...VCLAIM_CODES,
  ...['AKTIF', 'A', '1', 'Y', 'YA', 'YES', 'ACTIVE', 'AKTIP', 'PESERTAAKTIF', 'STATUSAKTIF'].map((w) => [w, null] as const),
  ...['NONAKTIF', 'TIDAKAKTIF', 'TDKAKTIF', 'NA', 'N', 'T', 'TIDAK', 'NO', 'INACTIVE', 'NONACTIVE', 'PASIF', 'BELUMAKTIF', 'DINONAKTIFKAN'].map(
    (w) => [w, R_INACTIVE] as const,
  ),
  ...['MENINGGAL', 'MENINGGALDUNIA', 'WAFAT', 'MATI', 'ALMARHUM', 'ALMARHUMAH', 'MD'].map((w) => [w, R_DEAD] as const),
  ...['NONAKTIFPREMI', 'NONAKTIFKARENAPREMI', 'TUNGGAKAN', 'MENUNGGAK', 'NONAKTIFTUNGGAKAN'].map((w) => [w, R_PREMIUM] as const),
  ...['PENANGGUHAN', 'DITANGGUHKAN', 'TANGGUH'].map((w) => [w, R_SUSPENDED] as const),
  ...['TIDAKDITANGGUNG', 'MASABERLAKUBERAKHIR', 'BERAKHIR', 'HABISMASABERLAKU', 'KADALUARSA', 'KEDALUWARSA'].map(
    (w) => [w, R_NOT_COVERED] as const,
  ),
  ...['NONAKTIFDIAKHIRBULAN', 'NONAKTIFAKHIRBULAN'].map((w) => [w, R_END_OF_MONTH] as const),
  ...['PINDAH', 'MUTASI', 'PINDAHDOMISILI', 'PINDAHALAMAT'].map((w) => [w, R_MOVED] as const),
  ...['KELUAR', 'MUTASIKELUAR'].map((w) => [w, R_LEFT] as const),
  ...['DIHAPUS', 'HAPUS', 'DELETED'].map((w) => [w, R_DELETED] as const),
]);

/**
 * Words that mean a membership status only in a column that is the status (named so, or chosen
 * by the administrator): "TERDAFTAR" (registered), "VALID", "BARU" / "PESERTA BARU" (new member)
 * are active there. Under another header they say a NIK checked out or a record is new, so they
 * are no evidence that a column holds the status (mapStatusEvidence, status-column.ts). Their
 * negations are spelled out: "TIDAK TERDAFTAR" also reads as not active through TIDAK (the
 * strongest word), but "BELUM TERDAFTAR" or "TDK VALID" would otherwise read as active.
 * "PINDAH FASKES" / "PINDAH FKTP" (the member moved their registration to another puskesmas or
 * clinic) is a remark on a member who stays covered: active, and, since PINDAH alone means moved
 * away, no evidence of a status column either (isStatusWord compares both readings).
 */
const STATUS_COLUMN_WORDS = new Map<string, string | null>([
  ...['TERDAFTAR', 'VALID', 'BARU', 'PESERTABARU'].map((w) => [w, null] as const),
  ...['PINDAHFASKES', 'PINDAHFKTP', 'PINDAHPKM', 'PINDAHPUSKESMAS', 'PINDAHKLINIK', 'PINDAHFASKESTK1', 'PINDAHFASKESTINGKATPERTAMA', 'MUTASIFASKES', 'MUTASIFKTP', 'GANTIFASKES', 'GANTIFKTP'].map(
    (w) => [w, null] as const,
  ),
  ...['TIDAKTERDAFTAR', 'TDKTERDAFTAR', 'BELUMTERDAFTAR', 'TIDAKVALID', 'TDKVALID', 'BELUMVALID', 'INVALID', 'NONVALID'].map(
    (w) => [w, R_INACTIVE] as const,
  ),
]);

const LIST_WORDS = new Map<string, string | null>([...VALUE_WORDS, ...STATUS_COLUMN_WORDS]);

const NOT_ALNUM = /[^A-Z0-9]+/g;
const LEADING_ZEROS = /^0+(?=\d)/;

const EMPTY_ACTIVE: StatusVerdict = Object.freeze({ status: 'active', reason: null, raw: null });

/** The words a reading knows, and its memo: a list has a handful of distinct status values repeated over millions of rows. */
interface Reading {
  words: ReadonlyMap<string, string | null>;
  cache: Map<string, StatusVerdict>;
}
const IN_STATUS_COLUMN: Reading = { words: LIST_WORDS, cache: new Map() };
const AS_EVIDENCE: Reading = { words: VALUE_WORDS, cache: new Map() };
const CACHE_LIMIT = 1000;

function verdict(reason: string | null, raw: string): StatusVerdict {
  return Object.freeze({ status: reason === null ? 'active' : 'inactive', reason, raw });
}

function compactOf(raw: string): string {
  const compact = raw.toUpperCase().replace(NOT_ALNUM, '');
  return compact.replace(LEADING_ZEROS, ''); // '09' and '9' are the same code
}

/** How strongly a reason speaks: deceased outranks a specific reason, which outranks plain "not active", then active. */
function rank(reason: string | null): number {
  if (reason === R_DEAD) return 4;
  if (reason === null) return 1;
  return reason === R_INACTIVE ? 2 : 3;
}

/** Words of letters only: digits and single letters inside a longer status are dates, classes or codes, not status words. */
const WORD = /[A-Z]{2,}/g;
/** The longest run of words tried as one status word ("NON AKTIF DI AKHIR BULAN" is five). */
const MAX_RUN = 5;

/**
 * A status written as several words ("NON AKTIF - MENINGGAL", "TIDAK DITEMUKAN", "AKTIF (PBI)")
 * reads as its strongest known word: deceased over not active over active. Runs of adjacent
 * words are tried longest first, so "NON AKTIF" is one word, never "AKTIF". Undefined when no
 * word is known. Only for status texts the whole-text table does not know; the result is memoised.
 */
function strongestWord(text: string, table: ReadonlyMap<string, string | null>): string | null | undefined {
  const words = text.toUpperCase().match(WORD);
  if (words === null) return undefined;
  let best: string | null | undefined;
  for (let i = 0; i < words.length; ) {
    let step = 1;
    for (let n = Math.min(MAX_RUN, words.length - i); n >= 1; n--) {
      const reason = table.get(words.slice(i, i + n).join(''));
      if (reason === undefined) continue;
      if (best === undefined || rank(reason) > rank(best)) best = reason;
      step = n;
      break;
    }
    i += step;
  }
  return best;
}

/**
 * Spreadsheet error values (a VLOOKUP against a missing sheet fills a column with #N/A): no
 * status at all, whatever letters they hold ("#N/A" is not the word NA = non-aktif). They come
 * out unknown, so the import counts and names them.
 */
const SPREADSHEET_ERROR = /^#(?:N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

/** A cell holding a spreadsheet's error value (#N/A, #REF!...): a formula that failed, not a word. */
export const isSpreadsheetError = (text: string): boolean => SPREADSHEET_ERROR.test(text.trim());

/**
 * Words that deny what follows ("NON AKTIP", "TDK AKTIP", "T. AKTIF", "BLM VALID"). A status
 * holding one is never read as active: a negated "active" is not active, and any other text with
 * a negation and an "active" word in it is unknown (reported), never guessed green.
 */
const NEGATIONS = new Set(['NON', 'TIDAK', 'TDK', 'TAK', 'T', 'BELUM', 'BLM', 'BUKAN', 'BKN', 'GAK', 'ENGGAK', 'NGGAK', 'NOT', 'NO', 'IN', 'UN']);
/** The same negations glued to the word they deny ("NONAKTIP", "TDKAKTIF"); single letters excepted. */
const NEGATION_PREFIXES = [...NEGATIONS].filter((n) => n.length > 1);
const LETTER_RUNS = /[A-Z]+/g;

/** An "active" word of `table` spelled by tokens[i..] (longest run first), or false. */
function activeRunAt(tokens: readonly string[], i: number, table: ReadonlyMap<string, string | null>): boolean {
  for (let n = Math.min(MAX_RUN, tokens.length - i); n >= 1; n--) {
    if (table.get(tokens.slice(i, i + n).join('')) === null) return true;
  }
  return false;
}

/** A token that is a negation glued to an "active" word ("NONAKTIP", "TDKVALID"). */
function gluedNegation(token: string, table: ReadonlyMap<string, string | null>): boolean {
  for (const prefix of NEGATION_PREFIXES) {
    if (token.length - prefix.length >= 4 && token.startsWith(prefix) && table.get(token.slice(prefix.length)) === null) return true;
  }
  return false;
}

/** 'negated': a negation stands right before an "active" word; 'present': a negation stands elsewhere; null: none. */
function negationIn(text: string, table: ReadonlyMap<string, string | null>): 'negated' | 'present' | null {
  const tokens = text.toUpperCase().match(LETTER_RUNS);
  if (tokens === null) return null;
  let present = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (NEGATIONS.has(token)) {
      if (activeRunAt(tokens, i + 1, table)) return 'negated';
      present = true;
    } else if (gluedNegation(token, table)) return 'negated';
  }
  return present ? 'present' : null;
}

/**
 * The reason of a status text: the whole text as one word, else its strongest word; then a
 * negation overrules "active" (negated: not active; elsewhere in the text: unknown).
 */
function reasonOf(text: string, compact: string, table: ReadonlyMap<string, string | null>): string | null | undefined {
  const whole = table.get(compact);
  const reason = whole === undefined ? strongestWord(text, table) : whole;
  if (reason !== null && reason !== undefined) return reason;
  const negation = negationIn(text, table);
  if (negation === 'negated') return R_INACTIVE;
  return negation === 'present' ? undefined : reason;
}

function read(raw: string | number | null | undefined, reading: Reading): StatusVerdict {
  if (raw === null || raw === undefined) return EMPTY_ACTIVE;
  const text = String(raw).trim();
  if (text === '') return EMPTY_ACTIVE;
  const cached = reading.cache.get(text);
  if (cached !== undefined) return cached;
  const compact = compactOf(text);
  let result: StatusVerdict;
  if (SPREADSHEET_ERROR.test(text)) result = verdict(UNKNOWN + text, text);
  else if (compact === '') result = EMPTY_ACTIVE; // "-" placeholders
  else {
    const reason = reasonOf(text, compact, reading.words);
    result = verdict(reason === undefined ? UNKNOWN + text : reason, text);
  }
  if (reading.cache.size >= CACHE_LIMIT) reading.cache.clear();
  reading.cache.set(text, result);
  return result;
}

/** Status from a list's status column. No value means covered: being on the list is the coverage. */
export function mapListStatus(raw: string | number | null | undefined): StatusVerdict {
  return read(raw, IN_STATUS_COLUMN);
}

/**
 * A cell of a column not (yet) known to be the status, read for evidence that it is one: like
 * mapListStatus without the words that mean a status only in a status column (TERDAFTAR, VALID,
 * BARU...), which come out unknown here.
 */
export function mapStatusEvidence(raw: string | number | null | undefined): StatusVerdict {
  return read(raw, AS_EVIDENCE);
}

const FLAG_OFF: StatusVerdict = verdict(R_INACTIVE, '0');
const FLAG_ON: StatusVerdict = verdict(null, '1');

/** 1 or 0 as a yes/no flag holds them ("1", "0", "1.0", "00"); null for anything else. */
export function flagValue(text: string): 0 | 1 | null {
  if (text === '1') return 1;
  if (text === '0') return 0;
  const match = /^0*([01])(?:\.0+)?$/.exec(text);
  return match === null ? null : match[1] === '1' ? 1 : 0;
}

/**
 * Status from a status column read as a yes/no flag (its values only 1 and 0: status-column.ts
 * decides): 0 is not active there, not VClaim's 0 = AKTIF. Anything else reads as mapListStatus.
 */
export function mapFlagStatus(raw: string | number | null | undefined): StatusVerdict {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  const flag = flagValue(text);
  if (flag === null) return mapListStatus(raw);
  if (text === '0' || text === '1') return flag === 1 ? FLAG_ON : FLAG_OFF;
  return verdict(flag === 1 ? null : R_INACTIVE, text);
}

/**
 * The stronger of two statuses of one row (a STATUS column and a remarks column of status
 * words): deceased over another reason over plain not active over active. An unknown remark is
 * free text, not a status: the status column's word stands.
 */
export function strongerStatus(status: StatusVerdict, remark: StatusVerdict): StatusVerdict {
  if (remark.raw === null || isUnknownStatus(remark)) return status;
  if (isUnknownStatus(status)) return remark.status === 'active' ? status : remark;
  return rank(remark.reason) > rank(status.reason) ? remark : status;
}

/** True for a status no word of Loket's explains: shown verbatim, not active, reason unknown. */
export function isUnknownStatus(status: StatusVerdict): boolean {
  return status.reason !== null && status.reason.startsWith(UNKNOWN);
}

/** VClaim statusPeserta {kode, keterangan}: '0' is active; unknown codes are not active, shown verbatim. */
export function mapVClaimStatus(kode: string | number | null | undefined, keterangan?: string | null): StatusVerdict {
  const code = kode === null || kode === undefined ? '' : String(kode).trim();
  const note = typeof keterangan === 'string' ? keterangan.trim() : '';
  const key = code.replace(LEADING_ZEROS, '');
  const reason = VCLAIM_CODES.get(key);
  if (reason !== undefined) return { status: reason === null ? 'active' : 'inactive', reason, raw: code };
  const shown = code === '' ? note || '-' : note === '' ? code : `${code} (${note})`;
  return { status: 'inactive', reason: UNKNOWN + shown, raw: code === '' ? (note === '' ? null : note) : code };
}

const MALE = new Set(['L', '1', 'LAKILAKI', 'LAKI', 'PRIA', 'LK', 'M', 'MALE', 'COWOK', 'LELAKI']);
const FEMALE = new Set(['P', '2', 'PEREMPUAN', 'WANITA', 'PR', 'W', 'F', 'FEMALE', 'PEREMPUWAN', 'PRP']);

/** Sex from a list column: L/P, 1/2, or the words lists spell out. Anything else is unknown (null). */
export function parseSex(raw: string | number | null | undefined): 'L' | 'P' | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw === 1 ? 'L' : raw === 2 ? 'P' : null;
  if (typeof raw !== 'string') return null;
  // Fast path for the common one-letter forms, which is nearly every row.
  if (raw.length === 1) {
    const c = raw.charCodeAt(0) | 32; // lower-case ASCII letters
    if (c === 108 || c === 109 || raw === '1') return 'L'; // l, m
    if (c === 112 || c === 119 || c === 102 || raw === '2') return 'P'; // p, w, f
    return null;
  }
  const compact = raw.toUpperCase().replace(NOT_ALNUM, '');
  if (MALE.has(compact)) return 'L';
  if (FEMALE.has(compact)) return 'P';
  return null;
}
