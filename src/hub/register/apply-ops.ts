import type { Pool, PoolClient } from 'pg';
import type { HubOp, PushResponse } from '../../shared/hub-protocol';
import { lockRevisions } from '../pg/revisions';
import { DEFAULT_MRN_FORMAT, moveMrnSequencePast } from './mrn-seed';
import { applyPatientMergeOp } from './merge-ops';
import { applyPatientOp } from './patient-ops';
import { applyFollowUpOp, applyPrintOp, applyRecheckOp } from './record-ops';
import type { OpOutcome, PushTx } from './tx';
import { applyPayerOp, applyStatusOp, applyVisitOp, applyVisitPatientOp, applyVisitRecallOp, applyVisitUnitOp } from './visit-ops';

function applyOne(tx: PushTx, op: HubOp): Promise<OpOutcome> {
  switch (op.kind) {
    case 'patient': return applyPatientOp(tx, op);
    case 'visit': return applyVisitOp(tx, op);
    case 'visit.status': return applyStatusOp(tx, op);
    case 'visit.payer': return applyPayerOp(tx, op);
    case 'visit.patient': return applyVisitPatientOp(tx, op);
    case 'visit.unit': return applyVisitUnitOp(tx, op);
    case 'visit.recall': return applyVisitRecallOp(tx, op);
    case 'followUp': return applyFollowUpOp(tx, op);
    case 'print': return applyPrintOp(tx, op);
    case 'recheck': return applyRecheckOp(tx, op);
    case 'patient.merge': return applyPatientMergeOp(tx, op);
  }
}

/** An op to remember in applied_ops (applied, or found already there). */
export interface KeptOp {
  opId: string;
  counterId: string;
  kind: string;
  status: string;
  appliedAt: Date;
}

/** What one push did inside a transaction that holds the revision lock. */
export interface AppliedPush {
  results: PushResponse['results'];
  kept: KeptOp[];
  /** RMs of patients first seen here (the facility RM sequence moves past them). */
  seenMrns: string[];
}

/**
 * The ops of one push, in the order sent, inside a transaction that holds the revision lock.
 * `seen` holds the op ids already applied (from applied_ops, and by earlier pushes of the same
 * transaction); the ops kept here are added to it.
 */
export async function applyPushInTx(client: PoolClient, counterId: string, ops: readonly HubOp[], now: Date, seen: Set<string>, clockAheadS: number | null = null): Promise<AppliedPush> {
  const tx: PushTx = { client, counterId, now, seenMrns: [], clockAheadS };
  const results: PushResponse['results'] = [];
  const kept: KeptOp[] = [];
  for (const op of ops) {
    if (seen.has(op.opId)) {
      results.push({ opId: op.opId, status: 'duplicate' });
      continue;
    }
    const outcome = await applyOne(tx, op);
    results.push({ opId: op.opId, ...outcome });
    if (outcome.status !== 'rejected') {
      seen.add(op.opId);
      kept.push({ opId: op.opId, counterId, kind: op.kind, status: outcome.status, appliedAt: now });
    }
  }
  return { results, kept, seenMrns: tx.seenMrns };
}

/** The op ids among `opIds` already in applied_ops, and the facility's RM format and code (one round trip). */
export async function seenOpsAndMrnFormat(client: PoolClient, opIds: string[]): Promise<{ seen: Set<string>; mrnFormat: string; facilityCode: string }> {
  const { rows } = await client.query<{ seen: string[]; mrn_format: string | null; facility_code: string | null }>(
    `SELECT ARRAY(SELECT op_id::text FROM applied_ops WHERE op_id = ANY($1::uuid[])) AS seen,
       (SELECT json->>'mrnFormat' FROM facility_settings WHERE id = 1) AS mrn_format,
       (SELECT json->>'facilityCode' FROM facility_settings WHERE id = 1) AS facility_code`,
    [opIds],
  );
  return { seen: new Set(rows[0]!.seen), mrnFormat: rows[0]!.mrn_format ?? DEFAULT_MRN_FORMAT, facilityCode: rows[0]!.facility_code ?? '' };
}

/** Remembers the kept ops (one statement for any number of pushes). */
export async function recordAppliedOps(client: PoolClient, kept: readonly KeptOp[]): Promise<void> {
  if (kept.length === 0) return;
  await client.query(
    `INSERT INTO applied_ops (op_id, counter_id, kind, applied_at, status)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[])`,
    [kept.map((k) => k.opId), kept.map((k) => k.counterId), kept.map((k) => k.kind), kept.map((k) => k.appliedAt), kept.map((k) => k.status)],
  );
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
 *
 * The push route goes through the group commit (group-commit.ts), which applies concurrent
 * pushes together the same way; this is the one-push form (and its fallback).
 */
export async function applyOps(pool: Pool, counterId: string, ops: readonly HubOp[], now: Date, clockAheadS: number | null = null): Promise<PushResponse> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await lockRevisions(client);
    const { seen, mrnFormat, facilityCode } = await seenOpsAndMrnFormat(client, ops.map((op) => op.opId));
    const push = await applyPushInTx(client, counterId, ops, now, seen, clockAheadS);
    await recordAppliedOps(client, push.kept);
    await moveMrnSequencePast(client, push.seenMrns, mrnFormat, facilityCode);
    await client.query('COMMIT');
    return { results: push.results };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
