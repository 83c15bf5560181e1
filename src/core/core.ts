import type { CoreContext } from './core-context';
import { filledKeys } from './audit/audit-rules';
import { recordFromHub } from './audit/hub-audit';
import { NO_SESSION_ACTOR } from '../shared/audit';
import { BpjsLink } from './bpjs/bpjs-link';
import { bpjsMethods } from './bpjs/bpjs-methods';
import { pruneBridgeLog } from './bpjs/bridge-log';
import { Rechecker, pendingRecheckCount } from './bpjs/recheck';
import { secretKeyPath } from './core-paths';
import { counterMethods } from './counter-methods';
import { listMethods } from './lists/list-methods';
import { lookupMethods, judgePatient } from './lookup/lookup-methods';
import { keyFileSecretBox } from './secrets/secret-box';
import { readSettings, readZoneChange, zoneChanged } from './settings/settings.repo';
import { serviceDay } from './settings/service-day';
import { counterDay } from './visits/counter-day';
import { recoverEditions } from './lists/edition-recovery';
import { EditionCatalog } from './lookup/edition-catalog';
import { FileHandles } from './files/file-handles';
import { ownFilesOf } from './files/own-files';
import { checkSaveTarget } from './files/save-target';
import { openDatabase } from './store/open-database';
import { precheckRestore } from './store/restore-precheck';
import type { Core, CoreConfig } from './core-types';
import { TypedEmitter } from './typed-emitter';
import { startHubSync } from './sync/hub-sync';
import { hubMethods, kickAfterWrites } from './sync/hub-methods';
import { accountMethods } from './accounts/account-methods';
import { Session } from './accounts/session';
import { auditMethods } from './audit/audit-methods';
import { auditRefusal, auditedMethods } from './audit/audited-methods';
import { auditRules } from './audit/audit-rules';
import { flushAudit } from './audit/audit-log.repo';
import { readyDatabaseFiles } from './store/database-startup';
import { securityMethods } from './security/security-methods';
import { securityNotices } from './security/security-notices';
import { refusePlainEditions } from './store/edition-store';
import { startIdleCheckpoints } from './store/idle-checkpoint';

export type { ChosenFile, Core, CoreConfig, CoreMethods, FileDialogs, FilePurpose } from './core-types';
export { TypedEmitter } from './typed-emitter';
export { defaultWorkerScript, secretKeyPath } from './core-paths';


