import { queueOrderTime } from '../../shared/queue-clock';
import { queueLabel } from '../../shared/settings';
import { addNotice } from './notices';
import { alreadyThere, applied, NEXT_REV, rejected, type OpOf, type OpOutcome, type PushTx } from './tx';

/** A patient uid as it lives now: a merged patient's survivor (merged_into always names the last survivor). */
const LIVING_PATIENT = (param: string): string => `SELECT COALESCE(merged_into, uid) AS living FROM patients WHERE uid = ${param}`;

async function visitExists(tx: PushTx, uid: string): Promise<boolean> {
  const { rowCount } = await tx.client.query('SELECT 1 FROM visits WHERE uid = $1', [uid]);
  return rowCount === 1;
}

/** The visit just inserted: its patient's name, and the other visits of the day and unit already holding its number. */
interface InsertedVisit {
  name: string;
  others: string[];
  other_names: string[];
}

/**
 * Inserted once, as registered, under the patient as it lives now; a second insert of one uid
 * changes nothing. Its number never changes (a printed slip stays true), but in the same
 * statement the hub learns it:
 * - the sequence of its unit, day and prefix moves past it (written only when behind, so a visit
 *   numbered by the hub costs no lock), and the hub never hands that number out again: a counter
 *   that numbered alone before it enrolled pushes plain `U-003`;
 * - the pushing counter's clock, measured on this request, puts the visit in the queue order of
 *   the hub's clock (`queue_at`, only when more than a minute off; src/shared/queue-clock.ts): a
 *   visit registered offline hours before gets the difference as it is now, the best estimate;
 *   a visit pushed already called gets its call on the hub's clock the same way (`called_hub_at`);
 * - the visits that already hold the number (read before the insert) are answered: two visits
 *   with one number (that counter's `U-001` and the hub's `U-001` of the morning) are both kept,
 *   and a `same-queue-number` notice tells every counter, so clerks call them by name;
 * - its counter is the one that pushed it, as the hub authenticated it, never the record's own
 *   `counter` field: no counter files a visit under another's name (security tester 2). A counter
 *   sends its own id there anyway, for the visits it queues again after a hub restore too. A visit
 *   already held keeps its counter: calling, moving or editing it at another counter goes in
 *   ops of their own, which never touch it.
 */
export async function applyVisitOp(tx: PushTx, op: OpOf<'visit'>): Promise<OpOutcome> {
  const r = op.record;
  const { rows } = await tx.client.query<InsertedVisit>(
    `WITH inserted AS (
       INSERT INTO visits (uid, patient_uid, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source, status,
         registered_at, registered_by, called_at, served_at, cancelled_at, counter, status_at, payer_at, patient_at, queue_at, called_hub_at, rev)
       SELECT $1, p.living, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $18, $19, $20, ${NEXT_REV}
       FROM (${LIVING_PATIENT('$2')}) AS p
       ON CONFLICT (uid) DO NOTHING
       RETURNING patient_uid
     ),
     learned AS (
       INSERT INTO queue_numbers (unit, service_date, prefix, next)
       SELECT $4, $3, $5, $6 FROM inserted
       WHERE NOT EXISTS (SELECT 1 FROM queue_numbers WHERE unit = $4 AND service_date = $3 AND prefix = $5 AND next >= $6)
       ON CONFLICT (unit, service_date, prefix) DO UPDATE SET next = GREATEST(queue_numbers.next, EXCLUDED.next)
     ),
     same AS (
       SELECT o.uid, p.name FROM visits o JOIN patients p ON p.uid = o.patient_uid
       WHERE o.service_date = $3 AND o.unit = $4 AND o.queue_prefix = $5 AND o.queue_no = $6 ORDER BY o.rev LIMIT 9
     )
     SELECT (SELECT name FROM patients WHERE uid = i.patient_uid) AS name,
       ARRAY(SELECT uid::text FROM same) AS others, ARRAY(SELECT name FROM same) AS other_names
     FROM inserted i`,
    [r.uid, r.patientUid, r.serviceDate, r.unit, r.queuePrefix, r.queueNo, r.emergency, r.payer, r.verdict, r.verdictSource, r.status,
      r.registeredAt, r.registeredBy, r.calledAt, r.servedAt, r.cancelledAt, tx.counterId, op.at, queueOrderTime(r.registeredAt, tx.clockAheadS),
      r.calledAt === null ? null : queueOrderTime(r.calledAt, tx.clockAheadS)],
  );
  const inserted = rows[0];
  if (!inserted) return (await visitExists(tx, r.uid)) ? alreadyThere : rejected('unknown-patient');
  if (inserted.others.length > 0) {
    await addNotice(tx.client, 'same-queue-number', tx.now, [r.uid, ...inserted.others], {
      queue: queueLabel(r.queuePrefix, r.queueNo),
      unit: r.unit,
      date: r.serviceDate,
      name: inserted.name,
      otherNames: inserted.other_names.join(', '),
    });
  }
  return applied;
}

