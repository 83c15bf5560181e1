import { MAX_OPS_PER_PUSH, hubOp, type FollowUpRecord, type HubOp, type PatientRecord, type PrintRecord, type RecheckRecord, type VisitRecord } from '../../shared/hub-protocol';
import type { Payer, VisitStatus } from '../../shared/counter';
import type { Db } from '../store/open-database';
import { syncState } from './sync-state.repo';

interface OutboxRow {
  seq: number;
  opId: string;
  kind: HubOp['kind'];
  rowId: number;
  at: string;
}

/**
 * The oldest changes waiting for the hub, as ops built from each row's current state (local ids
 * replaced by uids). An entry whose row no longer exists (a placeholder patient removed when the
 * visit got its real identity) cannot be sent: it moves to outbox_rejected as 'local-row-gone';
 * one the protocol would refuse, as 'local-invalid'. Nothing leaves the outbox unrecorded.
 */
export function readOutbox(db: Db, limit: number): { ops: HubOp[] } {
  return db.transaction(() => {
    const counterId = syncState(db).counterId ?? '';
    const rows = db.prepare('SELECT seq, op_id AS opId, kind, row_id AS rowId, at FROM outbox ORDER BY seq LIMIT ?').all(Math.min(limit, MAX_OPS_PER_PUSH)) as OutboxRow[];
    const ops: HubOp[] = [];
    for (const row of rows) {
      const op = buildOp(db, row, counterId);
      if (!op) rejectEntry(db, row.opId, 'local-row-gone');
      // The hub refuses a push with one invalid op whole: such an op (data written before the
      // rules were this strict) is set aside here rather than blocking every push after it.
      else if (!hubOp.safeParse(op).success) rejectEntry(db, row.opId, 'local-invalid');
      else ops.push(op);
    }
    return { ops };
  })();
}

export type OpStatus = 'applied' | 'duplicate' | 'rejected';

/** The hub's answer to a push: applied and duplicate ops leave the outbox; rejected ones move to outbox_rejected with the reason. */
export function ackOutbox(db: Db, results: readonly { opId: string; status: OpStatus; reason?: string | undefined }[]): void {
  db.transaction(() => {
    const remove = db.prepare('DELETE FROM outbox WHERE op_id = ?');
    for (const result of results) {
      if (result.status === 'rejected') rejectEntry(db, result.opId, result.reason ?? 'rejected');
      else remove.run(result.opId);
    }
  })();
}

/** How many changes wait for the hub (the push reports it; the status screen shows it). */
export function outboxBacklog(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** Ops set aside (outbox_rejected), counted by reason: `loket sync` and the hub's status show them. */
export function setAsideByReason(db: Db): { reason: string; count: number }[] {
  return db.prepare('SELECT reason, count(*) AS count FROM outbox_rejected GROUP BY reason ORDER BY reason').all() as { reason: string; count: number }[];
}

/** How many ops were set aside (sent to the hub as X-Loket-Outbox-Rejected). */
export function setAsideCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox_rejected').get() as { n: number }).n;
}

/** Ops the hub refused (or that could not be built), for a person to look at. */
export function rejectedOps(db: Db): { opId: string; kind: string; rowId: number; at: string; reason: string }[] {
  return db.prepare('SELECT op_id AS opId, kind, row_id AS rowId, at, reason FROM outbox_rejected ORDER BY seq').all() as { opId: string; kind: string; rowId: number; at: string; reason: string }[];
}

