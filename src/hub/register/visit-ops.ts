import { addNotice } from './notices';
import { alreadyThere, applied, NEXT_REV, rejected, type OpOf, type OpOutcome, type PushTx } from './tx';

/** A patient uid as it lives now: a merged patient's survivor (merged_into always names the last survivor). */
const LIVING_PATIENT = (param: string): string => `SELECT COALESCE(merged_into, uid) AS living FROM patients WHERE uid = ${param}`;

async function visitExists(tx: PushTx, uid: string): Promise<boolean> {
  const { rowCount } = await tx.client.query('SELECT 1 FROM visits WHERE uid = $1', [uid]);
  return rowCount === 1;
}

/** Inserted once, as registered, under the patient as it lives now; a second insert of one uid changes nothing. */
export async function applyVisitOp(tx: PushTx, op: OpOf<'visit'>): Promise<OpOutcome> {
  const r = op.record;
  const { rowCount } = await tx.client.query(
    `INSERT INTO visits (uid, patient_uid, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source, status,
       registered_at, registered_by, called_at, served_at, cancelled_at, counter, status_at, payer_at, patient_at, rev)
     SELECT $1, p.living, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $18, ${NEXT_REV}
     FROM (${LIVING_PATIENT('$2')}) AS p
     ON CONFLICT (uid) DO NOTHING`,
    [r.uid, r.patientUid, r.serviceDate, r.unit, r.queuePrefix, r.queueNo, r.emergency, r.payer, r.verdict, r.verdictSource, r.status,
      r.registeredAt, r.registeredBy, r.calledAt, r.servedAt, r.cancelledAt, r.counter, op.at],
  );
  if (rowCount === 1) return applied;
  return (await visitExists(tx, r.uid)) ? alreadyThere : rejected('unknown-patient');
}

interface StatusRow {
  status: string;
  later: boolean;
  called_at: string | null;
  served_at: string | null;
  cancelled_at: string | null;
  queue: string;
  unit: string;
}

const earliest = (a: string | null, b: string | null): string | null => (a && b ? (Date.parse(a) <= Date.parse(b) ? a : b) : (a ?? b));

/**
 * visit.status: the later `at` wins, except that `served` and `cancelled` never replace one another
 * by order: `served` stays (the patient was seen) and a notice tells a person. The first call's
 * time stays whoever called.
 */
export async function applyStatusOp(tx: PushTx, op: OpOf<'visit.status'>): Promise<OpOutcome> {
  const { rows } = await tx.client.query<StatusRow>(
    `SELECT status, status_at < $2::timestamptz AS later, called_at, served_at, cancelled_at, queue_prefix || queue_no AS queue, unit
     FROM visits WHERE uid = $1 FOR UPDATE`,
    [op.uid, op.at],
  );
  const cur = rows[0];
  if (!cur) return rejected('unknown-visit');
  const clash = (cur.status === 'served' && op.status === 'cancelled') || (cur.status === 'cancelled' && op.status === 'served');
  const next = clash
    ? { status: 'served', servedAt: cur.served_at ?? op.servedAt, cancelledAt: null }
    : cur.later
      ? { status: op.status, servedAt: op.servedAt ?? cur.served_at, cancelledAt: op.status === 'cancelled' ? (op.cancelledAt ?? cur.cancelled_at) : op.cancelledAt }
      : { status: cur.status, servedAt: cur.served_at ?? op.servedAt, cancelledAt: cur.cancelled_at };
  const calledAt = earliest(cur.called_at, op.calledAt);
  const same = next.status === cur.status && next.servedAt === cur.served_at && next.cancelledAt === cur.cancelled_at && calledAt === cur.called_at;
  if (!same) {
    await tx.client.query(
      `UPDATE visits SET status = $2, called_at = $3, served_at = $4, cancelled_at = $5, status_at = GREATEST(status_at, $6::timestamptz), rev = ${NEXT_REV} WHERE uid = $1`,
      [op.uid, next.status, calledAt, next.servedAt, next.cancelledAt, op.at],
    );
  }
  if (clash) await addNotice(tx.client, 'status-conflict', tx.now, [op.uid], { kept: 'served', refused: 'cancelled', queue: cur.queue, unit: cur.unit });
  return applied;
}

/** visit.payer: the later `at` wins. */
export async function applyPayerOp(tx: PushTx, op: OpOf<'visit.payer'>): Promise<OpOutcome> {
  const { rowCount } = await tx.client.query(
    `UPDATE visits SET payer = $2, payer_at = $3, rev = ${NEXT_REV} WHERE uid = $1 AND payer_at < $3::timestamptz`,
    [op.uid, op.payer, op.at],
  );
  if (rowCount === 1 || (await visitExists(tx, op.uid))) return applied;
  return rejected('unknown-visit');
}

/** visit.patient (a visit moved to another patient): the later `at` wins; a merged patient's survivor is taken. */
export async function applyVisitPatientOp(tx: PushTx, op: OpOf<'visit.patient'>): Promise<OpOutcome> {
  const { rows } = await tx.client.query<{ living: string }>(LIVING_PATIENT('$1'), [op.patientUid]);
  const living = rows[0]?.living;
  if (!living) return rejected('unknown-patient');
  const { rowCount } = await tx.client.query(
    `UPDATE visits SET patient_uid = $2, patient_at = $3, rev = ${NEXT_REV} WHERE uid = $1 AND patient_at < $3::timestamptz`,
    [op.uid, living, op.at],
  );
  if (rowCount === 1 || (await visitExists(tx, op.uid))) return applied;
  return rejected('unknown-visit');
}
