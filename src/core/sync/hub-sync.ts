import type { BpjsSettingsForm } from '../../shared/bpjs';
import type { HubEnrollment, HubLink, SyncRound } from '../../shared/hub-link';
import type { QueueNumberRequest } from '../../shared/hub-protocol';
import type { CoreContext } from '../core-context';
import { LoketError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';
import { enroll, refuseIfEnrolled, transportFor, type CounterStanding } from './enroll';
import { readHubCredential, type HubCredential } from './hub-credential.repo';
import type { HubTransport } from './hub-transport';
import { outboxBacklog, setAsideByReason, setAsideCount } from './outbox';
import { deferredState } from './pull-deferred';
import { SyncEngine } from './sync-engine';
import { EditionSync, summarizeEditionStep } from './edition-sync';
import { editionReportHeaders } from './edition-report';
import { editionWorkerScript } from './edition-sync-run';
import { syncState } from './sync-state.repo';

export interface HubSyncOptions {
  /** Rounds run by themselves (the app, the harness); the CLI runs them only when asked. */
  background: boolean;
  intervalMs?: number;
  /** How long a registration waits for the hub's queue number (SyncEngineOptions.queueNumberTimeoutMs). */
  numberTimeoutMs?: number;
  /** Tests may reach the hub another way; by default the pinned HTTPS transport of the credential. */
  transportOf?: (credential: HubCredential, standing: Required<CounterStanding>) => HubTransport;
  /** At most one background list-edition step per this long (default 5 minutes; tests shorten it). */
  editionIntervalMs?: number;
  /** A round got through with records from other counters, or settings: queues and screens may refresh. */
  onApplied?: () => void;
  /** The facility's BPJS access came from the hub: save it as this counter's (sealed). */
  applyBpjs?: (form: BpjsSettingsForm) => Promise<void>;
  /** The hub's accounts were stored here: the session tells the windows. */
  onAccounts?: () => void;
}

export interface HubSync {
  link(): HubLink;
  enroll(input: { hubUrl?: string | undefined; code: string }): Promise<HubEnrollment>;
  syncNow(): Promise<SyncRound>;
  queueNumber(request: QueueNumberRequest): Promise<number | null>;
  /** Something was written: push it soon. */
  kick(): void;
  /** Resolves when the stored credential was read (and the engine started, if enrolled). */
  ready: Promise<void>;
  stop(): void;
}

/**
 * The core's link to the facility hub. A counter that never enrolled has none and works exactly
 * as before; an enrolled one runs a SyncEngine on its stored credential. Enrolling later starts
 * one at once. Failures of the link never reach a registration: they show in `link()`.
 */
export function startHubSync(ctx: CoreContext, box: SecretBox, options: HubSyncOptions): HubSync {
  let engine: SyncEngine | null = null;
  let editions: EditionSync | null = null;
  let enrollment: HubEnrollment | null = null;
  let stopped = false;
  const withEnrollment = (link: HubLink): HubLink => ({ ...link, enrollment });
  const none = (): HubLink => ({ state: 'none', since: ctx.now().toISOString(), lastSync: null, lastChange: null, settingsAt: null, backlog: 0, code: null });

  const begin = (credential: HubCredential): SyncEngine => {
    enrollment = { hubUrl: credential.hubUrl, facility: credential.facility, name: credential.name, offlinePrefix: credential.offlinePrefix };
    const standing: Required<CounterStanding> = {
      outboxBacklog: () => outboxBacklog(ctx.db),
      pullStuck: () => deferredState(ctx.db).stuck,
      outboxRejected: () => setAsideCount(ctx.db),
      editionReport: () => editionReportHeaders(ctx.db),
      // The zone saved (a test's fixed zone aside): the hub sends its own back when they differ.
      timeZone: () => ctx.settings().timeZone,
    };
    const transport = options.transportOf ? options.transportOf(credential, standing) : transportFor(credential, standing);
    // List editions: their own step after rounds that got through, in a worker when built (a test's own transport stays in-process).
    const script = options.transportOf ? null : editionWorkerScript(ctx.config.workerScript);
    const { key, nativeBinding } = ctx.config;
    editions = new EditionSync({
      db: ctx.db,
      now: ctx.now,
      transport,
      lock: { dbPath: ctx.config.dbPath, ...(key ? { key } : {}), ...(nativeBinding ? { nativeBinding } : {}) },
      worker: script ? { script, job: { dbPath: ctx.config.dbPath, ...(key ? { key } : {}), ...(nativeBinding ? { nativeBinding } : {}), credential } } : null,
      ...(options.editionIntervalMs ? { minIntervalMs: options.editionIntervalMs } : {}),
      onInstalled: (lists) => {
        ctx.catalog.invalidate();
        // The lists header reloads on an import's 'done'; an installed edition is one to it.
        for (const { list, members } of lists) ctx.events.emit('importProgress', { list, phase: 'done', rowsRead: members, percent: 100 });
      },
    });
    const made = new SyncEngine({
      db: ctx.db,
      transport,
      now: ctx.now,
      ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}),
      ...(options.numberTimeoutMs ? { queueNumberTimeoutMs: options.numberTimeoutMs } : {}),
      ...(options.applyBpjs ? { onBpjs: options.applyBpjs } : {}),
      ...(options.onAccounts ? { onAccounts: options.onAccounts } : {}),
      onLink: (link) => ctx.events.emit('hubLink', withEnrollment(link)),
      // After every round that got through: the list-edition step when it is due.
      onRound: () => {
        if (options.background) editions?.afterRound();
      },
      onApplied: (round, settings) => {
        // The facility's zone taken when joining is no change of this counter's clock: the register pulled was filed under it.
        if (settings) ctx.setSettings(settings, { joining: round.fromStart === true });
        options.onApplied?.();
      },
    });
    if (options.background && !stopped) made.start();
    return made;
  };

  const ready = (async () => {
    if (!syncState(ctx.db).enrolled) return;
    const credential = await readHubCredential(ctx.db, box).catch(() => null);
    if (credential && !stopped) engine = begin(credential);
  })();

  return {
    ready,
    link: () => (engine ? withEnrollment(engine.state) : none()),
    async enroll(input) {
      await ready;
      refuseIfEnrolled(ctx.db);
      const credential = await enroll(ctx.db, box, { ...(input.hubUrl ? { hubUrl: input.hubUrl } : {}), code: input.code });
      engine = begin(credential);
      ctx.events.emit('hubLink', withEnrollment(engine.state));
      return enrollment!;
    },
    async syncNow() {
      await ready;
      if (!engine) throw new LoketError('hub/not-enrolled');
      const round = await engine.round();
      const reported = JSON.stringify(editionReportHeaders(ctx.db));
      const step = await editions!.runNow().then((result) => ({ result }), (error: unknown) => ({ error }));
      // The step found an edition unreadable, or healed one: the hub hears it now, not at the next sync (`loket sync` runs once).
      if (JSON.stringify(editionReportHeaders(ctx.db)) !== reported) await engine.round().catch(() => undefined);
      const setAside = setAsideByReason(ctx.db);
      return { ...round, editions: summarizeEditionStep(step), ...(setAside.length > 0 ? { setAside } : {}) };
    },
    async queueNumber(request) {
      return engine ? engine.queueNumber(request) : null;
    },
    kick: () => engine?.kick(),
    stop() {
      stopped = true;
      engine?.stop();
      editions?.stop();
    },
  };
}
