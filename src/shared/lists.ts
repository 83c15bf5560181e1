import type { CoreMessage, MessageKey, MessageParams } from './i18n/messages';

/** Where a list comes from; decides how a clerk reads a match. `bpjs-live` is written by the online check. */
export const LIST_KINDS = ['pbi-apbn', 'pbi-apbd', 'jamkesda', 'bpjs', 'other'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export type SourceKind = ListKind | 'bpjs-live';

export const LIST_FIELDS = [
  'nik', 'card', 'name', 'dob', 'sex', 'birthPlace', 'status', 'segment', 'facility', 'class',
  'address', 'rt', 'rw', 'village', 'district', 'city', 'province', 'familyCard', 'motherName',
  'rowNo', 'validFrom', 'validUntil',
] as const;
export type ListFieldName = (typeof LIST_FIELDS)[number];
/**
 * In a column mapping, "this field has no column": e.g. `status: '-'` when a column found by its
 * values (or by its name) is not really the status. `--map status=-` on the command line.
 */
export const NO_COLUMN = '-';

export interface ListSummary {
  name: string;
  kind: ListKind;
  edition: number;
  asOf: string;
  importedAt: string;
  sourceFile: string;
  sourceSha256: string;
  members: number;
  stale: boolean;
  /** Days since the as-of date; never below 0 (see aheadOfClock). */
  ageDays: number;
  /**
   * The as-of date is after this computer's today: imports of such a date are refused, so the
   * PC's clock has most likely been set back since (a dead CMOS battery, a reinstall). Shown as
   * such, with "check the computer's date", never as a negative age.
   */
  aheadOfClock?: true;
  /** The edition a rollback would bring back, if any. */
  previousEdition: number | null;
  /**
   * Set when the current edition's file cannot be read: look-ups do not search this list (and
   * say so). `folder` is the lists folder's name (`loket.db.lists`), `file` the edition's file in
   * it; `previousReadable`: a rollback to `previousEdition` would give a list that reads.
   * `fromHub`: this counter is enrolled and the hub holds this edition (it came from the hub, or
   * was sent to it): the next sync fetches it again, so that is the repair, not an import.
   */
  unreadable?: { reason: UnreadableReason; folder: string; file: string; previousReadable: boolean; fromHub?: true };
}

/** Why a current edition cannot be read: its file is not in the lists folder, or it does not open as that edition. */
export type UnreadableReason = 'missing' | 'damaged';

/** A row's problem: a catalog code (`row/...`) with its detail; the caller words it (formatCoreMessage). */
export interface ImportIssue extends CoreMessage {
  row: number;
  code: MessageKey;
  params: { detail: string };
}

/** How the status column was chosen: by its header name, by its values (KET with MENINGGAL...), or by the administrator. */
export type StatusColumnSource = 'header' | 'values' | 'mapping';
/** The column read as the membership status; null in a report or preview: none, every member counts as active. */
export interface StatusColumn {
  header: string;
  foundBy: StatusColumnSource;
  /** 'flag' when the column holds 1 and 0 (and perhaps words) and is read as a yes/no flag (1 active, 0 not active); absent: status words and VClaim codes. */
  reading?: 'flag';
  /** A remarks column (KET) of status words read beside the status column: the stronger word of the two counts. */
  remarks?: string;
}

/** Where a suggested as-of date was read: a title row above the header, BULAN/TAHUN (or PERIODE) columns, the file name. */
export type AsOfSource = 'title' | 'columns' | 'file-name';
export interface AsOfSuggestion {
  /** YYYY-MM-DD; a month alone gives its first day. */
  date: string;
  source: AsOfSource;
  /** The text it was read from ("BULAN : SEPTEMBER 2025", "BULAN=9, TAHUN=2025", "pbi-apbd-2025-09.xlsx"). */
  text: string;
}

/**
 * Something the administrator should know about a whole import; worded by the caller (noticeMessage).
 * `status-by-values`: the status column was found by its values (`values`: the most frequent, with rows).
 * `status-flag`: the status column holds 1 and 0, read as yes/no (0 not active). `unknown-status`:
 * `rows` members have a status value no word explains (not active, reason unknown); `values` names
 * the most frequent with their rows. `contradicting-rows`: `count` people are on the file as active
 * on one row and not active on another (`rows`: the row numbers of a few). `older-list-same-kind` /
 * `newer-list-same-kind`: other current lists of this kind (`others`: names with as-of dates)
 * are older / newer; for a person on several, the newest decides.
 */
export interface ImportNotice {
  code:
    | 'no-status-column'
    | 'status-by-values'
    | 'status-flag'
    | 'status-remarks'
    | 'unknown-status'
    | 'repeated-rows'
    | 'contradicting-rows'
    | 'scientific-nik'
    | 'other-sheets'
    | 'unplaced-identifier'
    | 'fewer-members'
    | 'older-as-of'
    | 'as-of-before-file-date'
    | 'kind-changed'
    | 'older-list-same-kind'
    | 'newer-list-same-kind';
  params: MessageParams;
}
/** A notice as a message of the shared catalog (`import/<code>`). */
export const noticeMessage = (notice: ImportNotice): CoreMessage => ({ code: `import/${notice.code}`, params: notice.params });

export interface ImportReport {
  list: string;
  kind: ListKind;
  edition: number;
  asOf: string;
  file: { name: string; format: 'csv' | 'xlsx'; sha256: string; encoding?: string; separator?: string; sheetName?: string; headerRow: number };
  mapping: Partial<Record<ListFieldName, string>>;
  rows: {
    read: number; imported: number; rejected: number; warnings: number; skipped: number; damagedNik: number;
    /** Rows repeated word for word in the file (same NIK, card, name, birth date and every detail kept): imported once. */
    repeated: number;
    /** NIKs written in scientific notation ("3.67301E+15"): too few digits to find anyone by NIK. */
    scientificNik: number;
  };
  statusColumn: StatusColumn | null;
  notices: ImportNotice[];
  rejects: ImportIssue[];
  warnings: ImportIssue[];
  durationMs: number;
}

/** A column the header matching could not place whose values look like a NIK or a card number (the import names it too). */
export interface UnplacedIdentifier {
  /** The column's header as written, or "#N" (its 1-based position) when the header cell is empty. */
  header: string;
  /** What its values look like. */
  looksLike: 'nik' | 'card';
}

/**
 * The status values of a preview's first rows that no word of Loket's explains (those members
 * would be "not active, reason unknown"): said before the import, not only in its report.
 */
export interface PreviewStatusCheck {
  /** The status column's header. */
  header: string;
  /** Members among the rows read. */
  rows: number;
  /** Of them, with an unknown status value. */
  unknown: number;
  /** Of those, spreadsheet error values (#N/A from a failed VLOOKUP, #REF!...). */
  errors: number;
  /** The most frequent unknown values with their rows: `"#N/A" (48), "TERDAFTAR" (2)`. */
  values: string;
}

/** What an import would read: shown so the clerk can check and correct the column mapping first. */
export interface ListPreview {
  file: string;
  /**
   * False when no header naming a NIK or card column was found: `headers` and `sample` are then
   * the likeliest header row and the rows under it, and the administrator maps the columns by hand.
   */
  recognized: boolean;
  format: 'csv' | 'xlsx';
  sheetName?: string;
  /** XLSX: later sheets with a list header of their own, which the import does not read. */
  otherSheets?: string[];
  headerRow: number;
  headers: string[];
  mapping: Partial<Record<ListFieldName, string>>;
  /** The first data rows as text, cells in header order. */
  sample: string[][];
  sizeBytes: number;
  statusColumn: StatusColumn | null;
  /** A suggestion later than asOfLimit is not offered: the import would refuse it. */
  asOf: AsOfSuggestion | null;
  /** The latest as-of date an import accepts today (a later one is not in force yet and is refused). */
  asOfLimit: string;
  /** Columns holding NIK- or card-like numbers under a header Loket does not know: not used unless mapped. */
  unplacedIdentifiers?: UnplacedIdentifier[];
  /** Set when some of the first rows have a status value Loket does not know. */
  statusCheck?: PreviewStatusCheck;
}

export interface ImportProgress {
  list: string;
  /** 'waiting': another import (of `waitingFor`, when known) runs first; this one starts after it. */
  phase: 'waiting' | 'reading' | 'indexing' | 'switching' | 'done' | 'failed';
  waitingFor?: string | null;
  rowsRead: number;
  /** 0..100, from bytes consumed; indexing counts as the last stretch. */
  percent: number;
}
