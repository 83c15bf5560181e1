import type { Pool } from 'pg';
import type { QueueNumberRequest, QueueNumberResponse } from '../../shared/hub-protocol';

/**
 * One statement: the claim already made for this visit, or the next number of (unit, day, prefix)
 * claimed for it. The counter row of queue_numbers is locked by the upsert, so concurrent requests
 * for one unit get consecutive numbers, never the same one.
 *
 * Two requests for the same new visit at the very same moment (a retry racing its original): the
 * second waits on the claim's key, claims nothing and is answered by `claimOf` with the first's
 * number; its bump is then a gap no slip carries (the one case that leaves a gap).
 */
const CLAIM = `
WITH existing AS (SELECT queue_no FROM queue_claims WHERE visit_uid = $1),
bumped AS (
  INSERT INTO queue_numbers (unit, service_date, prefix, next)
  SELECT $2, $3, $4, 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT (unit, service_date, prefix) DO UPDATE SET next = queue_numbers.next + 1
  RETURNING next
),
claimed AS (
  INSERT INTO queue_claims (visit_uid, unit, service_date, prefix, queue_no)
  SELECT $1, $2, $3, $4, next FROM bumped
  ON CONFLICT (visit_uid) DO NOTHING
  RETURNING queue_no
)
SELECT queue_no FROM existing UNION ALL SELECT queue_no FROM claimed`;

export async function nextQueueNumber(pool: Pool, req: QueueNumberRequest): Promise<QueueNumberResponse> {
  const { rows } = await pool.query<{ queue_no: number }>(CLAIM, [req.visitUid, req.unit, req.serviceDate, req.prefix]);
  if (rows[0]) return { queueNo: rows[0].queue_no };
  const claimOf = await pool.query<{ queue_no: number }>('SELECT queue_no FROM queue_claims WHERE visit_uid = $1', [req.visitUid]);
  return { queueNo: claimOf.rows[0]!.queue_no };
}
