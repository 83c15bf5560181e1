import { basename } from 'node:path';
import { isoDateInZone } from '../../shared/dates';
import type { ImportIssue, ImportNotice, ImportProgress, ImportReport, ListFieldName, ListKind, StatusColumn } from '../../shared/lists';
import { LoketError } from '../errors';
import { stampEditionIdentity } from '../sync/edition-meta';
import { editionStoreOf } from '../store/edition-store';
import type { Db } from '../store/open-database';
import type { ListField } from './columns';
import { EditionBuild } from './edition-build';
import { EditionWriter } from './edition-writer';
import { inlineNameSink, startNamesWorker } from './name-sink';
import { beginEdition, failEdition, readEditionOfList, readEditions, setSourceSha256, switchToEdition } from './editions.repo';
import { replacementNotices, sameKindNotices } from './replacement-notices';
import { sameAsCurrent, sameFileAsOtherList } from './same-edition';
import { refuseFutureAsOf } from './as-of-limit';
import { suggestAsOf } from './as-of';
import { openListFile, type ListFileInfo } from './list-reader';
import type { RowPair } from './duplicates';
import { RowValidator, csvFieldsOf, type RowIssue } from './row-validator';
import { statusColumnOf, type StatusReading } from './status-column';
import { pauseAt } from './test-pause';
import { UnknownStatusTally } from './unknown-statuses';
import { inlineSource } from './validated-batches';
import { workerSource } from './worker-source';

export interface ImportListOptions {
  path: string;
  list: string;
  kind: ListKind;
  asOf: string;
  mapping?: Partial<Record<ListFieldName, string>>;
  timeZone?: string;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** The built reader-worker.js: read and validate on another thread. Without it, on this one. */
  readerScript?: string;
  /** The administrator confirmed: the file may be another list's current edition too (sameFileAsOtherList). */
  sameFileOk?: boolean;
}

/** At most this many rejects and as many warnings are listed (all are counted): a 3-million-row list of damaged NIKs must not list 3 million lines. */
export const MAX_LISTED_ISSUES = 50_000;
/** How often a running import reports progress. (It says it is alive by the lock on its building file, not by writes to the main file.) */
const PROGRESS_MS = 250;

/**
 * Reads a list file and makes it the list's current edition, or changes nothing. Synchronous
 * SQLite work: call it from a worker thread (see import-worker.ts), never the UI's thread.
 * `db` is the main database: the edition is written to a file of its own beside it
 * (edition-build.ts) and the main file is written only twice, briefly: to register the edition
 * and to switch to it.
 */
