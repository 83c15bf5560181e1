import type { EditionRoundSummary } from '../../shared/hub-link';
import { readEditions } from '../lists/editions.repo';
import type { Db } from '../store/open-database';
import { keepEditionReport, lookAtEditions } from './edition-report';
import { runEditionStepInWorker, type EditionJob } from './edition-sync-run';
import { runEditionStepLocked, type EditionStepResult, type StepLock } from './edition-sync-step';
import { HubRefused, HubUnreachable, type HubTransport } from './hub-transport';

export interface EditionSyncOptions {
  /** The core's connection: read to notice a new local edition; written only when the step runs in-process. */
  db: Db;
  now: () => Date;
  /** How the step reaches the hub when it runs on this thread, and the files it locks. */
  transport: HubTransport;
  lock: StepLock;
  /** The built edition-worker.js and what it needs; null: the step runs in-process (CLI without a build, tests). */
  worker: { script: string; job: EditionJob } | null;
  /** Editions changed under the core's look-ups (another connection installed them): refresh and tell the screens. */
  onInstalled: (lists: { list: string; members: number }[]) => void;
  /** At most one background step per this long (default 5 minutes); a new local edition goes at once. */
  minIntervalMs?: number;
  /** After a failed step, the next one waits this long (default 1 minute). */
  retryMs?: number;
}

/**
 * List editions travel by themselves for an enrolled counter: after a sync round that got
 * through, at most every few minutes (at once when a local import or roll-back changed the current
 * editions), one edition step runs in the background: upload what the hub lacks, fetch what it has
 * newer (edition-sync-step.ts). One step at a time per counter; the step runs in a worker thread
 * with its own connection when the built worker is there, so look-ups never wait on it.
 */
export class EditionSync {
  private running: Promise<EditionStepResult> | null = null;
  private dueAt = 0;
  /** The current editions when the last step ended: a change means a local import to offer now. */
  private seen: string | null = null;
  private stopped = false;

  constructor(private readonly options: EditionSyncOptions) {}

  /** A sync round got through: run a step in the background if one is due. */
  afterRound(): void {
    if (this.stopped || this.running) return;
    const localChanged = this.seen !== null && this.seen !== this.currentEditions();
    if (!localChanged && this.options.now().getTime() < this.dueAt) return;
    this.runNow().catch(() => undefined); // failures only move dueAt: the next round after it tries again
  }

  /** One step now (`syncNow`, `loket sync`): waits for a running one first, so what was imported before the call is offered. */
  async runNow(): Promise<EditionStepResult> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.step();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async step(): Promise<EditionStepResult> {
    const { now, worker } = this.options;
    const before = this.currentIds();
    let settled: number[] | null = null;
    try {
      const result = worker ? await runEditionStepInWorker(worker.script, worker.job) : await runEditionStepLocked(this.options.db, this.options.transport, this.options.lock, now);
      this.dueAt = now().getTime() + (this.options.minIntervalMs ?? 5 * 60_000);
      const installed = result.fetched.flatMap((f) => (f.outcome === 'installed' ? [f.list] : []));
      if (installed.length > 0 && !this.stopped) {
        const members = new Map(readEditions(this.options.db, ['current']).map((e) => [e.listName, e.rowsImported]));
        this.options.onInstalled(installed.map((list) => ({ list, members: members.get(list) ?? 0 })));
      }
      // An edition that is new since the step began and that the step did not install was
      // imported here meanwhile: leave it unseen, so the next round offers it at once.
      const ours = new Set(result.fetched.flatMap((f) => (f.outcome === 'installed' ? [f.editionId] : [])));
      const after = this.currentIds();
      settled = after.some((id) => !before.includes(id) && !ours.has(id)) ? before : after;
      return result;
    } catch (error) {
      this.dueAt = now().getTime() + (this.options.retryMs ?? 60_000);
      throw error;
    } finally {
      if (!this.stopped) {
        this.seen = (settled ?? this.currentIds()).join(',');
        this.lookAtEditions();
      }
    }
  }

  /** What the hub is told of this counter's editions, looked at again after every step (an unreadable one healed, or not). */
  private lookAtEditions(): void {
    try {
      keepEditionReport(this.options.db, lookAtEditions(this.options.db));
    } catch (error) {
      console.error(`editions: could not look at the list editions for the hub: ${String(error)}`);
    }
  }

  private currentIds(): number[] {
    return readEditions(this.options.db, ['current']).map((e) => e.id);
  }

  private currentEditions(): string {
    return this.currentIds().join(',');
  }
}

/** What a step did, for `syncNow`'s answer (counts; a failure as its code). */
export function summarizeEditionStep(outcome: { result: EditionStepResult } | { error: unknown }): EditionRoundSummary {
  if ('error' in outcome) {
    const code = outcome.error instanceof HubRefused ? outcome.error.code : outcome.error instanceof HubUnreachable ? 'hub/unreachable' : 'sync/internal';
    return { uploaded: 0, installed: 0, refused: 0, code };
  }
  const { uploaded, fetched } = outcome.result;
  const healed = fetched.flatMap((f) => (f.outcome === 'installed' && f.setAside ? [{ list: f.list, setAside: f.setAside }] : []));
  const skipped = [...uploaded, ...fetched].flatMap((o) => (o.outcome === 'skipped' ? [{ list: o.list, code: o.code }] : []));
  return {
    uploaded: uploaded.filter((u) => u.outcome === 'uploaded').length,
    installed: fetched.filter((f) => f.outcome === 'installed').length,
    refused: uploaded.filter((u) => u.outcome === 'refused').length + fetched.filter((f) => f.outcome === 'refused').length,
    code: null,
    ...(healed.length > 0 ? { healed } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}
