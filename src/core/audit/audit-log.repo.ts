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
/** The index of the people a look-up showed (migration 013): one row per key of the entry's `persons`. */
const INSERT_PERSON = 'INSERT OR IGNORE INTO audit_person_keys (key, seq) VALUES (?, ?)';

/**
 * WAL pages a relaxed commit may leave before it checkpoints itself. A look-up's entry writes
 * about six pages (the row and its five indexes), so at SQLite's default of 1,000 every ~170th
 * look-up copied the whole WAL into the file and synced it: p99 of an audited look-up 0.9 ms
 * instead of 0.3. The synced commits (a registration, which waits for the disk anyway) and the
 * core's idle checkpoint (store/idle-checkpoint.ts) do that work instead; this is only the
 * ceiling for a counter that looks up all day and never registers (16 MB of WAL).
 */
export const RELAXED_CHECKPOINT_PAGES = 4000;

/** Look-up entries waiting for the end of their call's turn, at most; more are written at once. */
const MAX_WAITING = 64;

/**
 * Appends one entry now: reads the head and writes behind it in one IMMEDIATE transaction, so
 * two processes on the same database (the app and the `loket` command) never chain onto the same
 * head. Entries that `appendAuditSoon` holds for this connection are written first, in order.
 *
 * `relaxed`: committed without waiting for the disk (synchronous = NORMAL for this commit only)
 * and without a checkpoint unless the WAL passed RELAXED_CHECKPOINT_PAGES. The main database
 * syncs every commit (FULL), which costs milliseconds on a counter's disk: a look-up must not
 * wait for that. Such an entry is on disk at the next synced commit or WAL checkpoint; a power
 * cut in between can lose it, never break the chain (WAL keeps commits whole and in order).
 */
export function appendAudit(db: Db, record: AuditRecord, options: { relaxed?: boolean } = {}): AuditHead {
  flushAudit(db);
  return write(db, [record], options.relaxed ?? false);
}

/**
 * Appends a look-up's entry once the call that made it has answered: written at the end of the
 * event loop's turn (setImmediate), so the clerk does not wait for its pages to be encrypted and
 * written (p50 ~0.1 ms, p99 ~0.3 ms on an encrypted database). A burst goes in one transaction.
 * Order is kept: any other append, any read of the trail and `flushAudit` (the core's close) write
 * the waiting entries first. Relaxed, as above; a crash in the moment between the answer and the
 * write loses the entry as a power cut would.
 */
export function appendAuditSoon(db: Db, record: AuditRecord): void {
  const queue = waitingOf(db);
  queue.records.push(record);
  if (queue.records.length >= MAX_WAITING) flushAudit(db);
  else if (!queue.scheduled) {
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      try {
        flushAudit(db);
      } catch (error) {
        console.error(`audit: look-ups not recorded: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
}

/** Writes the entries `appendAuditSoon` holds for this connection (none when it is closed). */
export function flushAudit(db: Db): void {
  if (!db.open) return;
  const waiting = takeWaiting(db);
  if (waiting.length > 0) write(db, waiting, true);
}

interface Waiting {
  records: AuditRecord[];
  scheduled: boolean;
}

const waitingByDb = new WeakMap<Db, Waiting>();

function waitingOf(db: Db): Waiting {
  let queue = waitingByDb.get(db);
  if (!queue) waitingByDb.set(db, (queue = { records: [], scheduled: false }));
  return queue;
}

function takeWaiting(db: Db): AuditRecord[] {
  const queue = waitingByDb.get(db);
  if (!queue || queue.records.length === 0) return [];
  const records = queue.records;
  queue.records = [];
  return records;
}

function write(db: Db, records: AuditRecord[], relaxed: boolean): AuditHead {
  // Inside a caller's transaction (an entry written with the change it records: a pull from the
  // hub) SQLite refuses to change the safety level, and the commit is the caller's anyway.
  if (!relaxed || db.inTransaction) return appendNow(db, records);
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const checkpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (synchronous > 1) db.pragma('synchronous = NORMAL');
  if (checkpointPages > 0) db.pragma(`wal_autocheckpoint = ${Math.max(checkpointPages, RELAXED_CHECKPOINT_PAGES)}`);
  try {
    return appendNow(db, records);
  } finally {
    if (synchronous > 1) db.pragma(`synchronous = ${synchronous}`);
    if (checkpointPages > 0) db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
  }
}

function appendNow(db: Db, records: AuditRecord[]): AuditHead {
  const writeAll = db.transaction((): AuditHead => {
    let head = statement(db, LAST).get() as AuditHead | undefined;
    for (const record of records) {
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        at: record.at,
        actor: record.actor,
        action: record.action,
        subject: record.subject ?? null,
        detail: canonicalJson(record.detail ?? {}),
      };
      const prevHash = head?.hash ?? GENESIS_HASH;
      const hash = entryHash(prevHash, fields);
      statement(db, INSERT).run(fields.seq, fields.at, fields.actor, fields.action, fields.subject, fields.detail, prevHash, hash);
      const persons = record.detail?.persons;
      if (Array.isArray(persons)) for (const key of persons) statement(db, INSERT_PERSON).run(key, fields.seq);
      head = { seq: fields.seq, hash };
    }
    return head!;
  });
  return writeAll.immediate();
}

export function auditHead(db: Db): AuditHead | null {
  flushAudit(db);
  return (statement(db, LAST).get() as AuditHead | undefined) ?? null;
}

/** The hash of the entry at seq (null when there is none). */
export function auditHashAt(db: Db, seq: number): string | null {
  flushAudit(db);
  return (statement(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;
}

/** Every entry in seq order, one at a time (verify reads a long trail without holding it). */
export function* chainEntries(db: Db): Generator<ChainedEntry> {
  flushAudit(db);
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
  /**
   * A person's NIK and card numbers (digits, card padded to 13): entries whose query was one of
   * them, and look-ups whose answer showed one of them (`persons`, indexed in audit_person_keys).
   */
  personKeys?: string[];
  before?: number;
  limit: number;
}

/** Newest first. Subjects and person keys are alternatives (OR): "this person, by record, by what was typed or by what was shown". */
export function readAudit(db: Db, filter: AuditFilter): AuditEntryView[] {
  flushAudit(db);
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
  if (filter.subjects !== undefined || filter.personKeys !== undefined) {
    const subjects = filter.subjects ?? [];
    const keys = filter.personKeys ?? [];
    const list = (values: readonly string[]): string => values.map(() => '?').join(', ');
    const either = [
      ...(subjects.length > 0 ? [`subject IN (${list(subjects)})`] : []),
      ...(keys.length > 0 ? [`json_extract(detail, '$.queryKey') IN (${list(keys)})`, `seq IN (SELECT seq FROM audit_person_keys WHERE key IN (${list(keys)}))`] : []),
    ];
    add(either.length > 0 ? `(${either.join(' OR ')})` : '0', ...subjects, ...keys, ...keys);
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
