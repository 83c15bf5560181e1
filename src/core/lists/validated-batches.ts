import type { ListFileInfo, ListReader, RawRow } from './list-reader';
import { packMembers, type PackedMembers } from './packed-members';
import { isUnknownStatus } from '../../shared/status';
import type { MemberInsert, RowIssue, RowValidator } from './row-validator';
import { countUnknownStatus, type UnknownStatusCounts } from './unknown-statuses';

export interface RowIssueAt {
  row: number;
  issue: RowIssue;
}

/** One batch of validated rows: what the edition writer needs, in a shape cheap to send between threads. */
export interface ValidatedBatch {
  members: PackedMembers;
  rejects: RowIssueAt[];
  warnings: RowIssueAt[];
  /** rows with at least one warning */
  warnedRows: number;
  /** title, empty, totals and signature rows */
  skipped: number;
  /** rows that were members or rejects */
  read: number;
  /** members whose status value no word explains (not active, reason unknown), by value */
  unknownStatuses: UnknownStatusCounts;
  /** Every status value by rows, counted only for a status column found by its values: the notice quotes what made it one. */
  statusValues?: UnknownStatusCounts;
  bytesRead: number;
}

/** A stream of validated batches, with the file facts known before the first batch. */
export interface ValidatedSource {
  /** info.sha256 is '': the hash is not awaited before the first row (see sha256()). */
  info: ListFileInfo;
  batches(): AsyncIterable<ValidatedBatch>;
  /** The whole file's SHA-256; ask once batches() has ended. */
  sha256(): Promise<string>;
  close(): Promise<void>;
}

/** Small enough that rows die young (cheap garbage collection), large enough to amortize a transaction. */
export const BATCH_ROWS = 2_000;

export function validateBatch(rows: readonly RawRow[], validator: RowValidator, bytesRead: number, countValues = false): ValidatedBatch {
  const members: MemberInsert[] = [];
  const batch: Omit<ValidatedBatch, 'members'> = { rejects: [], warnings: [], warnedRows: 0, skipped: 0, read: 0, bytesRead, unknownStatuses: new Map() };
  const statusValues: UnknownStatusCounts | undefined = countValues ? new Map() : undefined;
  if (statusValues) batch.statusValues = statusValues;
  for (const raw of rows) {
    const outcome = validator.validate(raw);
    if (outcome.kind === 'skip') {
      batch.skipped++;
      continue;
    }
    batch.read++;
    if (outcome.kind === 'reject') {
      batch.rejects.push({ row: raw.row, issue: outcome.issue });
      continue;
    }
    members.push(outcome.member);
    if (isUnknownStatus(outcome.status)) countUnknownStatus(batch.unknownStatuses, outcome.status.raw ?? '');
    if (statusValues && outcome.status.raw !== null) countUnknownStatus(statusValues, outcome.status.raw);
    if (outcome.warnings.length > 0) {
      batch.warnedRows++;
      for (const issue of outcome.warnings) batch.warnings.push({ row: raw.row, issue });
    }
  }
  return { ...batch, members: packMembers(members) };
}

/** Reads and validates on the calling thread (the CLI, tests, and small files). */
export function inlineSource(reader: ListReader, validator: RowValidator): ValidatedSource {
  return {
    info: reader.info,
    async *batches() {
      const countValues = countsStatusValues(reader.info);
      for await (const rows of reader.batches(BATCH_ROWS)) yield validateBatch(rows, validator, reader.bytesRead(), countValues);
    },
    sha256: () => reader.sha256(),
    close: () => reader.close(),
  };
}

/** A status column found by its values: its values are counted for the notice that says so. */
export const countsStatusValues = (info: ListFileInfo): boolean => info.statusFoundBy === 'values';
