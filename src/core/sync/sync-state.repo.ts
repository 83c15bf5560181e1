import type { Db } from '../store/open-database';
import { SQL_NOW, SQL_UUID7 } from './uuid';

/** Where this counter stands with its hub (one row, see migration 008). */
export interface SyncState {
  enrolled: boolean;
  /** The last hub revision applied: the next pull asks for what came after. */
  cursor: number;
  counterId: string | null;
  /** The prefix this counter numbers with (record and queue numbers) while it cannot reach the hub. */
  offlinePrefix: string | null;
}

interface SyncStateRow {
  enrolled: number;
  cursor: number;
  counterId: string | null;
  offlinePrefix: string | null;
}

export function syncState(db: Db): SyncState {
  const row = db.prepare('SELECT enrolled, cursor, counter_id AS counterId, offline_prefix AS offlinePrefix FROM sync_state WHERE id = 1').get() as SyncStateRow;
  return { enrolled: row.enrolled === 1, cursor: row.cursor, counterId: row.counterId, offlinePrefix: row.offlinePrefix };
}

/** The enrolled counter's offline prefix; null when the counter works alone (not enrolled). */
export function enrolledOfflinePrefix(db: Db): string | null {
  const state = syncState(db);
  return state.enrolled ? state.offlinePrefix : null;
}

export function setCursor(db: Db, cursor: number): void {
  db.prepare('UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

/**
 * Dependency order: a record's parents reach the hub before it (a visit names its patient, a
 * follow-up, print or re-check its visit).
 */
const HISTORY: readonly { table: string; kind: string }[] = [
  { table: 'patients', kind: 'patient' },
  { table: 'visits', kind: 'visit' },
  { table: 'follow_ups', kind: 'followUp' },
  { table: 'print_log', kind: 'print' },
  { table: 'rechecks', kind: 'recheck' },
];

/**
 * The counter is enrolled (enroll.ts received the hub's answer). From now on the triggers record
 * every change; the first time, every record already here is queued too, so the counter's history
 * reaches the hub. Enrolling again (a new credential) only updates the ids.
 */
export function markEnrolled(db: Db, enrolment: { counterId: string; offlinePrefix: string }): void {
  db.transaction(() => {
    const wasEnrolled = syncState(db).enrolled;
    db.prepare('UPDATE sync_state SET enrolled = 1, counter_id = ?, offline_prefix = ? WHERE id = 1').run(enrolment.counterId, enrolment.offlinePrefix);
    if (wasEnrolled) return;
    for (const { table, kind } of HISTORY) {
      db.prepare(`INSERT INTO outbox (op_id, kind, row_id, at) SELECT ${SQL_UUID7}, '${kind}', id, ${SQL_NOW} FROM ${table} WHERE id NOT IN (SELECT row_id FROM outbox WHERE kind = '${kind}') ORDER BY id`).run();
    }
  }).immediate();
}
