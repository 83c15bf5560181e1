import type { AuditDetail, AuditEntryView } from '../../shared/audit';
import type { Db } from '../store/open-database';
import { statement } from '../store/statements';
import { GENESIS_HASH, canonicalJson, entryHash, type ChainFields, type ChainedEntry } from './chain';

/** What a caller records; the seq, the previous hash and the hash are the log's. */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  subject?: string | null;
  detail?: AuditDetail;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

interface Row extends ChainFields {
  prev_hash: string;
  hash: string;
}

const LAST = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
const INSERT = 'INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Appends one entry: reads the head and writes behind it in one IMMEDIATE transaction, so two
 * processes on the same database (the app and the `loket` command) never chain onto the same
 * head. Two prepared statements and one SHA-256.
 *
 * `relaxed`: committed without waiting for the disk (synchronous = NORMAL for this commit only).
 * The main database syncs every commit (FULL), which costs milliseconds on a counter's disk: a
 * look-up must not wait for that. Such an entry is on disk at the next synced commit or WAL
 * checkpoint; a power cut in between can lose it, never break the chain (WAL keeps commits whole
 * and in order).
 */
export function appendAudit(db: Db, record: AuditRecord, options: { relaxed?: boolean } = {}): AuditHead {
  if (!options.relaxed) return appendNow(db, record);
  const previous = db.pragma('synchronous', { simple: true }) as number;
  if (previous <= 1) return appendNow(db, record);
  db.pragma('synchronous = NORMAL');
  try {
    return appendNow(db, record);
  } finally {
    db.pragma(`synchronous = ${previous}`);
  }
}

function appendNow(db: Db, record: AuditRecord): AuditHead {
  const write = db.transaction((): AuditHead => {
    const last = statement(db, LAST).get() as AuditHead | undefined;
    const fields = {
      seq: (last?.seq ?? 0) + 1,
      at: record.at,
      actor: record.actor,
      action: record.action,
      subject: record.subject ?? null,
      detail: canonicalJson(record.detail ?? {}),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, fields);
    statement(db, INSERT).run(fields.seq, fields.at, fields.actor, fields.action, fields.subject, fields.detail, prevHash, hash);
    return { seq: fields.seq, hash };
  });
  return write.immediate();
}

export function auditHead(db: Db): AuditHead | null {
  return (statement(db, LAST).get() as AuditHead | undefined) ?? null;
}

/** The hash of the entry at seq (null when there is none). */
export function auditHashAt(db: Db, seq: number): string | null {
  return (statement(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;
}

/** Every entry in seq order, one at a time (verify reads a long trail without holding it). */
export function* chainEntries(db: Db): Generator<ChainedEntry> {
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<Row>) {
    yield { seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, detail: row.detail, prevHash: row.prev_hash, hash: row.hash };
  }
}

export interface AuditFilter {
  /** UTC instants: at >= fromAt and at < toAt. */
  fromAt?: string;
  toAt?: string;
  actor?: string;
  action?: string;
  /** Any of these subjects. */
  subjects?: string[];
  /** Entries whose normalized query is this (digits of a NIK or card). */
  queryKey?: string;
  before?: number;
  limit: number;
}

/** Newest first. Subjects and query key are alternatives (OR): "this person, by record or by what was typed". */
export function readAudit(db: Db, filter: AuditFilter): AuditEntryView[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (filter.fromAt) add('at >= ?', filter.fromAt);
  if (filter.toAt) add('at < ?', filter.toAt);
  if (filter.actor) add('actor = ?', filter.actor);
  if (filter.action) add('action = ?', filter.action);
  if (filter.before) add('seq < ?', filter.before);
  if (filter.subjects !== undefined || filter.queryKey !== undefined) {
    const subjects = filter.subjects ?? [];
    const either = [
      ...(subjects.length > 0 ? [`subject IN (${subjects.map(() => '?').join(', ')})`] : []),
      ...(filter.queryKey ? [`json_extract(detail, '$.queryKey') = ?`] : []),
    ];
    add(either.length > 0 ? `(${either.join(' OR ')})` : '0', ...subjects, ...(filter.queryKey ? [filter.queryKey] : []));
  }
  const sql = `SELECT seq, at, actor, action, subject, detail FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...params, filter.limit) as Omit<Row, 'prev_hash' | 'hash'>[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, detail: JSON.parse(r.detail) as AuditDetail }));
}

/** The heads the hub acknowledged, oldest first. */
export function ackedHeads(db: Db): AuditHead[] {
  return db.prepare('SELECT seq, hash FROM audit_heads ORDER BY seq').all() as AuditHead[];
}

export function lastAckedHead(db: Db): AuditHead | null {
  return (db.prepare('SELECT seq, hash FROM audit_heads ORDER BY seq DESC LIMIT 1').get() as AuditHead | undefined) ?? null;
}

/** Keeps a head the hub acknowledged (once per seq). */
export function keepAckedHead(db: Db, head: AuditHead, at: string): void {
  db.prepare('INSERT OR IGNORE INTO audit_heads (seq, hash, acked_at) VALUES (?, ?, ?)').run(head.seq, head.hash, at);
}
