import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { queueHighName } from '../visits/visits';
import { openRaw, type FileOptions } from './cipher-files';
import { databaseFileState } from './database-key';
import type { Db } from './open-database';
import type { ReplacedFacts } from './restore-checks';
import { beyondBackupOf, hasColumn, hasTable, type BeyondBackup } from './restore-record';

/**
 * What `loket restore` must know of the database it replaces (database-restore.ts), read from a
 * copy so the replaced files stay exactly as they were (a -wal an unclean stop left is folded into
 * the copy only): whether it is enrolled at the facility hub, what it has not sent there yet, and
 * the highest numbers it has given, which the restored backup may not know.
 *
 * The numbers carried into the restored database, so the counter never gives one again:
 *   - `sequences`: the island RM sequence (`mrn`), the offline RM sequence (`mrn-offline`) and
 *     numbers carried by an earlier restore, each the higher of the two files;
 *   - per day and queue prefix, the highest number a visit holds or a move gave or left, kept as a
 *     `sequences` row (visits.ts, queueHighName) where the backup's own is lower;
 *   - the RM blocks the hub reserved (`mrn_blocks`, their `next`), when both files are the same
 *     enrolment (a block belongs to the counter the hub gave it to).
 * The sync cursor is never carried: the restored file must pull again what it lacks.
 */
export interface PreviousDatabase {
  enrolled: boolean;
  counterId: string | null;
  /** Outbox entries: changes not yet accepted by the hub. */
  unsent: number;
  /** Of those, new visits (registrations). */
  unsentRegistrations: number;
  sequences: { name: string; value: number }[];
  queueHighs: { serviceDate: string; prefix: string; no: number }[];
  mrnBlocks: { first: number; last: number; next: number }[];
  /** What it holds beyond the backup: audit entries and registrations (restore-record.ts). */
  beyond: BeyondBackup;
}

/**
 * The database's main file (with its -wal) copied into `folder` and read, and compared with the
 * backup (open read-only); null when it cannot be opened with any key at hand.
 */
export function readPreviousDatabase(dbPath: string, folder: string, keys: (string | undefined)[], options: FileOptions, backup: Db): PreviousDatabase | null {
  if (!existsSync(dbPath)) return null;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const copy = join(folder, 'previous.db');
  try {
    copyFileSync(dbPath, copy);
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    const state = databaseFileState(copy);
    if (state === 'foreign' || state === 'empty' || state === 'missing') return null;
    const candidates = state === 'plain' ? [undefined] : keys.filter((key): key is string => typeof key === 'string' && key !== '');
    for (const key of candidates) {
      let db: Db;
      try {
        db = openRaw(copy, key, options);
      } catch {
        continue;
      }
      try {
        return { ...readNumbers(db), beyond: beyondBackupOf(db, backup) };
      } catch {
        return null; // opens but is damaged: as good as unreadable
      } finally {
        db.close();
      }
    }
    return null;
  } catch (error) {
    // No room for the copy is no reason to skip the refusals: the restore stops, nothing changed.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw error;
    return null; // an unreadable disk: the restore is what mends it
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The sync state of a database: enrolled or not, under which counter id (false/null before migration 008). */
export function enrolmentOf(db: Db): { enrolled: boolean; counterId: string | null } {
  if (!hasTable(db, 'sync_state')) return { enrolled: false, counterId: null };
  const row = db.prepare('SELECT enrolled, counter_id AS counterId FROM sync_state WHERE id = 1').get() as { enrolled: number; counterId: string | null } | undefined;
  return { enrolled: row?.enrolled === 1, counterId: row?.counterId ?? null };
}

/** Enrolment and what the hub has not received yet: what refuses a restore unless forced (restore-checks.ts). */
export function replacedFactsOf(db: Db): ReplacedFacts & { counterId: string | null } {
  const outbox = hasTable(db, 'outbox')
    ? (db.prepare(`SELECT count(*) AS unsent, coalesce(sum(kind = 'visit'), 0) AS registrations FROM outbox`).get() as { unsent: number; registrations: number })
    : { unsent: 0, registrations: 0 };
  return { ...enrolmentOf(db), unsent: outbox.unsent, unsentRegistrations: outbox.registrations };
}

function readNumbers(db: Db): Omit<PreviousDatabase, 'beyond'> {
  return {
    ...replacedFactsOf(db),
    sequences: hasTable(db, 'sequences') ? (db.prepare('SELECT name, value FROM sequences').all() as { name: string; value: number }[]) : [],
    queueHighs: queueHighs(db),
    mrnBlocks: hasTable(db, 'mrn_blocks') ? (db.prepare('SELECT first, last, next FROM mrn_blocks').all() as PreviousDatabase['mrnBlocks']) : [],
  };
}

/** The highest number per day and prefix that visits hold and moves gave or left (as nextLocalNumber counts them). */
function queueHighs(db: Db): PreviousDatabase['queueHighs'] {
  if (!hasTable(db, 'visits')) return [];
  const moves = hasTable(db, 'visit_moves') && hasColumn(db, 'visit_moves', 'to_service_date')
    ? `UNION ALL SELECT from_service_date, from_prefix, from_no FROM visit_moves
       UNION ALL SELECT to_service_date, to_prefix, to_no FROM visit_moves`
    : '';
  return db
    .prepare(
      `SELECT d AS serviceDate, p AS prefix, max(n) AS no FROM (
         SELECT service_date AS d, queue_prefix AS p, queue_no AS n FROM visits ${moves}
       ) GROUP BY d, p`,
    )
    .all() as PreviousDatabase['queueHighs'];
}

/**
 * The previous database's numbers carried into the restored one (still the checked copy, before
 * it is put in place): each sequence and queue number only ever goes up. True when anything was
 * higher there.
 */
export function carryNumbers(db: Db, previous: PreviousDatabase): boolean {
  if (!hasTable(db, 'sequences')) return false; // a backup from before migration 002 holds no visits to number after
  let carried = 0;
  db.transaction(() => {
    const raise = db.prepare('INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value WHERE excluded.value > value');
    for (const { name, value } of previous.sequences) carried += raise.run(name, value).changes;
    const own = new Map(queueHighs(db).map((h) => [`${h.serviceDate}\u0000${h.prefix}`, h.no]));
    for (const high of previous.queueHighs) {
      if ((own.get(`${high.serviceDate}\u0000${high.prefix}`) ?? 0) >= high.no) continue;
      carried += raise.run(queueHighName(high.serviceDate, high.prefix), high.no).changes;
    }
    const here = enrolmentOf(db);
    if (hasTable(db, 'mrn_blocks') && here.enrolled && here.counterId !== null && here.counterId === previous.counterId) {
      const block = db.prepare('INSERT INTO mrn_blocks (first, last, next) VALUES (?, ?, ?) ON CONFLICT(first) DO UPDATE SET next = excluded.next WHERE excluded.next > next');
      for (const { first, last, next } of previous.mrnBlocks) carried += block.run(first, last, next).changes;
    }
  })();
  return carried > 0;
}
