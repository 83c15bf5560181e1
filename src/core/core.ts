import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isoDateInZone } from '../shared/dates';
import type { Lang } from '../shared/i18n/messages';
import type { CoreContext } from './core-context';
import { BpjsLink } from './bpjs/bpjs-link';
import { bpjsMethods } from './bpjs/bpjs-methods';
import { pruneBridgeLog } from './bpjs/bridge-log';
import { Rechecker, pendingRecheckCount } from './bpjs/recheck';
import { counterMethods } from './counter-methods';
import { listMethods } from './lists/list-methods';
import { lookup } from './lookup/lookup';
import { lookupContextOf, lookupMethods } from './lookup/lookup-methods';
import { keyFileSecretBox } from './secrets/secret-box';
import { readSettings } from './settings/settings.repo';
import { recoverEditions } from './lists/edition-recovery';
import { EditionCatalog } from './lookup/edition-catalog';
import { openDatabase } from './store/open-database';
import type { Core, CoreConfig } from './core-types';
import { TypedEmitter } from './typed-emitter';

export type { Core, CoreConfig, CoreMethods, FileDialogs, FilePurpose } from './core-types';
export { TypedEmitter } from './typed-emitter';

/** Where the key file of the default SecretBox lives: beside the database, readable by this user only. */
export const secretKeyPath = (dbPath: string): string => join(dirname(dbPath), 'loket-secret.key');

/** The built worker sits next to the entry bundles (out/main); this code may be in a chunk one folder down. */
export function defaultWorkerScript(): string {
  const candidates = [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0]!;
}

export function createCore(config: CoreConfig): Core {
  const now = config.now ?? (() => new Date());
  let lang: Lang = config.lang ?? 'id';
  const db = openDatabase(config.dbPath, { ...(config.key ? { key: config.key } : {}), ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
  recoverEditions(db);
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
      ctx.catalog.close();
      db.close();
    },
  };
}
