import type { StatusColumnSource } from '../../shared/lists';
import type { SplitBirthDate } from './birth-date-columns';
import type { ColumnMapping } from './columns';
import type { StatusReading } from './status-column';
import type { UnplacedIdentifier } from './unplaced-identifiers';

/**
 * number ONLY for numeric XLSX cells (CSV cells are always strings); Date for XLSX date-typed
 * cells, as the UTC instant of the calendar date (read it with getUTC* / toISOString()).
 */
export type RawCell = string | number | Date | null;

/** row: 1-based row number as the user sees it in Excel (for CSV: physical record number, header = its row) */
export interface RawRow {
  row: number;
  cells: RawCell[];
  /** A CSV line read in the other encoding than the rest of its file (a file pasted from two sources). */
  otherEncoding?: 'utf-8' | 'windows-1252';
  /**
   * The reader saw no control or format character (text-rules.ts) and no no-break space in the
   * text this row came from, so the validator need not look for them cell by cell (set by the
   * CSV reader per chunk).
   */
  plainText?: true;
  /** The header row again, further down (blocks pasted together): skipped, not a member (repeated-header.ts). */
  repeatedHeader?: true;
}

export interface ListFileInfo {
  format: 'csv' | 'xlsx';
  /** csv only. Can change from 'utf-8' to 'windows-1252' while reading if an ASCII-only start hid it. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  separator?: ',' | ';' | '\t' | '|'; // csv only
  sheetName?: string; // xlsx: the first sheet that has a header
  /** xlsx: later sheets with a list header of their own, not read (the import says so). */
  otherListSheets?: string[];
  headerRow: number; // 1-based
  headers: string[]; // as written
  mapping: ColumnMapping;
  /** How mapping.status was chosen; null when the file has no status column (every member counts as active). */
  statusFoundBy: StatusColumnSource | null;
  /** How the status column's values are read: words and VClaim codes, or a yes/no flag of 1 and 0 (status-column.ts). */
  statusReading: StatusReading;
  /**
   * A remarks column (KET) whose values are mostly status words, beside a status column named
   * so or mapped: both are read, the strongest word counts (status-column.ts).
   */
  remarksStatus?: number;
  /** The birth date is split: mapping.dob holds the day, these columns the month and the year (the reader joins them). */
  splitDob?: SplitBirthDate;
  /** Columns no field was mapped to whose first values look like NIKs or card numbers (the import names them). */
  unplacedIdentifiers?: UnplacedIdentifier[];
  /** Non-empty rows above the header, as text: where an as-of date may be stated. */
  titles: string[];
  sizeBytes: number;
  /** Of the whole file; '' when opened with `hashLater` (then ask ListReader.sha256()). */
  sha256: string;
}

export interface ListReader {
  info: ListFileInfo;
  /** Data rows after the header, in batches of up to `batchSize` (default 5000); streams; empty rows are skipped. */
  batches(batchSize?: number): AsyncIterable<RawRow[]>;
  /** bytes of the file consumed so far, for progress */
  bytesRead(): number;
  /** The SHA-256 of the whole file (hex), computed in a streamed pass beside the reading. */
  sha256(): Promise<string>;
  close(): Promise<void>;
}
