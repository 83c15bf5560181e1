import type { BpjsSettingsForm } from '../../shared/bpjs';
import { HUB_API, MAX_OPS_PER_PUSH, type BpjsAccessResponse, MAX_PULL, type MrnBlockResponse, type PullResponse, type PushResponse, type QueueNumberRequest, type QueueNumberResponse } from '../../shared/hub-protocol';
import type { HubLink, SyncRound } from '../../shared/hub-link';
import type { Db } from '../store/open-database';
import { clockDifferenceMinutes } from '../../shared/hub-clock';
import { HubRefused, HubUnreachable, type HubTransport } from './hub-transport';
import { CLOCK_DIFFERS } from './pinned-transport';
import { ackOutbox, outboxBacklog, readOutbox } from './outbox';
import { applyPull } from './apply-pull';
import { addMrnBlock, mrnBlockLow } from './mrn-blocks';
import { readSettings } from '../settings/settings.repo';
import { resendHistory } from './resend-history';
import { setHubClockAhead, setRegisterEpoch, syncState } from './sync-state.repo';
import type { CounterSettings } from '../../shared/settings';
import { sendAuditHead } from '../audit/audit-head-sync';
import { pullHubAccounts } from '../accounts/hub-accounts-pull';

export interface SyncEngineOptions {
  db: Db;
  transport: HubTransport;
  now: () => Date;
  /** The link changed (connected, unreachable, refused): the status bar shows it. */
  onLink: (link: HubLink) => void;
  /** Pulled records were applied: queues have new rows; `settings` when the facility's changed (give them to ctx.setSettings). */
  onApplied: (round: SyncRound, settings: CounterSettings | null) => void;
  /** Between rounds while connected; a change made here starts a round at once (kick). */
  intervalMs?: number;
  /** How long a counter waits for the hub's queue number before numbering on its own. */
  queueNumberTimeoutMs?: number;
  /** Record numbers reserved per block. */
  mrnBlockSize?: number;
  /** After every round that got through (the list-edition step hangs on it). */
  onRound?: (round: SyncRound) => void;
  /** The facility's BPJS access changed at the hub: save it here (sealed) as the settings screen would. */
  onBpjs?: (form: BpjsSettingsForm) => Promise<void>;
  /** The hub's accounts changed and were stored here (the session tells the windows). */
  onAccounts?: () => void;
}

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * The counter's side of the facility hub, one round at a time: push the outbox, pull what the
 * others did, apply it, keep a block of record numbers in hand. Everything the clerk does was
 * already written locally; a round only moves it. While the hub is unreachable, rounds back off
 * (1 s to 30 s) and the counter works alone; the first round that gets through catches up.
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncRound> | null = null;
  private again = false;
  private failures = 0;
  private stopped = true;
  private link: HubLink;

  constructor(private readonly options: SyncEngineOptions) {
    this.link = { state: 'connecting', since: options.now().toISOString(), lastSync: null, lastChange: null, settingsAt: null, backlog: outboxBacklog(options.db), code: null };
  }

  get state(): HubLink {
    return this.link;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A local change was written: push it now rather than at the next tick. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /**
   * One round now (also `loket sync`). Rounds never overlap: a call during a round waits for it
   * and then runs one more, so what was written before the call is pushed when it returns.
   */
  async round(): Promise<SyncRound> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.runRound();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /**
   * The unit's next number from the hub, or null at once when the hub is not known to be
   * reachable (the counter numbers on its own; a clerk never waits on the network for more than
   * the short timeout).
   */
  async queueNumber(request: QueueNumberRequest): Promise<number | null> {
    if (this.link.state !== 'connected') return null;
    try {
      const reply = await this.options.transport.postJson<QueueNumberResponse>(`${HUB_API}/queue-number`, request, { timeoutMs: this.options.queueNumberTimeoutMs ?? 400 });
      return reply.queueNo;
    } catch (error) {
      this.failed(error);
      return null;
    }
  }

  private async runRound(): Promise<SyncRound> {
    const { db, transport } = this.options;
    let settings: CounterSettings | null = null;
    const round: SyncRound = { pushed: 0, duplicates: 0, rejected: 0, pulled: 0, deferred: 0, stuck: 0, conflicts: 0, settingsChanged: false, mrnBlock: null };
    if (syncState(db).cursor === 0) round.fromStart = true;
    try {
      let bpjsChanged = false;
      // A second pass only after a hub that did not hold this counter's register: the history just queued goes, and the register comes from 0.
      for (let pass = 0; pass < 2; pass++) {
        await this.push(round);
        const pulled = await this.pullAll(round);
        bpjsChanged ||= pulled.bpjsChanged;
        if (pulled.settings) settings = pulled.settings;
        if (!pulled.resent) break;
      }
      if (bpjsChanged && this.options.onBpjs) {
        const access = await transport.getJson<BpjsAccessResponse>(`${HUB_API}/bpjs`);
        if (access.form) await this.options.onBpjs(access.form);
        round.settingsChanged = true;
      }
      const accounts = await pullHubAccounts(db, transport, this.options.now());
      if (accounts) this.options.onAccounts?.();
      if (accounts && accounts.refused.length > 0) round.accountsRefused = accounts.refused;
      if (mrnBlockLow(db, readSettings(db).mrnStart)) {
        const block = await transport.postJson<MrnBlockResponse>(`${HUB_API}/mrn-block`, { size: this.options.mrnBlockSize ?? 200 });
        addMrnBlock(db, block);
        round.mrnBlock = block;
      }
      await sendAuditHead(db, transport, this.options.now());
      this.failures = 0;
      const at = this.options.now().toISOString();
      // This computer's clock against the hub's (its answers' Date header): visits are filed under this clock.
      const hubClock = transport.hubClock?.() ?? null;
      round.clockMinutes = clockDifferenceMinutes(hubClock?.offsetMs);
      // Kept for this counter's own visits not yet at the hub: they take the hub's order of arrival (queue.ts).
      setHubClockAhead(db, hubClock?.offsetMs);
      this.setLink({
        state: 'connected',
        lastSync: at,
        code: null,
        clockMinutes: round.clockMinutes,
        ...(round.pulled > 0 || round.settingsChanged ? { lastChange: at } : {}),
        ...(round.settingsChanged ? { settingsAt: at } : {}),
      });
      if (round.pulled > 0 || round.settingsChanged) this.options.onApplied(round, settings);
      this.options.onRound?.(round);
      return round;
    } catch (error) {
      this.failed(error);
      throw error;
    }
  }

  /** The outbox to the hub, a push at a time, until it is empty or the hub refuses a push. */
  private async push(round: SyncRound): Promise<void> {
    const { db, transport } = this.options;
    for (;;) {
      const { ops } = readOutbox(db, MAX_OPS_PER_PUSH);
      if (ops.length === 0) break;
      const reply = await transport.postJson<PushResponse>(`${HUB_API}/push`, { ops, outboxBacklog: outboxBacklog(db) });
      ackOutbox(db, reply.results);
      for (const r of reply.results) {
        if (r.status === 'applied') round.pushed++;
        else if (r.status === 'duplicate') round.duplicates++;
        else round.rejected++;
      }
      if (ops.length < MAX_OPS_PER_PUSH) break;
    }
  }

  /**
   * Everything above the cursor, page by page. The first page says whether the hub holds the
   * register this counter pulled from (its epoch and cursor): when not (a new hub, a restored
   * backup) nothing is applied; the counter's history is queued again and the cursor goes to 0
   * (resend-history.ts), and `resent` tells the round to go again.
   */
  private async pullAll(round: SyncRound): Promise<{ bpjsChanged: boolean; settings: CounterSettings | null; resent: boolean }> {
    const { db, transport } = this.options;
    let bpjsChanged = false;
    let settings: CounterSettings | null = null;
    for (;;) {
      const { cursor: after, registerEpoch } = syncState(db);
      const epoch = registerEpoch ? `&epoch=${registerEpoch}` : '';
      const pulled = await transport.getJson<PullResponse>(`${HUB_API}/pull?after=${after}&limit=${MAX_PULL}${epoch}`);
      const register = pulled.register;
      if (register && !register.known) {
        round.resent = (round.resent ?? 0) + resendHistory(db, register.epoch);
        round.fromStart = true;
        // Refused before for naming records this hub lacked: they go again with the history.
        round.rejected = 0;
        return { bpjsChanged, settings, resent: true };
      }
      if (register?.epoch && register.epoch !== registerEpoch) setRegisterEpoch(db, register.epoch);
      const applied = applyPull(db, pulled, this.options.now());
      if (pulled.bpjsRev) bpjsChanged = true;
      // Records kept aside are tried again with each page: the counts after the last page are the round's.
      round.pulled += applied.applied;
      round.deferred = applied.deferred;
      round.stuck = applied.stuck;
      round.conflicts += applied.conflicts.length;
      if (applied.settings) {
        round.settingsChanged = true;
        settings = applied.settings;
      }
      // The cursor always moves (what waits is kept aside); a hub that answers `more` without moving it would loop.
      if (!pulled.more || applied.cursor <= after) break;
    }
    return { bpjsChanged, settings, resent: false };
  }

  private failed(error: unknown): void {
    this.failures++;
    if (error instanceof HubRefused) this.setLink({ state: 'refused', code: error.code });
    else if (error instanceof HubUnreachable) this.setLink({ state: 'unreachable', code: error.detail.startsWith(CLOCK_DIFFERS) ? 'hub/clock-differs' : null });
    else this.setLink({ state: 'unreachable', code: 'sync/internal' });
  }

  private setLink(change: Partial<HubLink>): void {
    const next: HubLink = { ...this.link, ...change, backlog: outboxBacklog(this.options.db) };
    if (next.state !== this.link.state) next.since = this.options.now().toISOString();
    // Not on every round's lastSync: only what a screen acts on (a second's rounds would reload the queue each second).
    const changed =
      next.state !== this.link.state ||
      next.backlog !== this.link.backlog ||
      next.code !== this.link.code ||
      next.lastChange !== this.link.lastChange ||
      next.settingsAt !== this.link.settingsAt ||
      (next.clockMinutes ?? null) !== (this.link.clockMinutes ?? null) ||
      (this.link.lastSync === null && next.lastSync !== null);
    this.link = next;
    if (changed) this.options.onLink(next);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.round().then(
        () => this.schedule(this.again ? ((this.again = false), 0) : (this.options.intervalMs ?? 1_000)),
        () => this.schedule(this.link.state === 'refused' ? 60_000 : BACKOFF_MS[Math.min(this.failures - 1, BACKOFF_MS.length - 1)]!),
      );
    }, ms);
    this.timer.unref?.();
  }
}
