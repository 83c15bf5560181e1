import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractEvents, MethodName, MethodOutput, MethodParsedInput } from '../../shared/contract';
import { isoDateInZone } from '../../shared/dates';
import type { Lang } from '../../shared/i18n/messages';
import type { CoreContext } from './core-context';
import { counterMethods } from './counter/counter-methods';
import { listMethods } from './lists/list-methods';
import { lookupMethods } from './lookup/lookup-methods';
import { readSettings } from './counter/settings.repo';
import type { SlipPrinter } from './counter/slips';
import { cleanAbandonedImports } from './lists/editions.repo';
import { EditionCatalog } from './lookup/edition-catalog';
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
  const timeZone = (): string => config.timeZone ?? settings.timeZone;
  const ctx: CoreContext = {
    config,
    db,
    now,
    lang: () => lang,
    timeZone,
    today: () => isoDateInZone(now(), timeZone()),
    staleAfterDays: () => config.staleAfterDays ?? settings.staleAfterDays,
    settings: () => settings,
    setSettings: (saved) => {
      settings = saved;
    },
    catalog: new EditionCatalog(db),
    events: new TypedEmitter(),
    clerk: config.clerk ?? 'loket',
  };

  return {
    get lang() {
      return lang;
    },
    events: ctx.events,
    db,
    ...lookupMethods(ctx),
    ...listMethods(ctx),
    ...counterMethods(ctx),
    async setLanguage(input) {
      lang = input.lang;
      return { lang };
    },
    async pickFile({ purpose, suggestedName }) {
      return { path: config.dialogs ? await config.dialogs.pick(purpose, suggestedName) : null };
    },
    close() {
      db.close();
    },
  };
}
