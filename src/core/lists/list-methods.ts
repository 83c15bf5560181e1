import type { ContractEvents } from '../../shared/contract';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core';
import { writeTable } from '../export/table-writer';
import { maskIdentifiers } from '../../shared/masking';
import { LoketError, errorFromPayload, toErrorPayload } from '../errors';
import { editionStoreOf, openEditionReadOnly } from '../store/edition-store';
import { readEditionOfList, rollbackToPrevious } from './editions.repo';
import { importList } from './import-list';
import { issueReason } from './issue-reason';
import { exportMembers } from './member-export';
import { savePurposeOf } from '../files/file-handles';
import { inspectListFile } from './inspect-list';
import { listSummaries } from './list-summaries';
import { checkEditionFileOffThread } from './edition-check';
import { runImportInWorker } from './run-import';
import { acquireImportLock, type ImportLockHolder } from './import-lock';
import type { Db } from '../store/open-database';

/** Core errors keep their message; a file reader's error becomes the clerk's message. */
const asLoketError = (error: unknown): never => {
  throw errorFromPayload(toErrorPayload(error));
};

/** The lists' contract methods: what is loaded, importing a new edition, and rolling back. */
export function listMethods(ctx: CoreContext): Pick<CoreMethods, 'listLists' | 'importList' | 'inspectListFile' | 'exportImportIssues' | 'exportMembers' | 'rollbackList'> {
  const { db, config, catalog } = ctx;
  const running = new Set<string>();
  return {
    async listLists(input) {
      // The IT officer looks here after restoring a file: try the unreadable ones again now.
      catalog.retryUnreadable();
      // A file damaged past its first pages opens: only a check of the whole file finds it (cached
      // per file, on a thread of its own). Seconds for millions of members, so only when asked
      // (`loket lists`); in the app a look-up that meets a damaged page marks the edition
      // unreadable, and the screen shows it.
      if (input?.wholeFiles === true) {
        for (const edition of catalog.current()) {
          if ((await checkEditionFileOffThread(editionStoreOf(db), edition.editionId, config.workerScript)) !== 'ok') catalog.markUnreadableById(edition.editionId);
        }
      }
      return listSummaries(db, ctx.today(), ctx.staleAfterDays(), catalog.unreadable());
    },
    async importList({ file, ...input }) {
      const key = input.list.toLowerCase();
      if (running.has(key)) throw new LoketError('import-busy', { list: input.list });
      running.add(key);
      let lock: ImportLockHolder | undefined;
      try {
        const options = { ...input, path: ctx.files.resolve(file, 'open-list').path, timeZone: ctx.timeZone() };
        const onProgress = (p: ContractEvents['importProgress']): void => ctx.events.emit('importProgress', p);
        // Another import (here or in another process) goes first; this one says so and waits.
        lock = await acquireImportLock({
          dbPath: config.dbPath,
          ...(config.key ? { key: config.key } : {}),
          list: input.list,
          ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
          onWait: (holder) => onProgress({ list: input.list, phase: 'waiting', waitingFor: holder, rowsRead: 0, percent: 0 }),
        });
        const job = { dbPath: config.dbPath, ...(config.key ? { key: config.key } : {}), ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}), options };
        const report = config.workerScript
          ? await runImportInWorker(config.workerScript, job, onProgress)
          : await importList(db, { ...options, now: ctx.now, onProgress }).catch(asLoketError);
        catalog.invalidate();
        return report;
      } finally {
        lock?.release();
        running.delete(key);
      }
    },
    async inspectListFile({ file, mapping }) {
      return inspectListFile(ctx.files.resolve(file, 'open-list').path, mapping, { now: ctx.now(), timeZone: ctx.timeZone() }).catch(asLoketError);
    },
    async exportImportIssues({ list, file, lang = 'id' }) {
      const { path, name } = ctx.files.resolve(file, 'save-csv');
      const edition = readEditionOfList(db, list, 'current');
      if (!edition) throw new LoketError('unknown-list', { list });
      const issues = readImportIssues(db, edition.id);
      const id = lang === 'id';
      const headers = id ? ['Baris', 'Jenis', 'Kode', 'Alasan'] : ['Row', 'Kind', 'Code', 'Reason'];
      const kind = (severity: string): string => (severity === 'reject' ? (id ? 'ditolak' : 'rejected') : id ? 'peringatan' : 'warning');
      // A reason may quote a cell (an unreadable birth date, a row worded before reasons were codes):
      // any NIK or card in it is masked; the row number is what the administrator fixes the file by.
      const rows = issues.map((i) => [i.row, kind(i.severity), i.code, maskReason(issueReason(lang, i.code, i.detail))]);
      await writeTable(path, 'csv', { sheet: list, headers, rows });
      return { name, rows: issues.length };
    },
    async exportMembers({ list, format, file, lang = 'id', full = false }) {
      const { path, name } = ctx.files.resolve(file, savePurposeOf(format));
      const rows = await exportMembers(db, { list, format, path, lang, full });
      return { name, rows, full };
    },
    async rollbackList({ list }) {
      const current = readEditionOfList(db, list, 'current');
      const previous = readEditionOfList(db, list, 'previous');
      if (!current && !previous) throw new LoketError('unknown-list', { list });
      if (!previous) throw new LoketError('no-previous-edition', { list });
      // The previous edition must read as a whole before the current one is given up for it: read
      // on a thread of its own, so the counter's look-ups and registrations go on meanwhile.
      if (previous.file !== null) {
        const state = await checkEditionFileOffThread(editionStoreOf(db), previous.id, config.workerScript);
        if (state !== 'ok') {
          throw new LoketError(`previous-edition-${state}`, { list: previous.listName, edition: previous.edition, file: previous.file, current: current?.edition ?? '-' });
        }
      }
      if (!rollbackToPrevious(db, list, previous.id)) throw new LoketError('no-previous-edition', { list });
      catalog.invalidate();
      const summary = listSummaries(db, ctx.today(), ctx.staleAfterDays(), catalog.unreadable()).find((s) => s.name.toLowerCase() === list.toLowerCase());
      if (!summary) throw new LoketError('unknown-list', { list });
      return summary;
    },
  };
}

const maskReason = (reason: string | null): string | null => (reason === null ? null : maskIdentifiers(reason));

type IssueRow = { row: number; severity: string; code: string; detail: string | null };

/** An edition's issues live in its own file (they go with it); an edition from before version 7 not moved yet, in the main file. */
function readImportIssues(db: Db, editionId: number): IssueRow[] {
  const edition = (() => {
    try {
      return openEditionReadOnly(editionStoreOf(db), editionId);
    } catch {
      return null;
    }
  })();
  if (!edition) return db.prepare('SELECT row, severity, code, detail FROM import_issues WHERE edition_id = ? ORDER BY row').all(editionId) as IssueRow[];
  try {
    return edition.prepare('SELECT row, severity, code, detail FROM import_issues ORDER BY row, rowid').all() as IssueRow[];
  } finally {
    edition.close();
  }
}
