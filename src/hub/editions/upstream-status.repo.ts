import type { Pool } from 'pg';
import { z } from 'zod';
import type { UpstreamMemory } from './upstream-record';

const storedProblem = z.object({
  code: z.enum(['unreachable', 'wrong-certificate', 'clock-differs', 'refused', 'code-refused', 'failed']),
  detail: z.string(),
  url: z.string(),
  retryMinutes: z.number().nullable(),
  since: z.string(),
  at: z.string(),
});

/** What the link remembered before this start (hub migration 019); null: nothing yet. */
export async function loadUpstreamMemory(pool: Pool): Promise<UpstreamMemory | null> {
  const { rows } = await pool.query<{ last_contact: Date | null; problem: unknown; troubled: boolean }>('SELECT last_contact, problem, troubled FROM hub_upstream_status WHERE id = 1');
  const row = rows[0];
  if (!row) return null;
  // A row another version wrote in another shape is dropped, never a reason not to start.
  const problem = row.problem === null ? null : storedProblem.safeParse(row.problem);
  return {
    contact: row.last_contact,
    problem: problem?.success ? { ...problem.data, since: new Date(problem.data.since), at: new Date(problem.data.at) } : null,
    troubled: row.troubled && problem?.success === true,
  };
}

export async function saveUpstreamMemory(pool: Pool, memory: UpstreamMemory): Promise<void> {
  const problem = memory.problem ? { ...memory.problem, since: memory.problem.since.toISOString(), at: memory.problem.at.toISOString() } : null;
  await pool.query(
    `INSERT INTO hub_upstream_status (id, last_contact, problem, troubled) VALUES (1, $1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET last_contact = excluded.last_contact, problem = excluded.problem, troubled = excluded.troubled`,
    [memory.contact, problem === null ? null : JSON.stringify(problem), memory.troubled],
  );
}
