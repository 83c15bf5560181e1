import { appendAudit, auditHashAt, auditHead, type AuditHead } from '../audit/audit-log.repo';
import type { Db } from './open-database';

/**
 * A restore on the restored database's own audit trail (database-restore.ts). Without a hub the
 * chain alone cannot tell a restored trail from one that never had the later entries: `verify`
 * says "utuh" for both. So the restore writes an entry at the end of the backup's trail saying
 * who restored, from which backup, and what the replaced database holds beyond it (its trail's
 * head, how many entries and registrations came after the backup) and where it was kept. A data
 * officer reading the trail sees the cut; the moved-aside folder still holds what was cut.
 */

/** What the replaced database holds beyond the backup (it stays only in the moved-aside folder). */
export interface BeyondBackup {
  /** The replaced trail's last entry (null: no trail). */
  auditHead: AuditHead | null;
  /**
   * Its entries after the backup's last one, when its trail continues the backup's (the same
   * entry at the backup's head); null when it does not: another past (an earlier restore, another
   * counter's backup), so which of its entries the backup lacks is not known by count.
   */
  auditEntries: number | null;
  /** Its registrations (visits) the backup does not hold. */
  registrations: number;
  /** The latest registration time among those. */
  lastRegistration: string | null;
}

/** Whether a database of any schema version (a backup may be old) has a table, a column. */
export const hasTable = (db: Db, name: string): boolean => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
export const hasColumn = (db: Db, table: string, column: string): boolean => db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, column) !== undefined;

/** What the replaced database `db` holds that the backup (`backup`, open read-only) does not. */
export function beyondBackupOf(db: Db, backup: Db): BeyondBackup {
  const backupHead = hasTable(backup, 'audit_log') ? auditHead(backup) : null;
  const head = hasTable(db, 'audit_log') ? auditHead(db) : null;
  const continues = backupHead === null || (head !== null && auditHashAt(db, backupHead.seq) === backupHead.hash);
  const later = visitsBeyond(db, backup);
  return {
    auditHead: head,
    auditEntries: head === null ? 0 : continues ? Math.max(0, head.seq - (backupHead?.seq ?? 0)) : null,
    registrations: later.n,
    lastRegistration: later.last,
  };
}

/**
 * The visits `db` holds that `backup` does not, by identity, never by time: a counter's register
 * holds visits pulled from other counters, each stamped by its own PC's clock, so "registered after
 * the backup's latest" neither finds this counter's later visits behind a fast clock's visit nor
 * leaves out what was pulled. A visit is known by its uid (migration 008); a backup from before
 * uids is compared by the local id, which that migration kept. Both lists are walked in key order
 * side by side (each an index scan), so a register of a million visits is not held in memory.
 */
function visitsBeyond(db: Db, backup: Db): { n: number; last: string | null } {
  if (!hasTable(db, 'visits')) return { n: 0, last: null };
  if (!hasTable(backup, 'visits')) {
    return db.prepare('SELECT count(*) AS n, max(registered_at) AS last FROM visits').get() as { n: number; last: string | null };
  }
  const key = hasColumn(db, 'visits', 'uid') && hasColumn(backup, 'visits', 'uid') ? 'uid' : 'id';
  const theirs = (backup.prepare(`SELECT ${key} FROM visits ORDER BY ${key}`).pluck().iterate() as Iterator<string | number>);
  let other = theirs.next();
  let n = 0;
  let last: string | null = null;
  for (const row of db.prepare(`SELECT ${key} AS k, registered_at AS at FROM visits ORDER BY ${key}`).iterate() as Iterable<{ k: string | number; at: string }>) {
    while (!other.done && other.value < row.k) other = theirs.next();
    if (!other.done && other.value === row.k) continue;
    n += 1;
    if (last === null || row.at > last) last = row.at;
  }
  theirs.return?.();
  return { n, last };
}

export interface RestoreRecord {
  at: Date;
  /** Who ran the restore (`cli:<os user>`). */
  actor: string;
  /** The backup's main file. */
  from: string;
  /** When the backup file was last written. */
  backupTime: string;
  /** The folder the replaced database was moved into (null: there was none). */
  aside: string | null;
  /** What could be read of the replaced database: 'none', 'unreadable', or what it holds beyond the backup. */
  replaced: 'none' | 'unreadable' | BeyondBackup;
  forced: boolean;
}

/** The `restore` entry, appended to the checked copy before it is put in place: its seq; null for a backup from before the trail (schema 11). */
export function recordRestore(db: Db, record: RestoreRecord): number | null {
  if (!hasTable(db, 'audit_log')) return null;
  const backupSeq = auditHead(db)?.seq ?? 0;
  const replaced = typeof record.replaced === 'string' ? null : record.replaced;
  return appendAudit(db, {
    at: record.at.toISOString(),
    actor: record.actor,
    action: 'restore',
    subject: null,
    detail: {
      from: record.from,
      backupTime: record.backupTime,
      backupSeq,
      aside: record.aside,
      replaced: typeof record.replaced === 'string' ? record.replaced : 'read',
      replacedSeq: replaced?.auditHead?.seq ?? null,
      replacedHash: replaced?.auditHead?.hash ?? null,
      setAside: replaced ? replaced.auditEntries : null,
      registrationsSetAside: replaced?.registrations ?? null,
      forced: record.forced,
    },
  }).seq;
}
