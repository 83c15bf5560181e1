import { hasControlCharacters, withoutControlCharacters } from '../../shared/text-rules';
import { parseCard } from '../../shared/card';
import { parseDate } from '../../shared/dates';
import { floatPrintedInteger, withoutTextMark } from '../../shared/text-mark';
import type { MessageKey } from '../../shared/i18n/messages';
import { nikMismatch, readNikCell } from '../../shared/nik';
import { mapFlagStatus, mapListStatus, parseSex, strongerStatus, type StatusVerdict } from '../../shared/status';
import { readBirthDate, type BirthDate } from './birth-date';
import type { ColumnMapping } from './columns';
import type { ListFileInfo, RawCell, RawRow } from './list-reader';
import { DERIVED_DETAIL_FIELDS, DETAIL_FIELDS, DETAIL_SEPARATOR, MemberFlags, isoToDob } from './member-table';
import type { StatusReading } from './status-column';

/**
 * A validated member, in the column order of the edition writer's INSERT (its name keys are
 * computed by the writer). A tuple rather than
 * an object: batches of these cross from the reader thread to the writer, and arrays are the
 * cheapest shape to clone.
 */
/** The longest name a member row may carry (the contract allows 120 for a name typed at the counter). */
export const MAX_NAME_CHARS = 150;

export type MemberInsert = [nik: string | null, card: number | null, dob: number | null, flags: number, name: string, detail: string, row: number];

export interface RowIssue {
  code: MessageKey;
  detail?: string;
}

export type RowOutcome =
  | { kind: 'member'; member: MemberInsert; warnings: RowIssue[]; status: StatusVerdict }
  | { kind: 'reject'; issue: RowIssue }
  | { kind: 'skip' };

/** Words that mark a totals, signature or title row rather than a member. */
const NON_MEMBER_ROW = /\b(TOTAL|JUMLAH|MENGETAHUI|KEPALA|NIP|TTD|DIBUAT|PETUGAS|DAFTAR|BULAN|PERIODE|TAHUN|SUB ?TOTAL)\b/i;
const NO_WARNINGS: RowIssue[] = [];
const DOB_PROBLEM: Record<Extract<BirthDate, { iso: null }>['problem'], MessageKey> = {
  unreadable: 'row/dob-unreadable',
  'year-only': 'row/dob-year-only',
  'not-a-date': 'row/dob-not-a-date',
  implausible: 'row/dob-implausible',
};

/** A member's validity dates, yyyy-mm-dd or "" (no limit). */
interface Validity {
  from: string;
  until: string;
}
const NO_VALIDITY: Validity = Object.freeze({ from: '', until: '' });
/** Details without copied fields kept for reuse: both sexes, with and without a reason, a few dates. */
const EMPTY_DETAILS_KEPT = 8;

/**
 * A name as a list usually holds it already: upper case, printable ASCII, single spaces between
 * words, no text mark in front. Such a name is its own normal form (the chain in validate() would
 * give it back unchanged), so that chain, four new strings a row, is skipped.
 */
export function isNormalName(name: string): boolean {
  const first = name.charCodeAt(0);
  if (first === 39 || first === 96 || first === 61 || first === 32) return false; // ' ` = or a space
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (name.charCodeAt(i + 1) === 32 || i === name.length - 1) return false;
    } else if (c < 33 || c > 126 || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

/** The value of a card's 13 digits (exact: below 2^53), without Number()'s string parsing. */
function digitsValue(digits: string): number {
  let n = 0;
  for (let i = 0; i < digits.length; i++) n = n * 10 + (digits.charCodeAt(i) - 48);
  return n;
}

/** A date cell's text with no letter or digit (a dash, a dot for "none"). */
const NO_LETTER_OR_DIGIT = /^[^A-Za-z0-9]*$/;

/** A cell as the file holds it (trimmed, no-break spaces as spaces). */
function trimmedCellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return (cell.indexOf('\u00a0') < 0 ? cell : cell.replace(/\u00a0/g, ' ')).trim();
  if (typeof cell === 'number') return String(cell);
  return cell.toISOString().slice(0, 10);
}

/** trimmedCellText for a row the reader vouches for (RawRow.plainText): no no-break space to look for. */
function plainTrimmedCellText(cell: RawCell | undefined): string {
  return typeof cell === 'string' ? cell.trim() : trimmedCellText(cell);
}

/** A cell's value as text in such a row: trimmed, without the mark that kept it text in Excel ('..., ="..."; text-mark.ts). */
function plainCellText(cell: RawCell | undefined): string {
  const text = plainTrimmedCellText(cell);
  return typeof cell === 'string' ? withoutTextMark(text) : text;
}

