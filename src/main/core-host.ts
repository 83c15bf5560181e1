/**
 * The main process's side of the core process: starts it, forwards contract calls to it, passes
 * its events on, answers its requests for main-only services (printing, the OS key store,
 * dialogs), and restarts it when it dies. Electron-free: the desktop app gives it a
 * utilityProcess (utility-core.ts), the tests a Node child, and it behaves the same.
 *
 * Why a separate process: SQLite, imports, BPJS calls and their timers then never run on the
 * thread that draws windows and dispatches input, so the window cannot freeze, and a crash of
 * the core (a native driver fault, memory exhaustion on a hostile file) is a restart, not a
 * dead app.
 */
import { EventEmitter } from 'node:events';
import type { ContractEvents, Result } from '../shared/contract';
import type { CoreStatus } from '../shared/core-status';
import { answerHostRequest, type HostServices } from '../core/process/host-proxies';
import type { Channel, CoreProcessConfig, CoreToHost, HostToCore } from '../core/process/protocol';
import type { RestorePlan } from '../core/security/restore-plan';
import type { RestoreRun } from '../core/store/restore-run';
import type { RestoreView } from '../shared/database-restore';

/** A started core process, as the host sees it. */
export interface CoreChild {
  channel: Channel<HostToCore, CoreToHost>;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface CoreHostOptions {
  spawn: () => CoreChild;
  config: CoreProcessConfig;
  /**
   * The config for a restart after a crash: the database key may have changed since the first
   * start (rekeyDatabase; a re-key cut short is finished from `<db>.key.next`). Default: `config`.
   */
  restartConfig?: () => Promise<CoreProcessConfig>;
  services: HostServices;
  /**
   * After a restore succeeded, before the core starts again: the app seals the key file the
   * restore wrote in plain form (database-key-store.ts); answers whether it did.
   */
  afterRestore?: () => Promise<boolean>;
  /** Waits before each restart after a crash; more crashes than entries within `crashWindowMs` and the host gives up. */
  restartDelaysMs?: readonly number[];
  crashWindowMs?: number;
}

/** Anything contract calls can be sent to: the IPC registration takes this. */
export interface CoreClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void): () => void;
}

/** The answers a restore waits for, by the kind of message that carries them. */
interface Answers {
  'restore-plan': Result<RestorePlan>;
  restored: Result<unknown>;
}

const DEFAULT_RESTART_DELAYS_MS = [0, 500, 2000, 5000, 10_000];
const STOP_GRACE_MS = 3000;

/** The pending call's answer when the core died under it: it may or may not have been done (the caller words the code). */
const CRASHED: Result<never> = { ok: false, error: { code: 'core-restarted' } };

export class CoreStartError extends Error {
  constructor(
    message: string,
    /** Why, as a code of the catalog with its parameters, when the core could say (a wrong key, a newer database). */
    readonly reason?: { code: string; params: Record<string, string | number> },
  ) {
    super(message);
    this.name = 'CoreStartError';
  }
}

export class CoreHost implements CoreClient {
  private child: CoreChild | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly events = new EventEmitter();
  private readonly crashes: number[] = [];
  private stopping = false;
  private restoring = false;
  private restoreDone: Promise<void> = Promise.resolve();
  private ready: Promise<void> = Promise.resolve();
  private statusNow: CoreStatus = { state: 'starting', restarts: 0 };

  constructor(private readonly options: CoreHostOptions) {}

  /** Resolves once the core has opened the database; rejects with CoreStartError when it cannot. */
  start(): Promise<void> {
    this.ready = this.launch();
    return this.ready;
  }

  get status(): CoreStatus {
    return this.statusNow;
  }

