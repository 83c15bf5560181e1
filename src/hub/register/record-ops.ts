import { alreadyThere, applied, NEXT_REV, rejected, type OpOf, type OpOutcome, type PushTx } from './tx';

async function outcomeWithoutRow(tx: PushTx, table: 'follow_ups' | 'prints' | 'rechecks', uid: string): Promise<OpOutcome> {
  const { rowCount } = await tx.client.query(`SELECT 1 FROM ${table} WHERE uid = $1`, [uid]);
  return rowCount === 1 ? alreadyThere : rejected('unknown-visit');
}

/**
 * followUp: the later `at` wins for its fields, but closing is for good: a closed follow-up stays
 * closed (with its resolution) whatever arrives after, and a late close closes an open one.
 */
export async function applyFollowUpOp(tx: PushTx, op: OpOf<'followUp'>): Promise<OpOutcome> {
  const r = op.record;
  const { rowCount } = await tx.client.query(
    `INSERT INTO follow_ups AS f (uid, visit_uid, kind, reason, due_at, created_at, closed_at, resolution, changed_at, rev)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, ${NEXT_REV} WHERE EXISTS (SELECT 1 FROM visits WHERE uid = $2)
     ON CONFLICT (uid) DO UPDATE SET
       kind = CASE WHEN f.changed_at < EXCLUDED.changed_at THEN EXCLUDED.kind ELSE f.kind END,
       reason = CASE WHEN f.changed_at < EXCLUDED.changed_at THEN EXCLUDED.reason ELSE f.reason END,
       due_at = CASE WHEN f.changed_at < EXCLUDED.changed_at THEN EXCLUDED.due_at ELSE f.due_at END,
       closed_at = COALESCE(f.closed_at, EXCLUDED.closed_at),
       resolution = CASE WHEN f.closed_at IS NOT NULL THEN f.resolution WHEN EXCLUDED.closed_at IS NOT NULL THEN EXCLUDED.resolution ELSE f.resolution END,
       changed_at = GREATEST(f.changed_at, EXCLUDED.changed_at),
       rev = EXCLUDED.rev
     WHERE f.changed_at < EXCLUDED.changed_at OR (f.closed_at IS NULL AND EXCLUDED.closed_at IS NOT NULL)`,
    [r.uid, r.visitUid, r.kind, r.reason, r.dueAt, r.createdAt, r.closedAt, r.resolution, op.at],
  );
  return rowCount === 1 ? applied : outcomeWithoutRow(tx, 'follow_ups', r.uid);
}

/** print: insert only. */
export async function applyPrintOp(tx: PushTx, op: OpOf<'print'>): Promise<OpOutcome> {
  const r = op.record;
  const { rowCount } = await tx.client.query(
    `INSERT INTO prints (uid, visit_uid, printed_at, clerk, kind, paper, printer, rev)
     SELECT $1, $2, $3, $4, $5, $6, $7, ${NEXT_REV} WHERE EXISTS (SELECT 1 FROM visits WHERE uid = $2)
     ON CONFLICT (uid) DO NOTHING`,
    [r.uid, r.visitUid, r.printedAt, r.clerk, r.kind, r.paper, r.printer],
  );
  return rowCount === 1 ? applied : outcomeWithoutRow(tx, 'prints', r.uid);
}

/** recheck: insert only. */
export async function applyRecheckOp(tx: PushTx, op: OpOf<'recheck'>): Promise<OpOutcome> {
  const r = op.record;
  const { rowCount } = await tx.client.query(
    `INSERT INTO rechecks (uid, visit_uid, checked_at, service, before, after, live_status, action, rev)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, ${NEXT_REV} WHERE EXISTS (SELECT 1 FROM visits WHERE uid = $2)
     ON CONFLICT (uid) DO NOTHING`,
    [r.uid, r.visitUid, r.checkedAt, r.service, r.before, r.after, r.liveStatus, r.action],
  );
  return rowCount === 1 ? applied : outcomeWithoutRow(tx, 'rechecks', r.uid);
}
