import type { Pool, PoolClient } from 'pg';
import type { AuditHeadFlag, AuditHeadRequest, CounterAuditHead, HubHeldHead } from '../../shared/audit-head';
import { HubError } from '../http/route';

/**
 * At most this many heads kept per counter in an hour. A counter sends one a minute at most
 * (AUDIT_HEAD_EVERY_MS in the core), so twice that is never met by a working counter; a
 * credential in a script's hands could otherwise grow the table without end (the rows are never
 * deleted). A head refused is sent again by the counter's next round.
 */
export const AUDIT_HEADS_PER_HOUR = 120;

/**
 * Keeps a head and says whether it fits what the counter sent before: a seq below the last one
 * means entries were cut; an anchor (the counter's hash at the seq of the last head kept,
 * shared/audit-head.ts) that is not the hash kept there means they were rewritten, or cut and
 * written again, whatever the new seq. The same head as the last one kept (a retried round)
 * adds no row. One transaction per counter (an advisory lock on its id), so two
 * rounds never race.
 */
export async function receiveAuditHead(pg: Pool, counterId: string, head: AuditHeadRequest, at: Date): Promise<AuditHeadFlag | null> {
  const client = await pg.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit-head:${counterId}`]);
    const { rows } = await client.query<{ max: string | null; other: boolean; anchored: string | null; last_seq: string | null; last_hash: string | null; last_flag: string | null }>(
      `SELECT (SELECT max(seq) FROM audit_heads WHERE counter_id = $1) AS max,
              EXISTS (SELECT 1 FROM audit_heads WHERE counter_id = $1 AND seq = $2 AND hash <> $3) AS other,
              (SELECT hash FROM audit_heads WHERE counter_id = $1 AND seq = $4 ORDER BY id DESC LIMIT 1) AS anchored,
              last.seq AS last_seq, last.hash AS last_hash, last.flag AS last_flag
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT seq, hash, flag FROM audit_heads WHERE counter_id = $1 ORDER BY id DESC LIMIT 1) last ON true`,
      [counterId, head.seq, head.hash, head.anchor?.seq ?? null],
    );
    const row = rows[0]!;
    await refuseFlood(client, counterId, at);
    const flag = head.anchor ? anchoredFlag(head, row.last_seq === null ? null : Number(row.last_seq), row.anchored) : unanchoredFlag(head, row.max === null ? null : Number(row.max), row.other);
    const repeated = row.last_seq !== null && Number(row.last_seq) === head.seq && row.last_hash === head.hash && row.last_flag === flag;
    if (!repeated) await client.query('INSERT INTO audit_heads (counter_id, seq, hash, received_at, flag) VALUES ($1, $2, $3, $4, $5)', [counterId, head.seq, head.hash, at, flag]);
    await client.query('COMMIT');
    return flag;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** 429 when the counter's AUDIT_HEADS_PER_HOUR-th latest head was kept less than an hour ago (an index walk of that many rows). */
async function refuseFlood(client: PoolClient, counterId: string, at: Date): Promise<void> {
  const { rows } = await client.query<{ received_at: Date }>('SELECT received_at FROM audit_heads WHERE counter_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1', [counterId, AUDIT_HEADS_PER_HOUR - 1]);
  const oldest = rows[0]?.received_at;
  if (oldest && at.getTime() - oldest.getTime() < 3_600_000) throw new HubError(429, 'hub/audit-head-too-often', { perHour: AUDIT_HEADS_PER_HOUR });
}

/**
 * A head tied to the last one kept (its anchor): judged against that one only, so a past that
 * changed is flagged once (a restore, a rewrite) and the heads after it, which continue the
 * changed chain, are not flagged again.
 */
function anchoredFlag(head: AuditHeadRequest, lastSeq: number | null, anchored: string | null): AuditHeadFlag | null {
  if (lastSeq === null) return null;
  if (head.seq < lastSeq) return 'seq-backwards';
  return anchored !== null && head.anchor!.hash !== anchored ? 'hash-changed' : null;
}

/** A head from an older counter (no anchor): a seq below the highest ever kept, or a kept seq with another hash. */
function unanchoredFlag(head: AuditHeadRequest, highest: number | null, otherHashAtSeq: boolean): AuditHeadFlag | null {
  if (otherHashAtSeq) return 'hash-changed';
  return highest !== null && head.seq < highest ? 'seq-backwards' : null;
}

/** The last head a counter sent (by arrival), flagged or not; null before its first. */
export async function heldAuditHead(pg: Pool | PoolClient, counterId: string): Promise<HubHeldHead['head']> {
  const { rows } = await pg.query<{ seq: string; hash: string; flag: string | null }>('SELECT seq, hash, flag FROM audit_heads WHERE counter_id = $1 ORDER BY id DESC LIMIT 1', [counterId]);
  const row = rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash, flagged: row.flag !== null } : null;
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