export async function importList(db: Db, options: ImportListOptions): Promise<ImportReport> {
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const today = isoDateInZone(now(), options.timeZone ?? 'Asia/Jakarta');
  refuseFutureAsOf(options.asOf, now());
  const overrides = options.mapping as Partial<Record<ListField, string>> | undefined;
  // The name index's thread starts loading now, beside the reader's (name-sink.ts), and gets its
  // job once the edition begins. Each written batch goes there; it makes the name keys and fills
  // the name index. The reader worker's script has that second role.
  const namesWorker = options.readerScript ? startNamesWorker(options.readerScript) : undefined;
  // With a reader worker, parsing and validating run on one core while this thread writes on the other.
  const source = await (options.readerScript
    ? workerSource(options.readerScript, { path: options.path, ...(overrides ? { overrides } : {}), today })
    : openListFile(options.path, { overrides, hashLater: true }).then((reader) =>
        inlineSource(reader, new RowValidator(reader.info.mapping, today, reader.info.statusReading, csvFieldsOf(reader.info), reader.info.remarksStatus)),
      )
  ).catch((error: unknown) => {
    namesWorker?.cancel();
    throw error;
  });
  const { info } = source;
  const mappingByName: Partial<Record<ListFieldName, string>> = {};
  for (const [field, index] of Object.entries(info.mapping)) mappingByName[field as ListFieldName] = info.headers[index as number] ?? '';

  const statusColumn = statusColumnOf(info);

  // The edition this import will replace, to compare with once the rows are in.
  const replaced = readEditionOfList(db, options.list, 'current');
  const currentEditions = readEditions(db, ['current']);
  let editionId: number;
  let edition: number;
  let build: EditionBuild;
  const store = editionStoreOf(db);
  try {
    ({ editionId, edition, started: build } = beginEdition(db, {
      list: options.list,
      kind: options.kind,
      asOf: options.asOf,
      sourceFile: basename(options.path),
      // Not known yet: the file is hashed while it is read, and the hash is set at the switch.
      sourceSha256: '',
      sourceFormat: info.format,
      mappingJson: JSON.stringify(mappingByName),
      now: now().toISOString(),
    }, (id) => EditionBuild.create(store, id)));
  } catch (error) {
    namesWorker?.cancel();
    await source.close();
    throw error;
  }
  const counts: ImportReport['rows'] = { read: 0, imported: 0, rejected: 0, warnings: 0, skipped: 0, damagedNik: 0, repeated: 0, scientificNik: 0 };
  let scientificRejected = 0;
  const unknownStatuses = new UnknownStatusTally();
  /** A status column found by its values: what it holds, quoted by the notice that says so. */
  const statusValues = new UnknownStatusTally();
  /** Later rows of people the file holds as active and as not active (duplicates.ts). */
  const contradictingRows: RowPair[] = [];
  const rejects: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const progress = (phase: ImportProgress['phase'], percent: number): void =>
    options.onProgress?.({ list: options.list, phase, rowsRead: counts.read, percent: Math.round(percent * 10) / 10 });
  const describe = (row: number, issue: RowIssue): ImportIssue => ({ row, code: issue.code, params: { detail: issue.detail ?? '' } });

  let writer: EditionWriter | undefined;
  let sha256 = '';
  try {
    const namesJob = { store, editionId };
    writer = new EditionWriter(build, namesWorker ? namesWorker.sinkFor(namesJob) : inlineNameSink(namesJob));
    let lastBeat = 0;
    for await (const batch of source.batches()) {
      writer.write(batch.members);
      await writer.namesCaughtUp();
      counts.read += batch.read;
      counts.skipped += batch.skipped;
      counts.imported += batch.members.count;
      counts.rejected += batch.rejects.length;
      counts.warnings += batch.warnedRows;
      unknownStatuses.add(batch.unknownStatuses);
      if (batch.statusValues) statusValues.add(batch.statusValues);
      for (const r of batch.rejects) {
        if (isScientific(r.issue)) scientificRejected++;
        if (rejects.length < MAX_LISTED_ISSUES) rejects.push(describe(r.row, r.issue));
      }
      for (const w of batch.warnings) {
        if (w.issue.code === 'row/nik-damaged') counts.damagedNik++;
        if (isScientific(w.issue)) counts.scientificNik++;
        if (warnings.length < MAX_LISTED_ISSUES) warnings.push(describe(w.row, w.issue));
      }
      if (Date.now() - lastBeat >= PROGRESS_MS) {
        lastBeat = Date.now();
        progress('reading', info.sizeBytes > 0 ? (90 * batch.bytesRead) / info.sizeBytes : 0);
      }
    }
    // An edition without a single member is a wrong file or sheet, never a real list: replacing
    // the current edition with it would make every patient "not found".
    if (counts.imported === 0) throw new LoketError('import/no-members', { read: counts.read, rejected: counts.rejected });
    progress('indexing', 92);
    const { duplicates, repeats } = await writer.finish();
    counts.repeated = repeats.length;
    counts.imported -= repeats.length;
    for (const r of repeats) {
      counts.warnings++;
      if (warnings.length < MAX_LISTED_ISSUES) warnings.push(describe(r.row, { code: 'row/repeated', detail: String(r.other) }));
    }
    for (const d of duplicates) {
      if (d.contradicts) contradictingRows.push(d);
      counts.warnings++;
      if (warnings.length < MAX_LISTED_ISSUES) warnings.push(describe(d.row, { code: 'row/duplicate', detail: String(d.other) }));
    }
    counts.scientificNik += scientificRejected;
    warnings.sort((a, b) => a.row - b.row);
    sha256 = await source.sha256();
    progress('switching', 99);
    build.saveIssues(rejects, warnings);
    // The file's pages on disk before the fsync that seals it: see store/flush-in-steps.ts.
    await build.flushed();
    // The file says what it is, so it can travel; its content hash is added when it does (core/sync/edition-meta.ts).
    stampEditionIdentity(build.db, { list: options.list, kind: options.kind, asOf: options.asOf, sourceFile: basename(options.path), sourceSha256: sha256, sourceFormat: info.format });
    build.seal();
    if (sameAsCurrent(db, store, replaced, build.db, { sourceSha256: sha256, asOf: options.asOf, kind: options.kind, mappingJson: JSON.stringify(mappingByName) })) {
      throw new LoketError('import/same-as-current', { list: options.list, edition: replaced!.edition, asOf: replaced!.asOf, imported: (replaced!.importedAt ?? '').slice(0, 10) });
    }
    const twin = options.sameFileOk ? undefined : sameFileAsOtherList(currentEditions, options.list, sha256);
    if (twin) throw new LoketError('import/same-file-other-list', { other: twin.listName, edition: twin.edition, asOf: twin.asOf });
    switchToEdition(db, editionId, counts, now().toISOString(), () => {
      setSourceSha256(db, editionId, sha256);
      build.closeAndRename();
      pauseAt('renamed');
    });
    pauseAt('switched');
    progress('done', 100);
  } catch (error) {
    if (writer) writer.abort();
    else namesWorker?.cancel();
    build.discard();
    failEdition(db, editionId, error instanceof Error ? error.message : String(error));
    progress('failed', 0);
    throw error;
  } finally {
    await source.close();
  }
  return {
    list: options.list,
    kind: options.kind,
    edition,
    asOf: options.asOf,
    file: {
      name: basename(options.path),
      format: info.format,
      sha256,
      headerRow: info.headerRow,
      ...(info.encoding ? { encoding: info.encoding } : {}),
      ...(info.separator ? { separator: info.separator } : {}),
      ...(info.sheetName ? { sheetName: info.sheetName } : {}),
    },
    mapping: mappingByName,
    rows: counts,
    statusColumn,
    notices: [
      ...importNotices(statusColumn, counts, scientificRejected, { reading: info.statusReading, unknown: unknownStatuses, values: statusValues }),
      ...contradictionNotices(contradictingRows),
      ...sheetNotices(info),
      ...(info.unplacedIdentifiers ?? []).map((u): ImportNotice => ({ code: 'unplaced-identifier', params: { header: u.header, field: u.looksLike, code: u.looksLike } })),
      ...fileDateNotices(info, options),
      ...replacementNotices(replaced, { list: options.list, kind: options.kind, asOf: options.asOf, members: counts.imported }),
      ...sameKindNotices(currentEditions, { list: options.list, kind: options.kind, asOf: options.asOf, members: counts.imported }),
    ],
    rejects,
    warnings,
    durationMs: Date.now() - started,
  };
}

