import { createHash, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { decodeListNames } from '../../shared/edition-report';
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

/** What a counter tells about itself in headers of every request (X-Loket-Outbox-Backlog, X-Loket-Outbox-Rejected, X-Loket-Pull-Stuck, X-Loket-Clock, X-Loket-Editions-*); absent from older counters. */
export interface CounterHealth {
  backlog?: string | undefined;
  /** Ops the counter set aside because the hub refused them. */
  rejected?: string | undefined;
  pullStuck?: string | undefined;
  /** How far the counter's clock is ahead of the hub's, in seconds (clockAheadSeconds of its X-Loket-Clock); null: not said. */
  clockAhead?: number | null;
  /** X-Loket-Editions-Unreadable and X-Loket-Editions-Set-Aside as sent (src/shared/edition-report.ts). */
  editionsUnreadable?: string | undefined;
  editionsSetAside?: string | undefined;
  /** X-Loket-Time-Zone: the zone the counter files its visits under. */
  timeZone?: string | undefined;
}

const count = (header: string | undefined): number | null => (header !== undefined && /^\d{1,9}$/.test(header) ? Number(header) : null);
/** A zone name as an IANA name looks ("Asia/Jakarta"); anything else is not kept. */
const zone = (header: string | undefined): string | null => (header !== undefined && /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(header) ? header : null);

/** Seconds that fit the `counters.clock_ahead_s` column (int): a clock set to 1970 or 2100 is still said, just capped. */
const MAX_AHEAD_S = 2_000_000_000;

/**
 * How far the counter's clock (X-Loket-Clock, ms since 1970) is ahead of the hub's at `now`, in
 * whole seconds (negative: behind); null when the counter did not say (an older version) or sent
 * no number. The request's time on the wire (milliseconds on a LAN) counts as the counter's delay.
 */
export function clockAheadSeconds(header: string | undefined, now: Date): number | null {
  if (header === undefined || !/^\d{1,16}$/.test(header)) return null;
  const ahead = Math.round((Number(header) - now.getTime()) / 1000);
  return Math.max(-MAX_AHEAD_S, Math.min(MAX_AHEAD_S, ahead));
}

/**
 * Checks `Authorization: Bearer <counterId>.<secret>` and notes the counter's contact (with its
 * outbox backlog, its stuck pulled records and how far off its clock is, for `loket hub status`). Counters are
 * cached for a few seconds and contacts flushed once a second, so an authenticated request costs
 * no PostgreSQL round trip of its own.
 */
export class CounterAuth {
  private readonly cache = new Map<string, KnownCounter>();
  private readonly contacts = new Map<
    string,
    { at: Date; backlog: number | null; rejected: number | null; pullStuck: number | null; clockAhead: number | null; unreadable: string[] | null; setAside: string[] | null; timeZone: string | null }
  >();
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
    this.contacts.set(id, {
      at: now,
      backlog: count(health.backlog) ?? before?.backlog ?? null,
      rejected: count(health.rejected) ?? before?.rejected ?? null,
      pullStuck: count(health.pullStuck) ?? before?.pullStuck ?? null,
      clockAhead: health.clockAhead ?? before?.clockAhead ?? null,
      unreadable: decodeListNames(health.editionsUnreadable) ?? before?.unreadable ?? null,
      setAside: decodeListNames(health.editionsSetAside) ?? before?.setAside ?? null,
      timeZone: zone(health.timeZone) ?? before?.timeZone ?? null,
    });
    return { id: counter.id, name: counter.name, offlinePrefix: counter.offlinePrefix, clockAhead: health.clockAhead ?? null, timeZone: zone(health.timeZone) };
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
         pull_stuck = COALESCE(u.stuck, c.pull_stuck), clock_ahead_s = COALESCE(u.clock_ahead, c.clock_ahead_s), outbox_rejected = COALESCE(u.rejected, c.outbox_rejected),
         editions_unreadable = COALESCE(u.unreadable::jsonb, c.editions_unreadable), editions_set_aside = COALESCE(u.set_aside::jsonb, c.editions_set_aside),
         time_zone = COALESCE(u.time_zone, c.time_zone)
         FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[]) AS u(id, at, backlog, stuck, clock_ahead, rejected, unreadable, set_aside, time_zone) WHERE c.id = u.id`,
      [
        batch.map(([id]) => id),
        batch.map(([, c]) => c.at.toISOString()),
        batch.map(([, c]) => c.backlog),
        batch.map(([, c]) => c.pullStuck),
        batch.map(([, c]) => c.clockAhead),
        batch.map(([, c]) => c.rejected),
        batch.map(([, c]) => (c.unreadable === null ? null : JSON.stringify(c.unreadable))),
        batch.map(([, c]) => (c.setAside === null ? null : JSON.stringify(c.setAside))),
        batch.map(([, c]) => c.timeZone),
      ],
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
