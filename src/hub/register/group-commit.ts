import type { Pool } from 'pg';
import type { HubOp, PushResponse } from '../../shared/hub-protocol';
import { lockRevisions } from '../pg/revisions';
import { applyOps, applyPushInTx, recordAppliedOps, seenOpsAndMrnFormat, type KeptOp } from './apply-ops';
import { moveMrnSequencePast } from './mrn-seed';

interface PendingPush {
  counterId: string;
  ops: readonly HubOp[];
  now: Date;
  outboxBacklog: number | null;
  /** How far the pushing counter's clock is ahead of the hub's (this request's X-Loket-Clock), seconds; null: not said. */
  clockAheadS: number | null;
  resolve(response: PushResponse): void;
  reject(error: unknown): void;
}

export interface GroupCommitLimits {
  /** Ops in one transaction (a push larger than this still goes alone). */
  maxOps: number;
  maxPushes: number;
}

const DEFAULT_LIMITS: GroupCommitLimits = { maxOps: 2_000, maxPushes: 100 };

/**
 * Group commit of pushes. Every push takes the revision lock (revisions must commit in order), so
 * pushes are serialized whatever happens; what each one pays inside the lock is what bounds the
 * hub. Here the pushes that arrive while a transaction runs wait in memory and then go together
 * in the next one: one lock, one look-up of seen op ids, one insert into applied_ops, one commit
 * (one WAL flush, `synchronous_commit` stays on: a push is answered only once it is durable) for
 * the lot. No timer: a push arriving to an idle hub goes at once; batches grow only under load.
 *
 * Semantics are those of pushes applied one after the other in arrival order: each push's ops in
 * the order sent, `seen` carried from one push to the next (a retry queued behind its original
 * answers `duplicate`), each answered with its own results. All-or-nothing per push is kept: if
 * any statement of the shared transaction fails, it is rolled back and each push of the batch is
 * then applied alone in its own transaction (`applyOps`), so one bad push fails only itself.
 */
export class GroupCommit {
  private readonly queue: PendingPush[] = [];
  private draining = false;

  constructor(
    private readonly pool: Pool,
    private readonly limits: GroupCommitLimits = DEFAULT_LIMITS,
  ) {}

  submit(counterId: string, ops: readonly HubOp[], now: Date, outboxBacklog: number | null = null, clockAheadS: number | null = null): Promise<PushResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ counterId, ops, now, outboxBacklog, clockAheadS, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) await this.commit(this.takeBatch());
    } finally {
      this.draining = false;
    }
  }

  private takeBatch(): PendingPush[] {
    const batch: PendingPush[] = [this.queue.shift()!];
    let ops = batch[0]!.ops.length;
    while (this.queue.length > 0 && batch.length < this.limits.maxPushes && ops + this.queue[0]!.ops.length <= this.limits.maxOps) {
      const next = this.queue.shift()!;
      ops += next.ops.length;
      batch.push(next);
    }
    return batch;
  }

  private async commit(batch: PendingPush[]): Promise<void> {
    const outcomes: ({ response: PushResponse } | { error: unknown })[] = [];
    try {
      for (const response of await this.applyTogether(batch)) outcomes.push({ response });
    } catch (error) {
      if (batch.length === 1) outcomes.push({ error });
      else {
        for (const push of batch) {
          outcomes.push(await applyOps(this.pool, push.counterId, push.ops, push.now, push.clockAheadS).then((response) => ({ response }), (failure: unknown) => ({ error: failure })));
        }
      }
    }
    // Answered once the backlogs are stored too (a status read right after sees them), without holding up the next batch.
    void this.storeBacklogs(batch).then(() =>
      batch.forEach((push, i) => {
        const outcome = outcomes[i]!;
        if ('response' in outcome) push.resolve(outcome.response);
        else push.reject(outcome.error);
      }),
    );
  }

  private async applyTogether(batch: readonly PendingPush[]): Promise<PushResponse[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await lockRevisions(client);
      const { seen, mrnFormat, facilityCode } = await seenOpsAndMrnFormat(client, batch.flatMap((push) => push.ops.map((op) => op.opId)));
      const responses: PushResponse[] = [];
      const kept: KeptOp[] = [];
      const seenMrns: string[] = [];
      for (const push of batch) {
        const applied = await applyPushInTx(client, push.counterId, push.ops, push.now, seen, push.clockAheadS);
        responses.push({ results: applied.results });
        kept.push(...applied.kept);
        seenMrns.push(...applied.seenMrns);
      }
      await recordAppliedOps(client, kept);
      await moveMrnSequencePast(client, seenMrns, mrnFormat, facilityCode);
      await client.query('COMMIT');
      return responses;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Each counter's outbox backlog as its latest push said, one statement for the batch, after the
   * commit and outside the revision lock: a status figure for `loket hub status`, not part of the
   * register. Rows already right are not touched. A failure is only logged (the next push, or the
   * last-contact flush from the request header, writes it again).
   */
  private async storeBacklogs(batch: readonly PendingPush[]): Promise<void> {
    const latest = new Map<string, number>();
    for (const push of batch) if (push.outboxBacklog !== null) latest.set(push.counterId, push.outboxBacklog);
    if (latest.size === 0) return;
    await this.pool
      .query(
        `UPDATE counters c SET outbox_backlog = u.backlog FROM unnest($1::text[], $2::int[]) AS u(id, backlog)
         WHERE c.id = u.id AND c.outbox_backlog IS DISTINCT FROM u.backlog`,
        [[...latest.keys()], [...latest.values()]],
      )
      .catch((error: unknown) => console.error(`hub: outbox backlog update failed: ${String(error)}`));
  }
}

const byPool = new WeakMap<Pool, GroupCommit>();

/** The one group commit of a pool (the hub has one pool; tests may have several). */
export function groupCommitFor(pool: Pool): GroupCommit {
  let found = byPool.get(pool);
  if (!found) {
    found = new GroupCommit(pool);
    byPool.set(pool, found);
  }
  return found;
}