/**
 * A date typed before the date the file's title or name states: next month's list sent early,
 * imported as of today, is said in the report (the screen asked first; the command line says
 * it here). BULAN/TAHUN columns are not read again for it (the preview reads them).
 */
function fileDateNotices(info: ListFileInfo, options: ImportListOptions): ImportNotice[] {
  const stated = suggestAsOf({ titles: info.titles, headers: info.headers, sample: [], fileName: basename(options.path) });
  if (!stated || stated.date <= options.asOf) return [];
  return [{ code: 'as-of-before-file-date', params: { fileDate: stated.date, text: stated.text, asOf: options.asOf } }];
}

const isScientific = (issue: RowIssue): boolean => issue.code === 'row/nik-invalid' && issue.detail === 'scientific';

/** What the administrator should know about the whole file, as codes the caller words (noticeMessage). */
export function importNotices(
  statusColumn: StatusColumn | null,
  rows: ImportReport['rows'],
  scientificRejected: number,
  status: { reading: StatusReading; unknown: Pick<UnknownStatusTally, 'rows' | 'values'>; values?: Pick<UnknownStatusTally, 'rows' | 'values'> },
): ImportNotice[] {
  const notices: ImportNotice[] = [];
  if (statusColumn === null) notices.push({ code: 'no-status-column', params: {} });
  else {
    const { header } = statusColumn;
    if (statusColumn.foundBy === 'values') {
      // The values that made it the status, with their rows, so a column of remarks is seen for what it holds.
      const values = status.values && status.values.rows > 0 ? status.values.values() : '-';
      notices.push({ code: 'status-by-values', params: { header, values } });
    }
    if (status.reading === 'flag') notices.push({ code: 'status-flag', params: { header } });
    if (statusColumn.remarks !== undefined) notices.push({ code: 'status-remarks', params: { header, remarks: statusColumn.remarks } });
    // Every one of these members is "not active, reason unknown" at the counter: say so, with the values.
    if (status.unknown.rows > 0) notices.push({ code: 'unknown-status', params: { header, rows: status.unknown.rows, values: status.unknown.values() } });
  }
  if (rows.repeated > 0) notices.push({ code: 'repeated-rows', params: { count: rows.repeated } });
  if (rows.scientificNik > 0) {
    notices.push({ code: 'scientific-nik', params: { count: rows.scientificNik, withCard: rows.scientificNik - scientificRejected, rejected: scientificRejected } });
  }
  return notices;
}

/** How many rows named of a list that contradicts itself: enough to find them, not a page of numbers. */
const SHOWN_ROWS = 5;

/**
 * People the file holds twice, once active and once not (MENINGGAL beside AKTIF): the look-up
 * counts the not-active row and says the list contradicts itself; the officer is told now, with
 * rows to check.
 */
function contradictionNotices(pairs: readonly RowPair[]): ImportNotice[] {
  if (pairs.length === 0) return [];
  const firsts = [...new Set(pairs.map((p) => p.other))];
  const shown = firsts.slice(0, SHOWN_ROWS).map((first) => [first, ...pairs.filter((p) => p.other === first).map((p) => p.row)].join(' & '));
  return [{ code: 'contradicting-rows', params: { count: firsts.length, rows: shown.join(', ') + (firsts.length > SHOWN_ROWS ? ', …' : '') } }];
}

/** Members on later sheets are not read: say which sheets, so nobody takes the import for the whole file. */
function sheetNotices(info: ListFileInfo): ImportNotice[] {
  if (!info.otherListSheets || !info.sheetName) return [];
  return [{ code: 'other-sheets', params: { sheet: info.sheetName, others: info.otherListSheets.join(', '), count: info.otherListSheets.length } }];
}
