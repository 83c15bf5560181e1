import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractEvents, MethodName, MethodOutput, MethodParsedInput } from '../../shared/contract';
import type { Payer } from '../../shared/counter';
import { isoDateInZone } from '../../shared/dates';
import type { Lang } from '../../shared/i18n/messages';
import { counterMethods } from './counter/counter-methods';
import { writeTable } from './counter/report-export';
import { setPayer } from './counter/follow-ups';
import { findPatient } from './counter/patients.repo';
import { readSettings } from './counter/settings.repo';
import { inspectListFile } from './lists/inspect-list';
import type { SlipPrinter } from './counter/slips';
import { LoketError, errorFromPayload, toErrorPayload } from './errors';
import { cleanAbandonedImports, readEditionOfList, rollbackToPrevious } from './lists/editions.repo';
import { importList } from './lists/import-list';
import { listSummaries } from './lists/list-summaries';
import { runImportInWorker } from './lists/run-import';
import { EditionCatalog } from './lookup/edition-catalog';
import { lookup } from './lookup/lookup';
import { openDatabase, type Db } from './store/open-database';

export interface CoreConfig {
  dbPath: string;
  /** Encryption key of the database, if it is encrypted. */
  key?: string;
  /** better_sqlite3.node for the running runtime (Electron); plain Node finds its own. */
  nativeBinding?: string;
  lang?: Lang;
  /** Overrides the settings' time zone (IANA): "today" and list ages follow it. */
  timeZone?: string;
  /** Overrides the settings' stale-list age. */
  staleAfterDays?: number;
  /** Who registers at this counter: recorded with every visit. */
  clerk?: string;
  /** Prints slips (Electron's webContents in the app); without it printing says it is unavailable. */
  printer?: SlipPrinter;
  /** Open and save dialogs (the desktop app's); without them pickFile answers null. */
  dialogs?: FileDialogs;
  /** The built import-worker.js. Without it imports run in-process (CLI, tests): fine where no window can freeze. */
  workerScript?: string | null;
  now?: () => Date;
}

/** Medical-record numbers are short (at most 20 characters, no spaces); a NIK or card never matches a record number by accident because records are looked up exactly. */
const MRN_LIKE = /^[A-Za-z0-9][A-Za-z0-9/.-]{0,19}$/;

export type FilePurpose = 'open-list' | 'save-csv' | 'save-xlsx' | 'save-pdf';
export interface FileDialogs {
  pick(purpose: FilePurpose, suggestedName?: string): Promise<string | null>;
}

export type CoreMethods = { [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>> };

export interface Core extends CoreMethods {
  readonly lang: Lang;
  readonly events: TypedEmitter;
  readonly db: Db;
  close(): void;
}

export class TypedEmitter {
  private readonly emitter = new EventEmitter();
  emit<E extends keyof ContractEvents>(event: E, payload: ContractEvents[E]): void {
    this.emitter.emit(event, payload);
  }
  on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }
}

