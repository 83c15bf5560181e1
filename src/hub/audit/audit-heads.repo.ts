import type { Pool, PoolClient } from 'pg';
import type { AuditHeadFlag, AuditHeadRequest, CounterAuditHead } from '../../shared/audit-head';

/**
 * Keeps a head and says whether it fits what the counter sent before: a seq below the highest
 * one seen means entries were cut; a seq seen before with another hash means they were rewritten.
 * One transaction per counter (an advisory lock on its id), so two rounds never race.
 */
export async function receiveAuditHead(pg: Pool, counterId: string, head: AuditHeadRequest, at: Date): Promise<AuditHeadFlag | null> {
  const client = await pg.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit-head:${counterId}`]);
    const { rows } = await client.query<{ max: string | null; other: boolean }>(
      `SELECT (SELECT max(seq) FROM audit_heads WHERE counter_id = $1) AS max,
              EXISTS (SELECT 1 FROM audit_heads WHERE counter_id = $1 AND seq = $2 AND hash <> $3) AS other`,
      [counterId, head.seq, head.hash],
    );
    const highest = rows[0]!.max === null ? null : Number(rows[0]!.max);
    const flag: AuditHeadFlag | null = rows[0]!.other ? 'hash-changed' : highest !== null && head.seq < highest ? 'seq-backwards' : null;
    await client.query('INSERT INTO audit_heads (counter_id, seq, hash, received_at, flag) VALUES ($1, $2, $3, $4, $5)', [counterId, head.seq, head.hash, at, flag]);
    await client.query('COMMIT');
    return flag;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The last head each counter sent, with its flags; for the hub's status. */
export async function lastAuditHeads(pg: Pool | PoolClient): Promise<Map<string, CounterAuditHead>> {
  const { rows } = await pg.query<{ counter_id: string; seq: string; hash: string; received_at: Date; flagged: string; last_flag: string | null }>(
    `SELECT DISTINCT ON (h.counter_id) h.counter_id, h.seq, h.hash, h.received_at,
            (SELECT count(*) FROM audit_heads f WHERE f.counter_id = h.counter_id AND f.flag IS NOT NULL) AS flagged,
            (SELECT f.flag FROM audit_heads f WHERE f.counter_id = h.counter_id AND f.flag IS NOT NULL ORDER BY f.id DESC LIMIT 1) AS last_flag
       FROM audit_heads h ORDER BY h.counter_id, h.id DESC`,
  );
  return new Map(
    rows.map((r) => [
      r.counter_id,
      { seq: Number(r.seq), hash: r.hash, receivedAt: r.received_at.toISOString(), flagged: Number(r.flagged), lastFlag: (r.last_flag as AuditHeadFlag | null) ?? null },
    ]),
  );
}

/** Whether the table exists (a hub database older than migration 006 answers without heads). */
export async function hasAuditHeads(pg: Pool | PoolClient): Promise<boolean> {
  const { rows } = await pg.query<{ t: string | null }>(`SELECT to_regclass('audit_heads')::text AS t`);
  return rows[0]?.t !== null && rows[0]?.t !== undefined;
}
