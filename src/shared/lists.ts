import { z } from 'zod';

/** Where a list comes from; decides how a clerk reads a match. `bpjs-live` is written by the online check. */
export const LIST_KINDS = ['pbi-apbn', 'pbi-apbd', 'jamkesda', 'bpjs', 'other'] as const;
export const listKindSchema = z.enum(LIST_KINDS);
export type ListKind = z.infer<typeof listKindSchema>;
export type SourceKind = ListKind | 'bpjs-live';

export const LIST_FIELDS = [
  'nik', 'card', 'name', 'dob', 'sex', 'birthPlace', 'status', 'segment', 'facility', 'class',
  'address', 'rt', 'rw', 'village', 'district', 'city', 'province', 'familyCard', 'motherName',
  'rowNo', 'validFrom', 'validUntil',
] as const;
export type ListFieldName = (typeof LIST_FIELDS)[number];

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
  ageDays: number;
  /** The edition a rollback would bring back, if any. */
  previousEdition: number | null;
}

export interface ImportIssue {
  row: number;
  code: string;
  reason: string;
}

export interface ImportReport {
  list: string;
  kind: ListKind;
  edition: number;
  asOf: string;
  file: { name: string; format: 'csv' | 'xlsx'; sha256: string; encoding?: string; separator?: string; sheetName?: string; headerRow: number };
  mapping: Partial<Record<ListFieldName, string>>;
  rows: { read: number; imported: number; rejected: number; warnings: number; skipped: number; damagedNik: number };
  rejects: ImportIssue[];
  warnings: ImportIssue[];
  durationMs: number;
}

/** What an import would read: shown so the clerk can check and correct the column mapping first. */
export interface ListPreview {
  file: string;
  format: 'csv' | 'xlsx';
  sheetName?: string;
  headerRow: number;
  headers: string[];
  mapping: Partial<Record<ListFieldName, string>>;
  /** The first data rows as text, cells in header order. */
  sample: string[][];
  sizeBytes: number;
}

export interface ImportProgress {
  list: string;
  phase: 'reading' | 'indexing' | 'switching' | 'done' | 'failed';
  rowsRead: number;
  /** 0..100, from bytes consumed; indexing counts as the last stretch. */
  percent: number;
}
