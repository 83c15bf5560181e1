import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { entryHash, GENESIS_HASH } from '../../../src/core/audit/chain';

/**
 * What an attacker holding the database key can do: drop the append-only triggers, then change,
 * delete or reorder entries, or rebuild the whole chain so that it is consistent again.
 */
export function tamper(dbPath: string, change: (db: Db) => void): void {
  const db = openDatabase(dbPath);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    change(db);
  } finally {
    db.close();
  }
}

export const editEntry = (seq: number, actor: string) => (db: Db): void => {
  db.prepare('UPDATE audit_log SET actor = ? WHERE seq = ?').run(actor, seq);
};

export const deleteEntry = (seq: number) => (db: Db): void => {
  db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
};

/** Exchanges two entries' contents (hashes included), each keeping its place. */
export const swapEntries = (a: number, b: number) => (db: Db): void => {
  const row = (seq: number) => db.prepare('SELECT at, actor, action, subject, detail, prev_hash, hash FROM audit_log WHERE seq = ?').get(seq) as Record<string, string | null>;
  const [ra, rb] = [row(a), row(b)];
  const put = db.prepare('UPDATE audit_log SET at = @at, actor = @actor, action = @action, subject = @subject, detail = @detail, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq');
  put.run({ ...rb, seq: a });
  put.run({ ...ra, seq: b });
};

export const truncateAfter = (seq: number) => (db: Db): void => {
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(seq);
};

/** Changes an entry and recomputes every hash from it on: the chain alone looks whole again. */
export const rewriteFrom = (seq: number, actor: string) => (db: Db): void => {
  db.prepare('UPDATE audit_log SET actor = ? WHERE seq = ?').run(actor, seq);
  const rows = db.prepare('SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq').all() as { seq: number; at: string; actor: string; action: string; subject: string | null; detail: string }[];
  let prev = GENESIS_HASH;
  const put = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const r of rows) {
    const hash = entryHash(prev, r);
    put.run(prev, hash, r.seq);
    prev = hash;
  }
};
