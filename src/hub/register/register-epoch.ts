import type { Pool } from 'pg';
import type { RegisterLineage } from '../../shared/hub-protocol';

/** Every table a pull reads (its revisions are what counters' cursors point into). */
const REV_TABLES = ['patients', 'visits', 'follow_ups', 'prints', 'rechecks', 'notices', 'mrn_aliases', 'facility_settings', 'facility_bpjs'];

/**
 * At every hub start: a new epoch of the register, starting at the highest revision the register
 * holds now (its rows', not the sequence's: a dump may hold a sequence value past its rows). A
 * restored backup or a promoted standby is started too, so its new epoch begins below the cursor
 * of a counter that pulled from the lost part, or the counter's epoch is unknown to it.
 */
export async function beginRegisterEpoch(pool: Pool): Promise<string> {
  const highest = REV_TABLES.map((t) => `(SELECT max(rev) FROM ${t})`).join(', ');
  const { rows } = await pool.query<{ uid: string }>(`INSERT INTO register_epochs (from_rev) SELECT GREATEST(0, ${highest}) RETURNING uid::text`);
  return rows[0]!.uid;
}

/**
 * Whether the register a counter pulled from (its epoch and cursor) is this one, unbroken: the
 * epoch is known here and no later epoch starts below the cursor (records the counter pulled were
 * lost with a restore). A counter that names no epoch (never pulled, an older version) is taken
 * as known: it learns the current one from this answer.
 */
export async function registerLineage(pool: Pool, epoch: string | null, cursor: number): Promise<RegisterLineage> {
  const { rows } = await pool.query<{ current: string | null; known: boolean }>(
    `SELECT (SELECT uid::text FROM register_epochs ORDER BY seq DESC LIMIT 1) AS current,
       $1::text IS NULL OR EXISTS (
         SELECT 1 FROM register_epochs e WHERE e.uid::text = $1
           AND NOT EXISTS (SELECT 1 FROM register_epochs n WHERE n.seq > e.seq AND n.from_rev < $2::bigint)) AS known`,
    [epoch, cursor],
  );
  return { epoch: rows[0]!.current, known: rows[0]!.known };
}