  async call(method: string, input: unknown): Promise<Result<unknown>> {
    // The core cannot replace the files it holds: the host restores (core-restore.ts).
    if (method === 'restoreBackup') return this.restore(input);
    // While restarting (or restoring), a call waits for the new core instead of failing.
    await this.ready.catch(() => undefined);
    const child = this.child;
    if (!child || this.statusNow.state !== 'running') return CRASHED;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      child.channel.post({ t: 'call', id, method, input });
    });
  }

  on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /** Asks the core to close the database, and kills it if it does not within a few seconds. */
  async stop(): Promise<void> {
    this.stopping = true;
    // A restore cut short between moving the old files aside and placing the backup would leave no
    // database: quitting waits for it to end (no core is started after it).
    await this.restoreDone;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, STOP_GRACE_MS);
      child.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        child.channel.post({ t: 'stop' });
      } catch {
        // Already gone: the exit (or the timer) settles this.
      }
    });
    this.child = undefined;
  }

  /**
   * restoreBackup from a window: the running core checks the caller (an administrator) and the
   * chosen files; then it is stopped, a fresh process that never opened the database runs the
   * restore (the same store/database-restore.ts as `loket restore`), and the core is started again
   * with the key read anew. Calls meanwhile wait for the new core; a refusal leaves the files as
   * they were and the core is started on them again.
   */
  private async restore(input: unknown): Promise<Result<unknown>> {
    if (this.restoring) return { ok: false, error: { code: 'restore/busy' } };
    this.restoring = true;
    try {
      await this.ready.catch(() => undefined);
      const child = this.child;
      if (!child || this.statusNow.state !== 'running') return CRASHED;
      // A core that dies before answering (a crash) answers like any call cut short.
      const died = new Promise<Result<never>>((resolve) => child.onExit(() => resolve(CRASHED)));
      const plan = await Promise.race([this.exchange(child, (id) => ({ t: 'plan-restore', id, input }), 'restore-plan'), died]);
      if (!plan.ok) return plan;
      if (this.child !== child) return CRASHED; // it died after answering: a new core is starting
      const outcome = this.restoreStopped(child, plan.value);
      this.ready = outcome.then(() => undefined);
      this.restoreDone = this.ready;
      return await outcome;
    } finally {
      this.restoring = false;
    }
  }

  private async restoreStopped(child: CoreChild, plan: RestorePlan): Promise<Result<unknown>> {
    // Detached first, before any wait: its exit from now on is the stop asked here, never a crash to restart.
    const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
    this.child = undefined;
    this.setStatus({ state: 'restarting', restarts: this.statusNow.restarts, reason: 'restore' });
    const current = this.options.restartConfig ? await this.options.restartConfig().catch(() => this.options.config) : this.options.config;
    await this.stopChild(child, exited);
    const run: RestoreRun = { ...plan, ...(current.key ? { currentKey: current.key } : {}), ...(current.nativeBinding ? { nativeBinding: current.nativeBinding } : {}) };
    let result = await this.restoreInFreshProcess(run);
    if (result.ok && this.options.afterRestore) {
      // Left in plain form when sealing fails: the app opens it all the same, and Settings says so.
      const sealed = await this.options.afterRestore().catch(() => false);
      result = { ok: true, value: { ...(result.value as RestoreView), keySealed: sealed } };
    }
    // Restored or not, a core runs again: on the restored files, or on the untouched ones.
    if (!this.stopping) await this.launch(true).catch(() => undefined); // a core that cannot open them says so through the status
    return result;
  }

  /** Stops a detached core and waits for its exit (killed after the grace); launch's listener ignores a child it no longer holds. */
  private async stopChild(child: CoreChild, exited: Promise<void>): Promise<void> {
    const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
    try {
      child.channel.post({ t: 'stop' });
    } catch {
      child.kill();
    }
    await exited;
    clearTimeout(timer);
    this.failPending(); // calls it had not answered: it may or may not have done them
  }

  private async restoreInFreshProcess(run: RestoreRun): Promise<Result<unknown>> {
    const worker = this.options.spawn();
    const exited = new Promise<void>((resolve) => worker.onExit(() => resolve()));
    const died = exited.then((): Result<unknown> => ({ ok: false, error: { code: 'internal', params: { detail: 'the restoring process stopped' } } }));
    const result = await Promise.race([this.exchange(worker, (id) => ({ t: 'restore', id, run }), 'restored'), died]);
    try {
      worker.channel.post({ t: 'stop' });
    } catch {
      worker.kill();
    }
    await exited;
    return result;
  }

  /** One request to a process and its answer of the given kind. */
  private exchange<K extends keyof Answers>(child: CoreChild, message: (id: number) => HostToCore, kind: K): Promise<Answers[K]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      child.channel.onMessage((reply) => {
        if (reply.t === kind && reply.id === id) resolve(reply.result as Answers[K]);
      });
      child.channel.post(message(id));
    });
  }

  private launch(freshConfig = false): Promise<void> {
    const child = this.options.spawn();
    this.child = child;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      child.channel.onMessage((message) => {
        if (this.child !== child) return;
        switch (message.t) {
          case 'ready':
            started = true;
            this.setStatus({ state: 'running', restarts: this.statusNow.restarts });
            resolve();
            return;
          case 'failed':
            this.stopping = true; // the same database would fail the same way: no restart loop
            this.child = undefined;
            child.kill();
            this.setStatus({ state: 'failed', restarts: this.statusNow.restarts, reason: message.message });
            reject(new CoreStartError(message.message, message.error));
            return;
          case 'result': {
            const settle = this.pending.get(message.id);
            this.pending.delete(message.id);
            settle?.(message.result);
            return;
          }
          case 'event':
            this.events.emit(message.name, message.payload);
            return;
          case 'ask':
            void answerHostRequest(this.options.services, message.request).then(
              (value) => child.channel.post({ t: 'reply', id: message.id, ok: true, value }),
              (error: unknown) =>
                child.channel.post({ t: 'reply', id: message.id, ok: false, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }),
            );
        }
      });
      child.onExit((code) => {
        if (this.child !== child) return;
        this.child = undefined;
        this.failPending();
        if (!started) {
          this.setStatus({ state: 'failed', restarts: this.statusNow.restarts, reason: `exit code ${code}` });
          return reject(new CoreStartError(`the core process stopped while opening the database (exit code ${code})`));
        }
        if (!this.stopping) this.restartAfterCrash(code);
      });
      const config = (freshConfig || this.statusNow.restarts > 0) && this.options.restartConfig ? this.options.restartConfig() : Promise.resolve(this.options.config);
      config.then(
        (resolved) => child.channel.post({ t: 'start', config: resolved }),
        (error: unknown) => {
          this.child = undefined;
          child.kill();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private restartAfterCrash(code: number | null): void {
    const now = Date.now();
    const windowMs = this.options.crashWindowMs ?? 60_000;
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0]! > windowMs) this.crashes.shift();
    const delays = this.options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
    const restarts = this.statusNow.restarts + 1;
    const reason = `exit code ${code}`;
    if (this.crashes.length > delays.length) {
      this.setStatus({ state: 'failed', restarts, reason });
      return;
    }
    this.setStatus({ state: 'restarting', restarts, reason });
    const delay = delays[this.crashes.length - 1] ?? 0;
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => this.launch());
    this.ready.catch(() => undefined); // a failed restart is reported through the status
  }

  private failPending(): void {
    for (const settle of this.pending.values()) settle(CRASHED);
    this.pending.clear();
  }

  private setStatus(status: CoreStatus): void {
    this.statusNow = status;
    this.events.emit('coreStatus', status);
  }
}
