import type { Db } from '../store/open-database';
import { QUEUE_CLOCK_TOLERANCE_S, queueOrderTime } from '../../shared/queue-clock';
import { queueHistory } from './history';

/** Where this counter stands with its hub (one row, see migration 008). */
export interface SyncState {
  enrolled: boolean;
  /** The last hub revision applied: the next pull asks for what came after. */
  cursor: number;
  counterId: string | null;
  /** The prefix this counter numbers with (record and queue numbers) while it cannot reach the hub. */
  offlinePrefix: string | null;
  /** The hub register's epoch the cursor points into (sent with each pull); null before the first pull that named one. */
  registerEpoch: string | null;
}

interface SyncStateRow {
  enrolled: number;
  cursor: number;
  counterId: string | null;
  offlinePrefix: string | null;
  registerEpoch: string | null;
}

export function syncState(db: Db): SyncState {
  const row = db
    .prepare('SELECT enrolled, cursor, counter_id AS counterId, offline_prefix AS offlinePrefix, register_epoch AS registerEpoch FROM sync_state WHERE id = 1')
    .get() as SyncStateRow;
  return { enrolled: row.enrolled === 1, cursor: row.cursor, counterId: row.counterId, offlinePrefix: row.offlinePrefix, registerEpoch: row.registerEpoch };
}

/** The enrolled counter's offline prefix; null when the counter works alone (not enrolled). */
export function enrolledOfflinePrefix(db: Db): string | null {
  const state = syncState(db);
  return state.enrolled ? state.offlinePrefix : null;
}

export function setCursor(db: Db, cursor: number): void {
  db.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

/** The hub's current register epoch, as its pull answered (the counter's lineage was known there). */
export function setRegisterEpoch(db: Db, epoch: string): void {
  db.prepare('UPDATE sync_state SET register_epoch = ? WHERE id = 1').run(epoch);
}

/**
 * The hub's clock minus this computer's, in seconds, as the last sync round saw it, when more than
 * the queue's tolerance apart; null otherwise (or never synced). This counter's own visits are put
 * in the hub's order of arrival with it (visits.queue_at; src/shared/queue-clock.ts).
 */
export function hubClockAheadS(db: Db): number | null {
  return (db.prepare('SELECT hub_clock_ahead_s FROM sync_state WHERE id = 1').pluck().get() as number | null | undefined) ?? null;
}

/**
 * An instant of this computer's clock (a registration, a call) on the hub's, from the last
 * difference seen; null when within the tolerance or not known (the time as written stands).
 */
export function onHubClock(db: Db, at: string): string | null {
  const hubAhead = hubClockAheadS(db);
  return hubAhead === null ? null : queueOrderTime(at, -hubAhead);
}

/** Written after every round that got through, from the hub's `Date` header (offsetMs: the hub's clock minus this one's). */
export function setHubClockAhead(db: Db, offsetMs: number | null | undefined): void {
  const seconds = typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? Math.round(offsetMs / 1000) : null;
  const kept = seconds !== null && Math.abs(seconds) > QUEUE_CLOCK_TOLERANCE_S ? seconds : null;
  if (kept !== hubClockAheadS(db)) db.prepare('UPDATE sync_state SET hub_clock_ahead_s = ? WHERE id = 1').run(kept);
}

/**
 * The counter is enrolled (enroll.ts received the hub's answer). From now on the triggers record
 * every change; the first time, every record already here is queued too (history.ts), so the
 * counter's history reaches the hub. Enrolling again (`loket enroll --again`, a new credential)
 * only updates the ids: at another hub the first pull finds the register epoch unknown and the
 * history is sent then (resend-history.ts).
 */
export function markEnrolled(db: Db, enrolment: { counterId: string; offlinePrefix: string }): void {
  db.transaction(() => {
    const wasEnrolled = syncState(db).enrolled;
    db.prepare('UPDATE sync_state SET enrolled = 1, counter_id = ?, offline_prefix = ? WHERE id = 1').run(enrolment.counterId, enrolment.offlinePrefix);
    if (!wasEnrolled) queueHistory(db, { visitChanges: false });
  }).immediate();
}
