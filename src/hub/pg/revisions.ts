import type { PoolClient } from 'pg';

/**
 * Every record the hub changes gets the next value of one sequence, `hub_rev` (migration 001),
 * and a counter pulls "everything above my cursor". That only works if revisions become visible
 * in the order they were taken: a transaction that took rev 10 but commits after one that took
 * rev 11 would be skipped by a counter that already pulled 11. So every transaction that takes
 * revisions first takes this lock; they commit one at a time, in revision order. Reads never take it.
 */
const REVISION_LOCK = 4_242_001;

/** Call first inside a transaction (after BEGIN) that will call nextRevision. */
export async function lockRevisions(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [REVISION_LOCK]);
}

export async function nextRevision(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ rev: string }>(`SELECT nextval('hub_rev') AS rev`);
  return Number(rows[0]!.rev);
}
