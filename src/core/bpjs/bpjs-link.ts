// The counter's one connection to BPJS: the client built from the saved settings, the breaker
// it shares, the connectivity the status bar shows (from the real outcome of every call), and
// the cheap periodic probe. Every call goes through here so the state is always the truth.
import type { BpjsFailure, BpjsServiceName, Connectivity, ConnectivityState } from '../../shared/bpjs';
import type { CoreMessage } from '../../shared/i18n/messages';
import { SecretUnreadableError, type SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/open-database';
import { clientConfigOf, readBpjsSettings, type BpjsField, type StoredBpjsSettings } from './bpjs-settings.repo';
import { withBridgeLog } from './bridge-log';
import { BpjsClient, type BpjsCall } from './client';
import { SERVICE_LABEL, failureMessage } from './failure-text';
import { storeLiveAnswer } from './live-answers';
import type { BpjsResult } from './types';

export interface BpjsLinkOptions {
  db: Db;
  box: SecretBox;
  now: () => Date;
  timeZone: () => string;
  /** The probe and the re-checks run by themselves; off for the command line, which asks once and leaves. */
  background: boolean;
  /** Overrides the settings' probe interval (tests, demos). */
  probeMs?: number;
  /** Told whenever what the status bar shows changes. */
  onChange?: (connectivity: Connectivity) => void;
  /** Told after every call that reached BPJS and was answered: the re-checks may run. */
  onAnswered?: () => void;
  /** How many visits wait for a live re-check (for the status bar). */
  pendingRechecks?: () => number;
}

/** What a member question came back with, and from which service. */
export type MemberAnswer = { service: BpjsServiceName; result: BpjsResult };

interface Tracked {
  state: ConnectivityState;
  since: string | null;
  lastCallAt: string | null;
  lastTookMs: number | null;
  reason: BpjsFailure | null;
  detail: string;
  pausedUntil: string | null;
}

export class BpjsLink {
  private settings: StoredBpjsSettings;
  private client: BpjsClient | null = null;
  private tracked: Tracked = { state: 'not-configured', since: null, lastCallAt: null, lastTookMs: null, reason: null, detail: '', pausedUntil: null };
  private lastSent = '';
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private probing = false;
  /** Why BPJS is on in the settings but cannot be used: fields missing, or a secret sealed elsewhere. */
  private incomplete: BpjsField[] = [];
  /** A secret store that cannot work here (a damaged key file): why BPJS cannot be used. */
  private storeProblem: string | null = null;
  private generation = 0;
  /** The client being built (the secrets open asynchronously); questions wait for it. */
  private ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: BpjsLinkOptions) {
    this.settings = readBpjsSettings(options.db);
    void this.reload();
  }

  /** The service the counter asks, or null when BPJS is off or its settings are incomplete. */
  get service(): BpjsServiceName | null {
    return this.client ? this.settings.use === 'off' ? null : this.settings.use : null;
  }

  get timeoutSeconds(): number {
    return this.settings.timeoutSeconds;
  }

  /** Reads the saved settings again (after a save): a fresh client, breaker and state; probes at once. */
  reload(): Promise<void> {
    this.ready = this.build();
    return this.ready;
  }

  private async build(): Promise<void> {
    const generation = ++this.generation;
    this.settings = readBpjsSettings(this.options.db);
    this.client = null;
    this.incomplete = [];
    this.storeProblem = null;
    const use = this.settings.use;
    this.setState(use === 'off' ? 'not-configured' : 'checking', null, '');
    if (use === 'off') return;
    let client: BpjsClient | null = null;
    try {
      const built = await clientConfigOf(this.settings, use, this.options.box);
      if (!built.ok) this.incomplete = built.missing;
      else {
        const config = withBridgeLog(this.options.db, { ...built.config, timeZone: this.options.timeZone(), now: this.options.now, onCall: (call) => this.observe(call) }, this.options.now);
        client = new BpjsClient(config);
      }
    } catch (error) {
      // Sealed on another machine or by another user: the secrets must be entered again here.
      if (error instanceof SecretUnreadableError) this.incomplete = ['secret', 'user-key'];
      // A damaged key file or LOKET_SECRET_KEY: said in the status bar, never a crash.
      else this.storeProblem = error instanceof Error ? error.message : String(error);
    }
    if (generation !== this.generation) return; // a newer save took over meanwhile
    this.client = client;
    this.setState(client ? 'checking' : 'not-configured', null, '');
    this.schedule(0);
  }

  /** Asks BPJS about one member; a found member is kept as the live answer. Never throws for a BPJS problem. */
  async member(by: { nik: string } | { card: string }): Promise<MemberAnswer | null> {
    await this.ready;
    const client = this.client;
    const service = this.service;
    if (!client || !service) return null;
    const result = 'nik' in by ? await client.byNik(by.nik) : await client.byCard(by.card);
    if (result.ok && result.member) storeLiveAnswer(this.options.db, result.member, service, this.options.now(), by);
    return { service, result };
  }

  /** One probe now (also what the timer does). */
  async probe(): Promise<BpjsResult | null> {
    await this.ready;
    const client = this.client;
    if (!client || this.probing) return null;
    this.probing = true;
    try {
      return await client.ping();
    } finally {
      this.probing = false;
    }
  }

  status(): Connectivity {
    const t = this.tracked;
    const use = this.settings.use;
    const message: CoreMessage | null =
      t.state === 'not-configured' && use !== 'off'
        ? this.storeProblem !== null
          ? { code: 'bpjs/secret-store-unavailable', params: { detail: this.storeProblem } }
          : { code: 'bpjs/incomplete', params: { service: SERVICE_LABEL[use], missing: this.incomplete.join(', ') } }
        : t.reason === null
        ? null
        : failureMessage(t.reason, t.detail, { service: this.settings.use === 'off' ? 'vclaim' : this.settings.use, timeoutSeconds: this.settings.timeoutSeconds, timeZone: this.options.timeZone() });
    return {
      state: t.state,
      service: this.service,
      since: t.since,
      lastCallAt: t.lastCallAt,
      lastTookMs: t.lastTookMs,
      reason: t.reason,
      message,
      pausedUntil: t.pausedUntil,
      pendingRechecks: this.options.pendingRechecks?.() ?? 0,
    };
  }

  /** Tells the status bar again (the number of pending re-checks changed). */
  announce(force = false): void {
    const now = this.status();
    const text = JSON.stringify(now);
    if (!force && text === this.lastSent) return;
    this.lastSent = text;
    this.options.onChange?.(now);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The outcome of every call of the counter's client, probes included. */
  private observe(call: BpjsCall): void {
    const { result } = call;
    const at = this.options.now().toISOString();
    this.tracked.lastCallAt = at;
    this.tracked.lastTookMs = result.tookMs;
    if (result.ok) {
      const state = result.tookMs >= this.settings.slowSeconds * 1000 ? 'slow' : 'online';
      this.setState(state, null, '');
      this.options.onAnswered?.();
      return;
    }
    const rejected = result.reason === 'credentials' || result.reason === 'clock';
    const until = result.reason === 'breaker-open' ? (this.client?.breaker.retryAt ?? null) : null;
    this.tracked.pausedUntil = until === null ? null : new Date(until).toISOString();
    this.setState(rejected ? 'rejected' : 'offline', result.reason, result.detail);
  }

  private setState(state: ConnectivityState, reason: BpjsFailure | null, detail: string): void {
    const t = this.tracked;
    if (t.state !== state) t.since = state === 'not-configured' || state === 'checking' ? null : this.options.now().toISOString();
    t.state = state;
    t.reason = reason;
    t.detail = detail;
    if (reason !== 'breaker-open') t.pausedUntil = null;
    this.announce();
  }

  /** The probe: asks only when no look-up has told us the state lately. */
  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (!this.options.background || this.stopped || !this.client) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref(); // never keeps a process alive
  }

  private async tick(): Promise<void> {
    const interval = this.options.probeMs ?? this.settings.probeSeconds * 1000;
    const last = this.tracked.lastCallAt ? Date.parse(this.tracked.lastCallAt) : 0;
    const fresh = this.options.now().getTime() - last < interval;
    const healthy = this.tracked.state === 'online' || this.tracked.state === 'slow';
    if (!(fresh && healthy)) await this.probe();
    this.schedule(interval);
  }
}
