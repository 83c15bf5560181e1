import { basename } from 'node:path';
import { isoDateInZone } from '../../../shared/dates';
import { formatMessage, type Lang, type MessageKey } from '../../../shared/i18n/messages';
import type { ImportIssue, ImportProgress, ImportReport, ListFieldName, ListKind } from '../../../shared/lists';
import type { Db } from '../store/open-database';
import type { ListField } from './columns';
import { EditionWriter } from './edition-writer';
import { beginEdition, failEdition, heartbeat, switchToEdition, type EditionCounts } from './editions.repo';
import { openListFile } from './list-reader';
import { RowValidator, type MemberInsert, type RowIssue } from './row-validator';

export interface ImportListOptions {
  path: string;
  list: string;
  kind: ListKind;
  asOf: string;
  mapping?: Partial<Record<ListFieldName, string>>;
  lang?: Lang;
  timeZone?: string;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
}

/** At most this many rejects and as many warnings are listed (all are counted): a 3-million-row list of damaged NIKs must not list 3 million lines. */
export const MAX_LISTED_ISSUES = 50_000;
const BATCH_ROWS = 20_000;

/**
 * Reads a list file and makes it the list's current edition, or changes nothing. Synchronous
 * SQLite work: call it from a worker thread (see import-worker.ts), never the UI's thread.
 */
export async function importList(db: Db, options: ImportListOptions): Promise<ImportReport> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const lang = options.lang ?? 'id';
  const reader = await openListFile(options.path, { overrides: options.mapping as Partial<Record<ListField, string>> | undefined });
  const { info } = reader;
  const mappingByName: Partial<Record<ListFieldName, string>> = {};
  for (const [field, index] of Object.entries(info.mapping)) mappingByName[field as ListFieldName] = info.headers[index as number] ?? '';

  const { editionId, edition } = beginEdition(db, {
    list: options.list,
    kind: options.kind,
    asOf: options.asOf,
    sourceFile: basename(options.path),
    sourceSha256: info.sha256,
    sourceFormat: info.format,
    mappingJson: JSON.stringify(mappingByName),
    now: now().toISOString(),
  });
  const counts: EditionCounts = { read: 0, imported: 0, rejected: 0, warnings: 0, skipped: 0, damagedNik: 0 };
  const rejects: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const progress = (phase: ImportProgress['phase'], percent: number): void =>
    options.onProgress?.({ list: options.list, phase, rowsRead: counts.read, percent: Math.round(percent * 10) / 10 });
  const describe = (row: number, issue: RowIssue): ImportIssue => ({ row, code: issue.code, reason: describeIssue(lang, issue) });

  try {
    const writer = new EditionWriter(db, editionId);
    const validator = new RowValidator(info.mapping, isoDateInZone(now(), options.timeZone ?? 'Asia/Jakarta'));
    const members: MemberInsert[] = [];
    for await (const batch of reader.batches(BATCH_ROWS)) {
      for (const raw of batch) {
        const outcome = validator.validate(raw);
        if (outcome.kind === 'skip') {
          counts.skipped++;
          continue;
        }
        counts.read++;
        if (outcome.kind === 'reject') {
          counts.rejected++;
          if (rejects.length < MAX_LISTED_ISSUES) rejects.push(describe(raw.row, outcome.issue));
          continue;
        }
        members.push(outcome.member);
        if (outcome.warnings.length > 0) {
          counts.warnings++;
          for (const w of outcome.warnings) {
            if (w.code === 'row/nik-damaged') counts.damagedNik++;
            if (warnings.length < MAX_LISTED_ISSUES) warnings.push(describe(raw.row, w));
          }
        }
      }
      writer.write(members);
      counts.imported += members.length;
      members.length = 0;
      heartbeat(db, editionId, now().toISOString(), counts.read);
      progress('reading', info.sizeBytes > 0 ? (90 * reader.bytesRead()) / info.sizeBytes : 0);
    }
    progress('indexing', 92);
    const { duplicates } = writer.finish();
    for (const d of duplicates) {
      counts.warnings++;
      if (warnings.length < MAX_LISTED_ISSUES) warnings.push(describe(d.row, { code: 'row/duplicate', detail: String(d.other) }));
    }
    warnings.sort((a, b) => a.row - b.row);
    progress('switching', 99);
    saveIssues(db, editionId, rejects, warnings);
    switchToEdition(db, editionId, counts, now().toISOString());
    progress('done', 100);
  } catch (error) {
    failEdition(db, editionId, error instanceof Error ? error.message : String(error));
    progress('failed', 0);
    throw error;
  } finally {
    await reader.close();
  }
  return {
    list: options.list,
    kind: options.kind,
    edition,
    asOf: options.asOf,
    file: {
      name: basename(options.path),
      format: info.format,
      sha256: info.sha256,
      headerRow: info.headerRow,
      ...(info.encoding ? { encoding: info.encoding } : {}),
      ...(info.separator ? { separator: info.separator } : {}),
      ...(info.sheetName ? { sheetName: info.sheetName } : {}),
    },
    mapping: mappingByName,
    rows: counts,
    rejects,
    warnings,
    durationMs: Date.now() - started,
  };
}

function describeIssue(lang: Lang, issue: RowIssue): string {
  let detail = issue.detail ?? '';
  if (issue.code === 'row/nik-invalid') detail = formatMessage(lang, `nik-reason/${detail}` as MessageKey);
  if (issue.code === 'row/card-invalid') detail = formatMessage(lang, `card-reason/${detail}` as MessageKey);
  return formatMessage(lang, issue.code, { detail });
}

function saveIssues(db: Db, editionId: number, rejects: ImportIssue[], warnings: ImportIssue[]): void {
  const insert = db.prepare('INSERT INTO import_issues (edition_id, row, severity, code, detail) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const r of rejects) insert.run(editionId, r.row, 'reject', r.code, r.reason);
    for (const w of warnings) insert.run(editionId, w.row, 'warning', w.code, w.reason);
  })();
}
