import type { PoolClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { HubNotice } from '../../shared/hub-protocol';
import { NEXT_REV } from './tx';

/** Records something a person should look at; it reaches every counter with the next pull. */
export async function addNotice(client: PoolClient, kind: HubNotice['kind'], now: Date, subjects: string[], params: Record<string, string>): Promise<void> {
  await client.query(`INSERT INTO notices (uid, kind, at, subjects, params, rev) VALUES ($1, $2, $3, $4::uuid[], $5::jsonb, ${NEXT_REV})`, [
    uuidv7(),
    kind,
    now.toISOString(),
    subjects.slice(0, 10),
    JSON.stringify(params),
  ]);
}