/**
 * A cell as text without control or format characters (text-rules.ts): a NUL from a damaged
 * export, a bidi override that would show an address or a name other than it is, a direction
 * mark copied into a NIK from a web page. They are removed, never kept: a \x1f would also split
 * the packed detail column. The text mark goes after them, so a mark behind a zero-width space goes too.
 */
export function cellText(cell: RawCell | undefined): string {
  if (typeof cell !== 'string') return trimmedCellText(cell);
  const text = trimmedCellText(cell);
  return withoutTextMark(hasControlCharacters(text) ? withoutControlCharacters(text).trim() : text);
}

/** A totals, signature or title row among the data rows (it says JUMLAH, TOTAL, MENGETAHUI...). */
export function looksLikeNonMemberRow(cells: readonly RawCell[]): boolean {
  return NON_MEMBER_ROW.test(cells.map(cellText).join(' '));
}

/** The fields validate() reads from a row's cells. */
type RowField = 'nik' | 'card' | 'name' | 'dob' | 'sex' | 'status' | 'validFrom' | 'validUntil';

export class RowValidator {
  /** Column index of each DETAIL_FIELDS entry copied from the file (-1: not in this file, or derived: sex, statusReason, the validity dates). */
  private readonly detailColumns: number[];

  /**
   * The column of each field a row reads (-1: not in this file), in an object of one fixed shape.
   * The mapping itself is built key by key from the header and cloned to the reader's thread: a
   * look-up in it per cell showed in that thread's profile as a megamorphic keyed load.
   */
  private readonly columnOf: Record<RowField, number>;

  /** The file maps a TMT or TAT column. */
  private readonly hasValidity: boolean;

  /** The status column's reading, decided once for the file from its first rows (status-column.ts). */
  private readonly readStatus: (raw: string | null) => StatusVerdict;

  /**
   * `csvFields`: how many fields the header line of a CSV has (undefined for XLSX, whose cells
   * carry their column). Excel writes every line of a CSV with as many fields as the widest, so a
   * line with more non-empty fields than its header was written by hand or by a program that
   * left a separator unquoted ("AISYAH PRATAMA, S.E"): every field after it has moved one column
   * to the right, and the row's status, birth date or card would be read from the wrong column.
   */
  constructor(
    mapping: ColumnMapping,
    private readonly today: string,
    statusReading: StatusReading,
    private readonly csvFields?: number,
    /** A remarks column of status words read beside the status column (list-reader.types.ts remarksStatus). */
    private readonly remarksColumn?: number,
  ) {
    this.readStatus = statusReading === 'flag' ? mapFlagStatus : mapListStatus;
    const at = (field: RowField): number => mapping[field] ?? -1;
    this.columnOf = { nik: at('nik'), card: at('card'), name: at('name'), dob: at('dob'), sex: at('sex'), status: at('status'), validFrom: at('validFrom'), validUntil: at('validUntil') };
    this.hasValidity = mapping.validFrom !== undefined || mapping.validUntil !== undefined;
    this.detailColumns = DETAIL_FIELDS.map((field) => (DERIVED_DETAIL_FIELDS.has(field) ? -1 : (mapping[field as keyof ColumnMapping] ?? -1)));
  }

  /** The cell of a column of columnOf (-1: none). The column, not the field's name: a look-up by a name that varies is a megamorphic keyed load. */
  private cell(cells: RawCell[], index: number): RawCell | undefined {
    return index < 0 ? undefined : cells[index];
  }

  /**
   * The packed detail column, built straight from the cells (this runs for every row of every
   * list). A row whose copied fields are all empty (a BPJS extract has none but the dates) gets
   * the very string of the last such row with the same sex, reason and dates: no new string,
   * and the trip to the writer sends it once (packed-members.ts).
   */
  private detailOf(cells: RawCell[], sex: string, statusReason: string, validity: Validity, text: (cell: RawCell | undefined) => string): string {
    const columns = this.detailColumns;
    const copied: string[] = this.copiedFields;
    let anyCopied = false;
    for (let i = 2; i < columns.length - 2; i++) {
      const index = columns[i]!;
      const field = index >= 0 ? text(cells[index]) : '';
      copied[i] = field;
      if (field !== '') anyCopied = true;
    }
    const memo = this.emptyDetails;
    if (!anyCopied) {
      for (let k = 0; k < memo.length; k++) {
        const m = memo[k]!;
        if (m.sex === sex && m.reason === statusReason && m.validity.from === validity.from && m.validity.until === validity.until) return m.detail;
      }
    }
    let out = sex + DETAIL_SEPARATOR + statusReason;
    // The validity dates are the last two fields, left out when empty (unpackDetail reads them as "").
    for (let i = 2; i < columns.length - 2; i++) out += DETAIL_SEPARATOR + copied[i]!;
    const detail = validity === NO_VALIDITY ? out : out + DETAIL_SEPARATOR + validity.from + DETAIL_SEPARATOR + validity.until;
    if (!anyCopied) {
      if (memo.length === EMPTY_DETAILS_KEPT) memo.shift();
      memo.push({ sex, reason: statusReason, validity, detail });
    }
    return detail;
  }