interface StatusRow {
  status: string;
  later: boolean;
  called_at: string | null;
  called_hub_at: string | null;
  served_at: string | null;
  cancelled_at: string | null;
  queue: string;
  unit: string;
}

/** A first call: as the calling counter wrote it, and on the hub's clock when that counter's was off. */
interface Call {
  at: string | null;
  hubAt: string | null;
}

/** The earlier call, compared on the hub's clock (counters an hour apart call in the hub's order); the same call again keeps the one stored. */
function earliestCall(cur: Call, op: Call): Call {
  if (op.at === null || op.at === cur.at) return cur;
  if (cur.at === null) return op;
  return Date.parse(op.hubAt ?? op.at) < Date.parse(cur.hubAt ?? cur.at) ? op : cur;
}

/**
 * visit.status: the later `at` wins, except that `served` and `cancelled` never replace one another
 * by order: `served` stays (the patient was seen) and a notice tells a person. The first call's
 * time stays whoever called, earliest on the hub's clock: the op's call is moved onto it by the
 * pushing counter's clock difference measured on this request (`called_hub_at`, as `queue_at`).
 */
export async function applyStatusOp(tx: PushTx, op: OpOf<'visit.status'>): Promise<OpOutcome> {
  const { rows } = await tx.client.query<StatusRow>(
    `SELECT status, status_at < $2::timestamptz AS later, called_at, called_hub_at, served_at, cancelled_at, queue_prefix || queue_no AS queue, unit
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
  const call = earliestCall({ at: cur.called_at, hubAt: cur.called_hub_at }, { at: op.calledAt, hubAt: op.calledAt === null ? null : queueOrderTime(op.calledAt, tx.clockAheadS) });
  const same = next.status === cur.status && next.servedAt === cur.served_at && next.cancelledAt === cur.cancelled_at && call.at === cur.called_at;
  if (!same) {
    await tx.client.query(
      `UPDATE visits SET status = $2, called_at = $3, called_hub_at = $7, served_at = $4, cancelled_at = $5, status_at = GREATEST(status_at, $6::timestamptz), rev = ${NEXT_REV} WHERE uid = $1`,
      [op.uid, next.status, call.at, next.servedAt, next.cancelledAt, op.at, call.hubAt],
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

/**
 * visit.unit (a visit moved to another unit, or a move undone): the later `at` wins, and the visit
 * takes the unit and number the counter gave it there (the hub's own number, asked for under the
 * move's uid, or the counter's offline number), and the service day the move put it in (last
 * night's IGD patient sent to a poli after midnight is today's there; an older counter's op has no
 * day, and the visit keeps its own). As for a pushed visit, the sequence of that unit, day and
 * prefix moves past the number in the same statement, so the hub never hands it out again.
 * The number it had before is never given again either: its sequence is already past it.
 */
export async function applyVisitUnitOp(tx: PushTx, op: OpOf<'visit.unit'>): Promise<OpOutcome> {
  const { rowCount } = await tx.client.query(
    `WITH moved AS (
       UPDATE visits SET unit = $2, queue_prefix = $3, queue_no = $4, unit_at = $5, service_date = COALESCE($6, service_date), rev = ${NEXT_REV}
       WHERE uid = $1 AND (unit_at IS NULL OR unit_at < $5::timestamptz)
       RETURNING service_date
     ),
     learned AS (
       INSERT INTO queue_numbers (unit, service_date, prefix, next)
       SELECT $2, service_date, $3, $4 FROM moved
       WHERE NOT EXISTS (SELECT 1 FROM queue_numbers q, moved m WHERE q.unit = $2 AND q.service_date = m.service_date AND q.prefix = $3 AND q.next >= $4)
       ON CONFLICT (unit, service_date, prefix) DO UPDATE SET next = GREATEST(queue_numbers.next, EXCLUDED.next)
     )
     SELECT 1 FROM moved`,
    [op.uid, op.unit, op.queuePrefix, op.queueNo, op.at, op.serviceDate ?? null],
  );
  if (rowCount === 1 || (await visitExists(tx, op.uid))) return applied;
  return rejected('unknown-visit');
}

/** visit.recall (a called patient called again, or that undone): the later `at` wins; the display shows the number again. */
export async function applyVisitRecallOp(tx: PushTx, op: OpOf<'visit.recall'>): Promise<OpOutcome> {
  const { rowCount } = await tx.client.query(
    `UPDATE visits SET recalls = $2, recalled_at = $3, recall_at = $4, rev = ${NEXT_REV} WHERE uid = $1 AND (recall_at IS NULL OR recall_at < $4::timestamptz)`,
    [op.uid, op.recalls, op.recalledAt, op.at],
  );
  if (rowCount === 1 || (await visitExists(tx, op.uid))) return applied;
  return rejected('unknown-visit');
}
