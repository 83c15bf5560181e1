import { join } from 'node:path';
import { DEFAULT_SETTINGS, type CounterSettings } from '../../../src/shared/settings';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { markEnrolled } from '../../../src/core/sync/sync-state.repo';

export const SETTINGS: CounterSettings = DEFAULT_SETTINGS;
export const NOW = new Date('2026-11-30T02:00:00Z');
export const TODAY = '2026-11-30';

/** A counter's database in a real SQLite file. */
export function openCounterDb(dir: string, name = 'loket.db'): Db {
  return openDatabase(join(dir, name));
}

export function enrolledCounterDb(dir: string, offlinePrefix = 'K1', name = 'loket.db'): Db {
  const db = openCounterDb(dir, name);
  markEnrolled(db, { counterId: `counter-${offlinePrefix}`, offlinePrefix });
  return db;
}

/** The outbox as [kind, row id] in order. */
export function outboxEntries(db: Db): [string, number][] {
  return (db.prepare('SELECT kind, row_id AS rowId FROM outbox ORDER BY seq').all() as { kind: string; rowId: number }[]).map((r) => [r.kind, r.rowId]);
}

/** Runs a write and answers the outbox entries it appended. */
export function opsOf(db: Db, write: () => unknown): [string, number][] {
  const before = (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM outbox').get() as { s: number }).s;
  write();
  return (db.prepare('SELECT kind, row_id AS rowId FROM outbox WHERE seq > ? ORDER BY seq').all(before) as { kind: string; rowId: number }[]).map((r) => [r.kind, r.rowId]);
}

export const later = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000);