function rejectEntry(db: Db, opId: string, reason: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO outbox_rejected (seq, op_id, kind, row_id, at, reason, rejected_at)
     SELECT seq, op_id, kind, row_id, at, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM outbox WHERE op_id = ?`,
  ).run(reason, opId);
  db.prepare('DELETE FROM outbox WHERE op_id = ?').run(opId);
}

function buildOp(db: Db, row: OutboxRow, counterId: string): HubOp | null {
  const base = { opId: row.opId, at: row.at };
  switch (row.kind) {
    case 'patient': {
      const record = patientRecordOf(db, row.rowId);
      return record ? { ...base, kind: 'patient', record } : null;
    }
    case 'visit': {
      const record = visitRecordOf(db, row.rowId, counterId);
      return record ? { ...base, kind: 'visit', record } : null;
    }
    case 'visit.status': {
      const v = visitRecordOf(db, row.rowId, counterId);
      return v ? { ...base, kind: 'visit.status', uid: v.uid, status: v.status, calledAt: v.calledAt, servedAt: v.servedAt, cancelledAt: v.cancelledAt } : null;
    }
    case 'visit.payer': {
      const v = visitRecordOf(db, row.rowId, counterId);
      return v ? { ...base, kind: 'visit.payer', uid: v.uid, payer: v.payer } : null;
    }
    case 'visit.patient': {
      const v = visitRecordOf(db, row.rowId, counterId);
      return v ? { ...base, kind: 'visit.patient', uid: v.uid, patientUid: v.patientUid } : null;
    }
    case 'visit.unit': {
      const v = visitRecordOf(db, row.rowId, counterId);
      return v ? { ...base, kind: 'visit.unit', uid: v.uid, unit: v.unit, queuePrefix: v.queuePrefix, queueNo: v.queueNo, serviceDate: v.serviceDate } : null;
    }
    case 'visit.recall': {
      const r = db.prepare('SELECT uid, recalls, recalled_at AS recalledAt FROM visits WHERE id = ?').get(row.rowId) as Row<{ uid: string; recalls: number; recalledAt: string | null }>;
      return r ? { ...base, kind: 'visit.recall', uid: r.uid, recalls: r.recalls, recalledAt: r.recalledAt } : null;
    }
    case 'followUp': {
      const record = followUpRecordOf(db, row.rowId);
      return record ? { ...base, kind: 'followUp', record } : null;
    }
    case 'print': {
      const record = printRecordOf(db, row.rowId);
      return record ? { ...base, kind: 'print', record } : null;
    }
    case 'recheck': {
      const record = recheckRecordOf(db, row.rowId);
      return record ? { ...base, kind: 'recheck', record } : null;
    }
    case 'patient.merge': {
      // row_id names the merge (patient_merges.seq): the merged row itself is gone.
      const m = db
        .prepare('SELECT p.uid AS survivorUid, m.record FROM patient_merges m JOIN patients p ON p.id = m.survivor_id WHERE m.seq = ?')
        .get(row.rowId) as Row<{ survivorUid: string; record: string }>;
      return m ? { ...base, kind: 'patient.merge', survivorUid: m.survivorUid, merged: JSON.parse(m.record) as Omit<PatientRecord, 'mergedInto'> } : null;
    }
  }
}

type Row<T> = T | undefined;

function patientRecordOf(db: Db, id: number): Omit<PatientRecord, 'mergedInto'> | null {
  const r = db.prepare('SELECT uid, mrn, nik, card, name, dob, sex, address, old_mrn AS oldMrn, identified, created_at AS createdAt, updated_at AS updatedAt FROM patients WHERE id = ?').get(id) as Row<Omit<PatientRecord, 'mergedInto' | 'identified'> & { identified: number }>;
  return r ? { ...r, identified: r.identified === 1 } : null;
}

interface VisitRow {
  uid: string;
  patientUid: string;
  serviceDate: string;
  unit: string;
  queuePrefix: string;
  queueNo: number;
  emergency: number;
  payer: Payer;
  verdict: string | null;
  verdictSource: string | null;
  status: VisitStatus;
  registeredAt: string;
  registeredBy: string;
  calledAt: string | null;
  servedAt: string | null;
  cancelledAt: string | null;
}

function visitRecordOf(db: Db, id: number, counterId: string): VisitRecord | null {
  const r = db
    .prepare(
      `SELECT v.uid, p.uid AS patientUid, v.service_date AS serviceDate, v.unit, v.queue_prefix AS queuePrefix, v.queue_no AS queueNo, v.emergency, v.payer,
         v.verdict, v.verdict_source AS verdictSource, v.status, v.registered_at AS registeredAt, v.registered_by AS registeredBy,
         v.called_at AS calledAt, v.served_at AS servedAt, v.cancelled_at AS cancelledAt
       FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?`,
    )
    .get(id) as Row<VisitRow>;
  return r ? { ...r, emergency: r.emergency === 1, counter: counterId } : null;
}

function followUpRecordOf(db: Db, id: number): FollowUpRecord | null {
  const r = db
    .prepare(
      `SELECT f.uid, v.uid AS visitUid, f.kind, f.reason, f.due_at AS dueAt, f.created_at AS createdAt, f.closed_at AS closedAt, f.resolution
       FROM follow_ups f JOIN visits v ON v.id = f.visit_id WHERE f.id = ?`,
    )
    .get(id) as Row<FollowUpRecord>;
  return r ?? null;
}

function printRecordOf(db: Db, id: number): PrintRecord | null {
  const r = db
    .prepare(`SELECT l.uid, v.uid AS visitUid, l.printed_at AS printedAt, l.clerk, l.kind, l.paper, l.printer FROM print_log l JOIN visits v ON v.id = l.visit_id WHERE l.id = ?`)
    .get(id) as Row<PrintRecord>;
  return r ?? null;
}

function recheckRecordOf(db: Db, id: number): RecheckRecord | null {
  const r = db
    .prepare(
      `SELECT c.uid, v.uid AS visitUid, c.checked_at AS checkedAt, c.service, c.before, c.after, c.live_status AS liveStatus, c.action
       FROM rechecks c JOIN visits v ON v.id = c.visit_id WHERE c.id = ?`,
    )
    .get(id) as Row<RecheckRecord>;
  return r ?? null;
}
