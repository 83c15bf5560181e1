import type { Pool } from 'pg';
import type { HubOp, PushResponse } from '../../shared/hub-protocol';
import { lockRevisions } from '../pg/revisions';
import { DEFAULT_MRN_FORMAT, moveMrnSequencePast } from './mrn-seed';
import { applyPatientOp } from './patient-ops';
import { applyFollowUpOp, applyPrintOp, applyRecheckOp } from './record-ops';
import type { OpOutcome, PushTx } from './tx';
import { applyPayerOp, applyStatusOp, applyVisitOp, applyVisitPatientOp } from './visit-ops';

function applyOne(tx: PushTx, op: HubOp): Promise<OpOutcome> {
  switch (op.kind) {
    case 'patient': return applyPatientOp(tx, op);
    case 'visit': return applyVisitOp(tx, op);
    case 'visit.status': return applyStatusOp(tx, op);
    case 'visit.payer': return applyPayerOp(tx, op);
    case 'visit.patient': return applyVisitPatientOp(tx, op);
    case 'followUp': return applyFollowUpOp(tx, op);
    case 'print': return applyPrintOp(tx, op);
    case 'recheck': return applyRecheckOp(tx, op);
  }
}

/**
 * Applies one push in one transaction, in the order the counter sent (its ops are in the order it
 * made them, so a visit comes before its status changes). Revisions are taken under the revision
 * lock, so pushes commit one at a time in revision order and a pull never skips one.
 *
 * Each op is applied at most once: its opId is kept in `applied_ops` with the result; a repeat
 * (a push retried after a timeout, or the same op twice in one push) answers `duplicate` and
 * changes nothing. A rejected op (`unknown-visit`, `unknown-patient`: it names a record the hub
 * has not seen) is not kept, so the counter may send it again later and it is judged again.
 */
export async function applyOps(pool: Pool, counterId: string, ops: readonly HubOp[], now: Date): Promise<PushResponse> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockRevisions(client);
    const { rows } = await client.query<{ seen: string[]; mrn_format: string | null }>(
      `SELECT ARRAY(SELECT op_id::text FROM applied_ops WHERE op_id = ANY($1::uuid[])) AS seen,
         (SELECT json->>'mrnFormat' FROM facility_settings WHERE id = 1) AS mrn_format`,
      [ops.map((op) => op.opId)],
    );
    const seen = new Set(rows[0]!.seen);
    const tx: PushTx = { client, counterId, now, seenMrns: [] };
    const results: PushResponse['results'] = [];
    const kept: { opId: string; kind: string; status: string }[] = [];
    for (const op of ops) {
      if (seen.has(op.opId)) {
        results.push({ opId: op.opId, status: 'duplicate' });
        continue;
      }
      const outcome = await applyOne(tx, op);
      results.push({ opId: op.opId, ...outcome });
      if (outcome.status !== 'rejected') {
        seen.add(op.opId);
        kept.push({ opId: op.opId, kind: op.kind, status: outcome.status });
      }
    }
    if (kept.length > 0) {
      await client.query(
        `INSERT INTO applied_ops (op_id, counter_id, kind, applied_at, status)
         SELECT op_id, $1, kind, $2, status FROM unnest($3::uuid[], $4::text[], $5::text[]) AS t(op_id, kind, status)`,
        [counterId, now, kept.map((k) => k.opId), kept.map((k) => k.kind), kept.map((k) => k.status)],
      );
    }
    await moveMrnSequencePast(client, tx.seenMrns, rows[0]!.mrn_format ?? DEFAULT_MRN_FORMAT);
    await client.query('COMMIT');
    return { results };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