export function createCore(config: CoreConfig): Core {
  const now = config.now ?? (() => new Date());
  // A re-key or conversion a crash interrupted is finished first; a plain database may be encrypted now.
  const started = readyDatabaseFiles(config);
  if (started.key) config.key = started.key;
  else delete config.key;
  const db = openDatabase(config.dbPath, { ...(config.key ? { key: config.key } : {}), ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) });
  // Encryption expected but not done: no new edition is written plain until a start converts it.
  if (started.conversion === 'failed') refusePlainEditions(db);
  recoverEditions(db);
  const stopCheckpoints = startIdleCheckpoints(db, config.idleCheckpointMs);
  let settings = readSettings(db);
  let zoneChange = readZoneChange(db);
  const timeZone = (): string => config.timeZone ?? settings.timeZone;
  const ctx: CoreContext = {
    config,
    db,
    now,
    timeZone,
    // The clock's service day, or a later one already begun here when the clock went back across midnight.
    today: () => counterDay(db, now(), (instant) => serviceDay(instant, timeZone(), zoneChange)),
    staleAfterDays: () => config.staleAfterDays ?? settings.staleAfterDays,
    settings: () => settings,
    setSettings: (saved, options) => {
      if (saved.timeZone !== settings.timeZone) zoneChange = zoneChanged(db, ctx.today(), { from: settings.timeZone, to: saved.timeZone, at: now().toISOString() }, options?.joining === true);
      const lockChanged = saved.autoLockMinutes !== settings.autoLockMinutes;
      settings = saved;
      if (lockChanged) session.announce();
    },
    catalog: new EditionCatalog(db),
    // No export, backup or recovery key ever lands on the core's own files (files/own-files.ts).
    files: new FileHandles(now, (path) => checkSaveTarget(path, ownFilesOf(config.dbPath, config.keyFile?.path))),
    events: new TypedEmitter(),
    // Nobody signed in (an emergency at a counter nobody opened, a failed sign-in): a name no account can take.
    clerk: () => session.actingUsername() ?? config.clerk ?? NO_SESSION_ACTOR,
    // An enrolled counter asks its hub for the unit's next number (tests may give their own).
    hubQueueNumber: config.hubQueueNumber ?? ((request) => hub.queueNumber(request)),
    bpjs: {
      configured: () => link.service !== null,
      changed: () => {
        link.announce();
        rechecker.kick();
      },
    },
  };
  const session = new Session({ db, now, events: ctx.events, autoLockMinutes: () => settings.autoLockMinutes, actor: config.actor });
  pruneBridgeLog(db, now());
  const box = config.secretBox ?? keyFileSecretBox(secretKeyPath(config.dbPath));
  const link: BpjsLink = new BpjsLink({
    db,
    box,
    now,
    timeZone,
    background: config.bpjsBackground ?? true,
    ...(config.bpjsProbeMs ? { probeMs: config.bpjsProbeMs } : {}),
    onChange: (connectivity) => ctx.events.emit('connectivity', connectivity),
    onAnswered: () => rechecker.kick(),
    pendingRechecks: () => pendingRecheckCount(db),
  });
  const rechecker = new Rechecker({ db, now, ask: (by) => link.member(by), judge: (patient) => judgePatient(ctx, patient) }, () => link.announce());
  const lookups = lookupMethods(ctx);
  const hub = startHubSync(ctx, box, {
    background: config.hubBackground ?? config.bpjsBackground ?? true,
    ...(config.hubIntervalMs ? { intervalMs: config.hubIntervalMs } : {}),
    ...(config.hubNumberTimeoutMs ? { numberTimeoutMs: config.hubNumberTimeoutMs } : {}),
    ...(config.hubEditionIntervalMs ? { editionIntervalMs: config.hubEditionIntervalMs } : {}),
    ...(config.hubTransport ? { transportOf: config.hubTransport } : {}),
    // Set at the hub for the whole facility; saved here exactly as the settings screen saves it.
    // Not through the audited methods (no clerk did it): recorded under the hub's name, which fields came (never a secret).
    applyBpjs: async (form) => {
      await methods.saveBpjsSettings(form);
      recordFromHub(db, now(), 'settings', null, { section: 'bpjs', method: 'hubBpjs', fields: filledKeys(form) });
    },
    onAccounts: () => session.announce(),
  });

  const counter = counterMethods(ctx);
  const methods = {
    ...lookups,
    ...listMethods(ctx),
    ...counter,
    // Registered in this stretch (behind this lock) or sitting (this account's) of the session: the slips a locked counter, or a data officer, may show and print (dispatch's inputRefusal).
    async registerEmergency(input: Parameters<typeof counter.registerEmergency>[0]) {
      const ticket = session.emergencyTicket();
      const visit = await counter.registerEmergency(input);
      session.emergencyRegistered(ticket, visit.id);
      return visit;
    },
    ...bpjsMethods(ctx, { link, rechecker, box, lookup: lookups.lookup }),
    ...hubMethods(ctx, hub),
    ...accountMethods(ctx, session),
    ...auditMethods(ctx),
    ...securityMethods(ctx, started, box),
  };
  return {
    events: ctx.events,
    db,
    // Audited here, so the app, the harness and the CLI all leave the same trail.
    ...kickAfterWrites(auditedMethods(ctx, methods, auditRules(() => ctx.settings(), () => session.phase() === 'locked')), () => hub.kick()),
    async pickFile({ purpose, suggestedName }) {
      const path = config.dialogs ? await config.dialogs.pick(purpose, suggestedName) : null;
      return { file: path ? ctx.files.register(path, purpose) : null };
    },
    registerFile(path, purpose) {
      return ctx.files.register(path, purpose);
    },
    async restorePlan({ backup, keyFile, force }) {
      const plan = {
        dbPath: config.dbPath,
        from: ctx.files.resolve(backup, 'open-backup').path,
        keyFile: ctx.files.resolve(keyFile, 'open-key').path,
        force: force === true,
        actor: session.actingUsername() ?? NO_SESSION_ACTOR,
      };
      await precheckRestore(plan, db, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
      return plan;
    },
    hubReady: hub.ready,
    startNotices: securityNotices(db, config.dbPath, started, started.conversion === 'failed' || Boolean(config.key)),
    caller: () => session.caller(),
    recordRefusal: (method, code) => auditRefusal(db, session.actingUsername() ?? NO_SESSION_ACTOR, method, code, now()),
    close() {
      stopCheckpoints();
      hub.stop();
      link.stop();
      ctx.catalog.close();
      try {
        flushAudit(db); // look-ups' entries still waiting for the end of their turn
      } finally {
        db.close();
      }
    },
  };
}
