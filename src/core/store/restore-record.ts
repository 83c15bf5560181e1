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

/** Where the backup's trail and register end: what the replaced database is compared with. */
export interface BackupMarks {
  auditHead: AuditHead | null;
  lastRegistration: string | null;
}

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
  /** Its registrations after the backup's last one. */
  registrations: number;
  lastRegistration: string | null;
}

const hasTable = (db: Db, name: string): boolean => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

export function backupMarksOf(db: Db): BackupMarks {
  return {
    auditHead: hasTable(db, 'audit_log') ? auditHead(db) : null,
    lastRegistration: hasTable(db, 'visits') ? ((db.prepare('SELECT max(registered_at) FROM visits').pluck().get() as string | null) ?? null) : null,
  };
}

export function beyondBackupOf(db: Db, marks: BackupMarks): BeyondBackup {
  const head = hasTable(db, 'audit_log') ? auditHead(db) : null;
  const backupSeq = marks.auditHead?.seq ?? 0;
  const continues = marks.auditHead === null || (head !== null && auditHashAt(db, marks.auditHead.seq) === marks.auditHead.hash);
  const later = hasTable(db, 'visits')
    ? (db.prepare('SELECT count(*) AS n, max(registered_at) AS last FROM visits WHERE registered_at > ?').get(marks.lastRegistration ?? '') as { n: number; last: string | null })
    : { n: 0, last: null };
  return {
    auditHead: head,
    auditEntries: head === null ? 0 : continues ? Math.max(0, head.seq - backupSeq) : null,
    registrations: later.n,
    lastRegistration: later.last,
  };
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