  /** detailOf's copied fields of the current row (reused). */
  private readonly copiedFields: string[] = [];

  /** The last details made without a copied field, newest last. */
  private readonly emptyDetails: { sex: string; reason: string; validity: Validity; detail: string }[] = [];

  /**
   * The validity dates (TMT, TAT) as yyyy-mm-dd, "" when absent or unreadable (an unreadable one
   * is warned about). Kept, not applied here: whether coverage has ended or not yet begun depends
   * on the day of the look-up (lookup.ts).
   */
  private validityOf(cells: RawCell[], text: (cell: RawCell | undefined) => string, warn: (issue: RowIssue) => void): Validity {
    const date = (column: number): string => {
      const raw = this.cell(cells, column);
      if (raw === undefined || raw === null) return '';
      const written = text(raw);
      if (NO_LETTER_OR_DIGIT.test(written)) return '';
      const iso = typeof raw === 'string' ? this.validityText(written) : parseDate(raw, this.today);
      if (iso === null) warn({ code: 'row/validity-unreadable', detail: written });
      return iso ?? '';
    };
    const from = date(this.columnOf.validFrom);
    const until = date(this.columnOf.validUntil);
    if (from === '' && until === '') return NO_VALIDITY;
    // Most rows of a list share their validity dates: one object for them all.
    if (from !== this.lastValidity.from || until !== this.lastValidity.until) this.lastValidity = { from, until };
    return this.lastValidity;
  }

  /** The last validity dates returned (never changed: rows share it). */
  private lastValidity: Validity = NO_VALIDITY;

  /** The last two validity texts read, and their dates: a list's TMT and TAT are mostly the same on every row. */
  private readonly validityTexts: [string, string | null, string, string | null] = ['', null, '', null];

  private validityText(written: string): string | null {
    const seen = this.validityTexts;
    if (written === seen[0]) return seen[1];
    if (written === seen[2]) return seen[3];
    const iso = parseDate(written, this.today);
    seen[2] = seen[0];
    seen[3] = seen[1];
    seen[0] = written;
    seen[1] = iso;
    return iso;
  }

