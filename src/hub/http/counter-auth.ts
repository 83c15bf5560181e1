import { createHash, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { HubError, type CallingCounter } from './route';

interface KnownCounter extends CallingCounter {
  secretHash: Buffer;
  revoked: boolean;
  loadedAt: number;
}

/** How long a counter's row is trusted from memory. Revocation by this hub drops it at once. */
const CACHE_MS = 5_000;
/** Last-contact times are written together, not one UPDATE per request (200+ requests a second). */
const FLUSH_MS = 1_000;

export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/** What a counter tells about itself in headers of every request (X-Loket-Outbox-Backlog, X-Loket-Pull-Stuck); absent from older counters. */
export interface CounterHealth {
  backlog?: string | undefined;
  pullStuck?: string | undefined;
}

const count = (header: string | undefined): number | null => (header !== undefined && /^\d{1,9}$/.test(header) ? Number(header) : null);

/**
 * Checks `Authorization: Bearer <counterId>.<secret>` and notes the counter's contact (with its
 * outbox backlog and its stuck pulled records, for `loket hub status`). Counters are
 * cached for a few seconds and contacts flushed once a second, so an authenticated request costs
 * no PostgreSQL round trip of its own.
 */
export class CounterAuth {
  private readonly cache = new Map<string, KnownCounter>();
  private readonly contacts = new Map<string, { at: Date; backlog: number | null; pullStuck: number | null }>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly pg: Pool) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async check(authorization: string | undefined, health: CounterHealth, now: Date): Promise<CallingCounter> {
    const match = /^Bearer ([^.\s]+)\.(\S+)$/.exec(authorization ?? '');
    if (!match) throw new HubError(401, 'hub/counter-unknown');
    const [, id, secret] = match as unknown as [string, string, string];
    const counter = await this.load(id);
    if (!counter || !timingSafeEqual(counter.secretHash, hashSecret(secret))) throw new HubError(401, 'hub/counter-unknown');
    if (counter.revoked) throw new HubError(401, 'hub/counter-revoked');
    const before = this.contacts.get(id);
    this.contacts.set(id, { at: now, backlog: count(health.backlog) ?? before?.backlog ?? null, pullStuck: count(health.pullStuck) ?? before?.pullStuck ?? null });
    return { id: counter.id, name: counter.name, offlinePrefix: counter.offlinePrefix };
  }

  /** Forget every cached counter (after an admin change, e.g. a revocation): the next requests read the database again. */
  forgetAll(): void {
    this.cache.clear();
  }

  /** Writes the pending contacts; status reads call it first so they see every request so far. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeContacts()).catch((error: unknown) => console.error(`hub: last-contact update failed: ${String(error)}`));
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeContacts(): Promise<void> {
    if (this.contacts.size === 0) return;
    const batch = [...this.contacts];
    this.contacts.clear();
    await this.pg.query(
      `UPDATE counters c SET last_contact = GREATEST(c.last_contact, u.at), outbox_backlog = COALESCE(u.backlog, c.outbox_backlog),
         pull_stuck = COALESCE(u.stuck, c.pull_stuck)
         FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[]) AS u(id, at, backlog, stuck) WHERE c.id = u.id`,
      [batch.map(([id]) => id), batch.map(([, c]) => c.at.toISOString()), batch.map(([, c]) => c.backlog), batch.map(([, c]) => c.pullStuck)],
    );
  }

  private async load(id: string): Promise<KnownCounter | null> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached;
    const { rows } = await this.pg.query<{ id: string; name: string; offline_prefix: string; secret_hash: string; revoked: boolean }>(
      'SELECT id, name, offline_prefix, secret_hash, revoked_at IS NOT NULL AS revoked FROM counters WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) {
      this.cache.delete(id);
      return null;
    }
    const counter: KnownCounter = { id: row.id, name: row.name, offlinePrefix: row.offline_prefix, secretHash: Buffer.from(row.secret_hash, 'hex'), revoked: row.revoked, loadedAt: Date.now() };
    this.cache.set(id, counter);
    return counter;
  }
}
