import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ContractEvents, MethodName, MethodOutput, MethodParsedInput } from '../shared/contract';
import { isoDateInZone } from '../shared/dates';
import type { Lang } from '../shared/i18n/messages';
import type { CoreContext } from './core-context';
import { BpjsLink } from './bpjs/bpjs-link';
import { bpjsMethods } from './bpjs/bpjs-methods';
import { pruneBridgeLog } from './bpjs/bridge-log';
import { Rechecker, pendingRecheckCount } from './bpjs/recheck';
import { counterMethods } from './counter/counter-methods';
import { listMethods } from './lists/list-methods';
import { lookup } from './lookup/lookup';
import { lookupContextOf, lookupMethods } from './lookup/lookup-methods';
import { keyFileSecretBox, type SecretBox } from './secrets/secret-box';
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
  /** Seals BPJS secrets: Electron safeStorage in the app; by default a key file next to the database. */
  secretBox?: SecretBox;
  /** The BPJS probe and automatic re-checks run in the background (default true; the CLI turns them off). */
  bpjsBackground?: boolean;
  /** Overrides the probe interval of the BPJS settings (tests, demos). */
  bpjsProbeMs?: number;
  now?: () => Date;
}

/** Where the key file of the default SecretBox lives: beside the database, readable by this user only. */
export const secretKeyPath = (dbPath: string): string => join(dirname(dbPath), 'loket-secret.key');

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
    bpjs: {
      configured: () => link.service !== null,
      changed: () => {
        link.announce();
        rechecker.kick();
      },
    },
  };
  pruneBridgeLog(db, now());
  const box = config.secretBox ?? keyFileSecretBox(secretKeyPath(config.dbPath));
  const verdictOf = (identifier: string) => lookup(lookupContextOf(ctx), identifier).verdict;
  const link: BpjsLink = new BpjsLink({
    db,
    box,
    now,
    lang: () => lang,
    timeZone,
    background: config.bpjsBackground ?? true,
    ...(config.bpjsProbeMs ? { probeMs: config.bpjsProbeMs } : {}),
    onChange: (connectivity) => ctx.events.emit('connectivity', connectivity),
    onAnswered: () => rechecker.kick(),
    pendingRechecks: () => pendingRecheckCount(db),
  });
  const rechecker = new Rechecker({ db, now, ask: (by) => link.member(by), verdictOf }, () => link.announce());
  const lookups = lookupMethods(ctx);

  return {
    get lang() {
      return lang;
    },
    events: ctx.events,
    db,
    ...lookups,
    ...listMethods(ctx),
    ...counterMethods(ctx),
    ...bpjsMethods(ctx, { link, rechecker, box, lookup: lookups.lookup }),
    async setLanguage(input) {
      lang = input.lang;
      link.announce(); // its message is in the language of the UI
      return { lang };
    },
    async pickFile({ purpose, suggestedName }) {
      return { path: config.dialogs ? await config.dialogs.pick(purpose, suggestedName) : null };
    },
    close() {
      link.stop();
      db.close();
    },
  };
}