  validate(raw: RawRow): RowOutcome {
    if (raw.repeatedHeader === true) return { kind: 'skip' };
    const { cells } = raw;
    // The CSV reader vouches for most rows (no control or format character in their chunk of the
    // file): those skip the check, which would cost every cell of millions of rows a scan.
    const text = raw.plainText === true ? plainCellText : cellText;
    const nikRaw = this.cell(cells, this.columnOf.nik);
    const cardRaw = this.cell(cells, this.columnOf.card);
    const nikCell = readNikCell(typeof nikRaw === 'number' ? nikRaw : text(nikRaw), typeof nikRaw === 'number', this.today);
    const cardText = typeof cardRaw === 'number' ? cardRaw : text(cardRaw);
    // "1336526592.0" from a script is the number a numeric cell holds (zeros restored the same way);
    // parseCard itself refuses it, as a clerk never types one.
    const cardValue = typeof cardText === 'string' ? (floatPrintedInteger(cardText) ?? cardText) : cardText;
    const card = cardValue === '' ? null : parseCard(cardValue);
    const typedName = (raw.plainText === true ? plainTrimmedCellText : trimmedCellText)(this.cell(cells, this.columnOf.name));
    // NUL and other control characters (a damaged export, binary junk), bidi overrides and
    // zero-width characters never become part of a name; the row says they were removed.
    const cleanName = raw.plainText !== true && hasControlCharacters(typedName) ? withoutControlCharacters(typedName) : typedName;
    const name = isNormalName(cleanName) ? cleanName : withoutTextMark(cleanName.trim()).toUpperCase().replace(/\s+/g, ' ').trim();
    const hasNik = nikCell.kind === 'valid' || nikCell.kind === 'damaged';
    const hasCard = card !== null && card.ok;

    if (!hasNik && !hasCard) return this.rejectOrSkip(cells, nikCell.kind === 'invalid' ? nikCell.reason : null, card, name);
    if (this.csvFields !== undefined && cells.length > this.csvFields) {
      const extra = extraFields(cells, this.csvFields);
      if (extra > 0) return { kind: 'reject', issue: { code: 'row/extra-fields', detail: String(extra) } };
    }
    if (!name) return { kind: 'reject', issue: { code: 'row/no-name' } };
    // No person's name is this long: a cell that swallowed a row, or a file that is not a list.
    if (name.length > MAX_NAME_CHARS) return { kind: 'reject', issue: { code: 'row/name-too-long', detail: String(name.length) } };

    let warnings = NO_WARNINGS;
    const warn = (issue: RowIssue): void => {
      if (warnings === NO_WARNINGS) warnings = [];
      warnings.push(issue);
    };
    if (cleanName !== typedName) warn({ code: 'row/name-control-characters' });
    if (raw.otherEncoding) warn({ code: 'row/other-encoding', detail: raw.otherEncoding === 'utf-8' ? 'UTF-8' : 'Windows-1252' });
    let flags = 0;
    let nik: string | null = null;
    if (nikCell.kind === 'valid') nik = nikCell.nik;
    else if (nikCell.kind === 'damaged') {
      nik = `${nikCell.prefix15}0`;
      flags |= MemberFlags.damagedNik;
      warn({ code: 'row/nik-damaged' });
    } else if (nikCell.kind === 'invalid') warn({ code: 'row/nik-invalid', detail: nikCell.reason });
    if (card !== null && !card.ok) warn({ code: 'row/card-invalid', detail: card.reason });
    if (card !== null && card.ok && card.restoredZeros) flags |= MemberFlags.cardZerosRestored;

    const dobRaw = this.cell(cells, this.columnOf.dob);
    const birth = dobRaw === undefined || dobRaw === null || text(dobRaw) === '' ? null : readBirthDate(dobRaw, text(dobRaw), this.today);
    const dobIso = birth === null ? null : birth.iso;
    if (birth !== null && birth.iso === null) warn({ code: DOB_PROBLEM[birth.problem], detail: birth.detail });
    const sexCell = this.cell(cells, this.columnOf.sex);
    const sex = parseSex(sexCell instanceof Date ? null : typeof sexCell === 'string' ? text(sexCell) : (sexCell ?? null));
    if (nikCell.kind === 'valid') {
      const mismatch = nikMismatch(nikCell.info, dobIso, sex);
      if (mismatch === 'dob' || mismatch === 'dob-and-sex') {
        flags |= MemberFlags.nikDobMismatch;
        warn({ code: 'row/nik-dob-mismatch' });
      }
      if (mismatch === 'sex' || mismatch === 'dob-and-sex') {
        flags |= MemberFlags.nikSexMismatch;
        warn({ code: 'row/nik-sex-mismatch' });
      }
    }
    const listed = this.readStatus(text(this.cell(cells, this.columnOf.status)) || null);
    const status = this.remarksColumn === undefined ? listed : strongerStatus(listed, mapListStatus(text(cells[this.remarksColumn]) || null));
    if (status.status === 'active') flags |= MemberFlags.active;
    const dob = dobIso === null ? null : isoToDob(dobIso);
    const validity = this.hasValidity ? this.validityOf(cells, text, warn) : NO_VALIDITY;
    const detail = this.detailOf(cells, sex ?? '', status.reason ?? '', validity, text);
    const member: MemberInsert = [nik, hasCard ? digitsValue(card.card) : null, dob, flags, name, detail, raw.row];
    return { kind: 'member', member, warnings, status };
  }

  /** A row without a usable identifier: a member row with a bad NIK is rejected; a title, totals, signature or empty row is skipped. */
  private rejectOrSkip(cells: RawCell[], nikReason: string | null, card: ReturnType<typeof parseCard> | null, name: string): RowOutcome {
    const joined = cells.map(cellText).join(' ').trim();
    if (joined === '' || NON_MEMBER_ROW.test(joined)) return { kind: 'skip' };
    const nikText = cellText(this.cell(cells, this.columnOf.nik));
    if (nikText === '' && card === null && name === '') return { kind: 'skip' };
    if (nikReason !== null && nikText !== '') return { kind: 'reject', issue: { code: 'row/nik-invalid', detail: nikReason } };
    if (card !== null && !card.ok) return { kind: 'reject', issue: { code: 'row/card-invalid', detail: card.reason } };
    return { kind: 'reject', issue: { code: 'row/no-identifier' } };
  }
}

/** The non-empty fields of a CSV line beyond its header's `width` (a trailing separator adds an empty one: harmless). */
function extraFields(cells: RawCell[], width: number): number {
  let extra = 0;
  for (let i = width; i < cells.length; i++) if (cellText(cells[i]) !== '') extra++;
  return extra;
}

/** What a RowValidator needs to know of a file's width: its header's field count for a CSV. */
export const csvFieldsOf = (info: ListFileInfo): number | undefined => (info.format === 'csv' ? info.headers.length : undefined);
