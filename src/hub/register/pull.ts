import type { Pool, PoolClient } from 'pg';
import type { PullResponse } from '../../shared/hub-protocol';
import { MAX_PULL } from '../../shared/hub-protocol';

type Rev = { rev: number };

const PATIENT = `uid, mrn, nik, card, name, dob, sex, address, old_mrn AS "oldMrn", identified, created_at AS "createdAt", updated_at AS "updatedAt", merged_into AS "mergedInto", rev::float8 AS rev`;
const SELECTS = {
  visits: `SELECT uid, patient_uid AS "patientUid", service_date AS "serviceDate", unit, queue_prefix AS "queuePrefix", queue_no AS "queueNo", emergency, payer,
      verdict, verdict_source AS "verdictSource", status, registered_at AS "registeredAt", registered_by AS "registeredBy", called_at AS "calledAt",
      served_at AS "servedAt", cancelled_at AS "cancelledAt", counter, recalls, recalled_at AS "recalledAt", queue_at AS "queueAt", called_hub_at AS "calledHubAt", rev::float8 AS rev FROM visits`,
  followUps: `SELECT uid, visit_uid AS "visitUid", kind, reason, due_at AS "dueAt", created_at AS "createdAt", closed_at AS "closedAt", resolution, rev::float8 AS rev FROM follow_ups`,
  prints: `SELECT uid, visit_uid AS "visitUid", printed_at AS "printedAt", clerk, kind, paper, printer, rev::float8 AS rev FROM prints`,
  rechecks: `SELECT uid, visit_uid AS "visitUid", checked_at AS "checkedAt", service, before, after, live_status AS "liveStatus", action, rev::float8 AS rev FROM rechecks`,
  notices: `SELECT uid, kind, at, subjects::text[] AS subjects, params, rev::float8 AS rev FROM notices`,
  aliases: `SELECT mrn, patient_uid AS "patientUid", rev::float8 AS rev FROM mrn_aliases`,
} as const;

/** The revisions above `after`, in order, one more than `limit` (to know whether more wait). */
const REVS = `
SELECT rev::float8 AS rev FROM (
  (SELECT rev FROM patients WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM visits WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM follow_ups WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM prints WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM rechecks WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM notices WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM mrn_aliases WHERE rev > $1 ORDER BY rev LIMIT $2) UNION ALL
  (SELECT rev FROM facility_settings WHERE rev > $1) UNION ALL
  (SELECT rev FROM facility_bpjs WHERE rev > $1)
) AS r ORDER BY rev LIMIT $2`;

async function range<T>(client: PoolClient, select: string, after: number, cursor: number): Promise<(T & Rev)[]> {
  const { rows } = await client.query<T & Rev>(`${select} WHERE rev > $1 AND rev <= $2 ORDER BY rev`, [after, cursor]);
  return rows;
}

/**
 * Every record whose revision is above `after`, in revision order, at most `limit` in all (the
 * facility settings count as one). The patients of the returned visits come along as they are
 * now, whatever their revision, so a visit never names a patient the counter lacks.
 * One REPEATABLE READ snapshot, no lock: pushes go on meanwhile.
 */
export async function pull(pool: Pool, after: number, limit: number = MAX_PULL): Promise<PullResponse> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const take = Math.max(1, Math.min(limit, MAX_PULL));
    const revs = (await client.query<Rev>(REVS, [after, take + 1])).rows.map((r) => r.rev);
    const more = revs.length > take;
    const cursor = revs.length === 0 ? after : revs[Math.min(take, revs.length) - 1]!;
    const patients = await range<PullResponse['patients'][number]>(client, `SELECT ${PATIENT} FROM patients`, after, cursor);
    const visits = await range<PullResponse['visits'][number]>(client, SELECTS.visits, after, cursor);
    const have = new Set(patients.map((p) => p.uid));
    const missing = [...new Set(visits.map((v) => v.patientUid).filter((uid) => !have.has(uid)))];
    if (missing.length > 0) {
      const extra = await client.query<PullResponse['patients'][number]>(`SELECT ${PATIENT} FROM patients WHERE uid = ANY($1::uuid[]) ORDER BY rev`, [missing]);
      patients.push(...extra.rows);
    }
    const settings = await client.query<{ json: Record<string, unknown> }>('SELECT json FROM facility_settings WHERE id = 1 AND rev > $1 AND rev <= $2', [after, cursor]);
    const bpjs = await client.query<{ rev: string }>('SELECT rev FROM facility_bpjs WHERE id = 1 AND rev > $1 AND rev <= $2', [after, cursor]);
    const response: PullResponse = {
      cursor,
      more,
      patients,
      visits,
      followUps: await range(client, SELECTS.followUps, after, cursor),
      prints: await range(client, SELECTS.prints, after, cursor),
      rechecks: await range(client, SELECTS.rechecks, after, cursor),
      notices: await range(client, SELECTS.notices, after, cursor),
      aliases: await range(client, SELECTS.aliases, after, cursor),
      settings: settings.rows[0]?.json ?? null,
      bpjsRev: bpjs.rows[0] ? Number(bpjs.rows[0].rev) : null,
    };
    await client.query('COMMIT');
    return response;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
