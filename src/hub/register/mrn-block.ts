import type { Pool } from 'pg';
import type { MrnBlockResponse } from '../../shared/hub-protocol';

/**
 * Reserves `size` consecutive RM sequence values for a counter, which formats them with the
 * facility's mrnFormat as it registers new patients (offline too). One statement: the row lock of
 * mrn_sequence makes concurrent reservations take disjoint ranges, and the block is recorded.
 * The block begins at the facility's first sequence number (`mrnStart`, numbers after a paper
 * era's) at the least: a start raised moves the sequence forward, one lowered changes nothing.
 */
export async function reserveMrnBlock(pool: Pool, counterId: string, size: number, now: Date = new Date()): Promise<MrnBlockResponse> {
  const { rows } = await pool.query<{ first: string; last: string }>(
    `WITH start AS (SELECT coalesce((SELECT (json->>'mrnStart')::bigint FROM facility_settings WHERE id = 1 AND jsonb_typeof(json->'mrnStart') = 'number'), 1) AS value),
     taken AS (UPDATE mrn_sequence SET next = GREATEST(next, (SELECT value FROM start)) + $2 WHERE id = 1 RETURNING next - $2 AS first, next - 1 AS last)
     INSERT INTO mrn_blocks (counter_id, first, last, created_at) SELECT $1, first, last, $3 FROM taken RETURNING first, last`,
    [counterId, size, now],
  );
  return { first: Number(rows[0]!.first), last: Number(rows[0]!.last) };
}