/** The built worker sits next to the entry bundles (out/main); this code may be in a chunk one folder down. */
export function defaultWorkerScript(): string {
  const candidates = [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

export function createCore(config: CoreConfig): Core {
  const now = config.now ?? (() => new Date());
  let lang: Lang = config.lang ?? 'id';
  const db = openDatabase(config.dbPath, { ...(config.key ? { key: config.key } : {}), ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
  cleanAbandonedImports(db, now());
  let settings = readSettings(db);
  const timeZoneOf = (): string => config.timeZone ?? settings.timeZone;
  const staleAfter = (): number => config.staleAfterDays ?? settings.staleAfterDays;
  const catalog = new EditionCatalog(db);
  const events = new TypedEmitter();
  const running = new Set<string>();
  const today = (): string => isoDateInZone(now(), timeZoneOf());

  return {
    get lang() {
      return lang;
    },
    events,
    db,
    async lookup({ query, dob }) {
      const ctx = { catalog, today: today(), staleAfterDays: staleAfter(), lang };
      // A record number of this facility: answer for the patient's own NIK (or card).
      const byMrn = MRN_LIKE.test(query.trim()) ? findPatient(db, { mrn: query }) : undefined;
      if (byMrn && (byMrn.nik || byMrn.card)) return { ...lookup(ctx, byMrn.nik ?? byMrn.card!), query, kind: 'mrn', patient: byMrn };
      if (byMrn) return { query, kind: 'mrn', verdict: 'unknown', matches: [], problem: null, tookMs: 0, patient: byMrn };
      const result = lookup(ctx, query, dob);
      const compact = query.replace(/[\s.-]/g, '');
      const known = result.kind === 'nik' ? findPatient(db, { nik: compact }) : result.kind === 'card' ? findPatient(db, { card: compact }) : undefined;
      return known ? { ...result, patient: known } : result;
    },
    async listLists() {
      return listSummaries(db, today(), staleAfter());
    },
    async importList(input) {
      const key = input.list.toLowerCase();
      if (running.has(key)) throw new LoketError('import-busy', { list: input.list });
      running.add(key);
      try {
        const options = { ...input, lang, timeZone: timeZoneOf() };
        const onProgress = (p: ContractEvents['importProgress']): void => events.emit('importProgress', p);
        const report = config.workerScript
          ? await runImportInWorker(config.workerScript, { dbPath: config.dbPath, ...(config.key ? { key: config.key } : {}), ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}), options }, onProgress)
          : await importList(db, { ...options, now, onProgress }).catch((error: unknown) => {
              throw errorFromPayload(toErrorPayload(error));
            });
        catalog.invalidate();
        return report;
      } finally {
        running.delete(key);
      }
    },
    ...counterMethods({
      db,
      lang: () => lang,
      printer: config.printer,
      now,
      clerk: config.clerk ?? 'loket',
      settings: () => settings,
      onSettingsSaved: (saved) => {
        settings = saved;
      },
    }),
    async setLanguage(input) {
      lang = input.lang;
      return { lang };
    },
    async recheckPayer({ visitId }) {
      const visit = db.prepare('SELECT v.payer, p.nik, p.card FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(visitId) as
        | { payer: Payer; nik: string | null; card: string | null }
        | undefined;
      if (!visit) throw new LoketError('visit/not-found', { id: visitId });
      const identifier = visit.nik ?? visit.card;
      const verdict = identifier ? lookup({ catalog, today: today(), staleAfterDays: staleAfter(), lang }, identifier).verdict : 'unknown';
      if (verdict === 'eligible' && visit.payer === 'pending') {
        setPayer(db, visitId, 'jkn', now());
        return { verdict, payer: 'jkn' as const };
      }
      return { verdict, payer: visit.payer };
    },
    async inspectListFile({ path, mapping }) {
      return inspectListFile(path, mapping).catch((error: unknown) => {
        throw errorFromPayload(toErrorPayload(error));
      });
    },
    async exportImportIssues({ list, path }) {
      const edition = readEditionOfList(db, list, 'current');
      if (!edition) throw new LoketError('unknown-list', { list });
      const issues = db.prepare('SELECT row, severity, code, detail FROM import_issues WHERE edition_id = ? ORDER BY row').all(edition.id) as { row: number; severity: string; code: string; detail: string | null }[];
      const headers = lang === 'id' ? ['Baris', 'Jenis', 'Kode', 'Alasan'] : ['Row', 'Kind', 'Code', 'Reason'];
      const kind = (severity: string): string => (severity === 'reject' ? (lang === 'id' ? 'ditolak' : 'rejected') : lang === 'id' ? 'peringatan' : 'warning');
      await writeTable(path, 'csv', { sheet: list, headers, rows: issues.map((i) => [i.row, kind(i.severity), i.code, i.detail]) });
      return { path, rows: issues.length };
    },
    async pickFile({ purpose, suggestedName }) {
      return { path: config.dialogs ? await config.dialogs.pick(purpose, suggestedName) : null };
    },
    async rollbackList({ list }) {
      if (!readEditionOfList(db, list, 'current') && !readEditionOfList(db, list, 'previous')) throw new LoketError('unknown-list', { list });
      if (!rollbackToPrevious(db, list)) throw new LoketError('no-previous-edition', { list });
      catalog.invalidate();
      const summary = listSummaries(db, today(), staleAfter()).find((s) => s.name.toLowerCase() === list.toLowerCase());
      if (!summary) throw new LoketError('unknown-list', { list });
      return summary;
    },
    close() {
      db.close();
    },
  };
}
