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
 *
 * While emergencies of the day before are still open (the IGD at night keeps them in its queue),
 * a number of their prefix comes after the highest of them (`carried`): a 24-hour IGD that
 * restarted at GD-001 at midnight would have two patients answering to "GD-001" in one queue.
 * The counters number alone by the same rule (core/visits/visits.ts nextLocalNumber).
 */
const CLAIM = `
WITH existing AS (SELECT queue_no FROM queue_claims WHERE visit_uid = $1),
carried AS (
  SELECT coalesce(max(queue_no), 0) + 1 AS first FROM visits
  WHERE service_date = to_char(($3::text)::date - 1, 'YYYY-MM-DD') AND queue_prefix = $4 AND emergency AND status IN ('waiting', 'called')
),
bumped AS (
  INSERT INTO queue_numbers (unit, service_date, prefix, next)
  SELECT $2, $3, $4, carried.first FROM carried WHERE NOT EXISTS (SELECT 1 FROM existing)
  ON CONFLICT (unit, service_date, prefix) DO UPDATE SET next = GREATEST(queue_numbers.next + 1, EXCLUDED.next)
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
