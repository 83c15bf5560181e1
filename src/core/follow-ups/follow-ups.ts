import type { FollowUp, FollowUpKind, Identity, Payer } from '../../shared/counter';
import { oldMrnKey, storedOldMrn } from '../../shared/old-mrn';
import { queueLabel } from '../../shared/settings';
import { LoketError } from '../errors';
import { nameColumns } from '../patients/loose-name-keys';
import type { Db } from '../store/open-database';
import { recordPayerChange, type PayerChangeBy } from './payer-changes.repo';

/**
 * SQL over a patient row `p`: the record has a number BPJS can be asked by (a NIK or a card). A
 * re-check with BPJS of a record without one has nothing to ask: it is not run, counted nor
 * listed, and comes back by itself once the record gets a number (F3, a merge, a hub's change).
 * Such re-checks were queued before Loket knew better, and an older counter may still send them.
 */
export const ASKABLE_PATIENT = '(p.nik IS NOT NULL OR p.card IS NOT NULL)';

interface FollowUpRow {
  id: number;
  kind: FollowUpKind;
  reason: string;
  dueAt: string;
  visitId: number;
  prefix: string;
  no: number;
  unit: string;
  serviceDate: string;
  payer: Payer;
  emergency: number;
  patientId: number;
  mrn: string;
  name: string;
  identified: number;
}

/**
 * The open follow-ups ("Perlu tindak lanjut"), soonest deadline first. A cancelled visit has
 * none (its follow-ups close with it); one left open by an older Loket is not listed either, nor
 * a re-check with BPJS of a record without NIK or card (ASKABLE_PATIENT).
 */
export function openFollowUps(db: Db, now: Date): FollowUp[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.kind, f.reason, f.due_at AS dueAt, v.id AS visitId, v.queue_prefix AS prefix, v.queue_no AS no, v.unit,
         v.service_date AS serviceDate, v.payer, v.emergency, p.id AS patientId, p.mrn, p.name, p.identified
       FROM follow_ups f JOIN visits v ON v.id = f.visit_id JOIN patients p ON p.id = v.patient_id
       WHERE f.closed_at IS NULL AND v.status != 'cancelled' AND (f.kind != 'recheck-eligibility' OR ${ASKABLE_PATIENT})
       ORDER BY f.due_at, f.id`,
    )
    .all() as FollowUpRow[];
  return rows.map((r) => {
    const minutesLeft = Math.round((Date.parse(r.dueAt) - now.getTime()) / 60_000);
    return {
      id: r.id,
      kind: r.kind,
      reason: r.reason,
      dueAt: r.dueAt,
      overdue: minutesLeft < 0,
      minutesLeft,
      visit: { id: r.visitId, queue: queueLabel(r.prefix, r.no), unit: r.unit, serviceDate: r.serviceDate, payer: r.payer, emergency: r.emergency === 1 },
      patient: { id: r.patientId, mrn: r.mrn, name: r.name, identified: r.identified === 1 },
    };
  });
}

/** What setting a payer did: the payer before (for Undo) and after. */
export interface PayerChange {
  previous: Payer;
  payer: Payer;
}

/**
 * Sets the payer of a visit: the register changes, and its settle-payer follow-up closes.
 * Back to 'pending' (Undo, or the clerk was wrong) reopens the task the payer had closed, or
 * opens a new one with the facility's deadline, so a pending payer is never left without one.
 */
/** `who` is recorded with the change (payer_changes) when the payer really changes. */
export function setPayer(db: Db, visitId: number, payer: Payer, now: Date, followUpHours = 72, who?: PayerChangeBy): PayerChange {
  return db.transaction(() => {
    const row = db.prepare('SELECT payer FROM visits WHERE id = ?').get(visitId) as { payer: Payer } | undefined;
    if (!row) throw new LoketError('visit/not-found', { id: visitId });
    db.prepare('UPDATE visits SET payer = ? WHERE id = ?').run(payer, visitId);
    if (who && row.payer !== payer) recordPayerChange(db, visitId, row.payer, payer, who, now);
    if (payer !== 'pending') closeFollowUps(db, visitId, 'settle-payer', `payer:${payer}`, now);
    else reopenSettlePayer(db, visitId, now, followUpHours);
    return { previous: row.payer, payer };
  }).immediate();
}

function reopenSettlePayer(db: Db, visitId: number, now: Date, followUpHours: number): void {
  const open = db.prepare(`SELECT 1 FROM follow_ups WHERE visit_id = ? AND kind = 'settle-payer' AND closed_at IS NULL`).get(visitId);
  if (open) return;
  const last = db
    .prepare(`SELECT id FROM follow_ups WHERE visit_id = ? AND kind = 'settle-payer' ORDER BY closed_at DESC, id DESC LIMIT 1`)
    .pluck()
    .get(visitId) as number | undefined;
  if (last !== undefined) db.prepare('UPDATE follow_ups SET closed_at = NULL, resolution = NULL WHERE id = ?').run(last);
  else
    db.prepare(`INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (?, 'settle-payer', 'other', ?, ?)`).run(
      visitId,
      new Date(now.getTime() + followUpHours * 3_600_000).toISOString(),
      now.toISOString(),
    );
}

/** What attaching an identity did: the visit's patient now, and whether that is an existing record joined. */
export interface AttachedIdentity {
  patientId: number;
  /** true: the identity belonged to a patient already known here; the visit moved to that record. */
  joined: boolean;
  mrn: string;
  name: string;
}

/** An identity typed or taken from the lists, or a record of this facility picked by its id. */
export type IdentitySource = { identity: Identity } | { patientId: number };

/**
 * Gives an emergency patient registered without identity their real one. When the identity
 * belongs to a patient already known here (picked, or the same NIK or card), the visit moves to
 * that record (no duplicate record stays behind); otherwise the temporary record becomes the real one.
 */
export function attachIdentity(db: Db, visitId: number, source: Identity | IdentitySource, now: Date): AttachedIdentity {
  const from: IdentitySource = 'identity' in source || 'patientId' in source ? (source as IdentitySource) : { identity: source as Identity };
  return db.transaction(() => {
    const visit = db.prepare('SELECT patient_id AS patientId FROM visits WHERE id = ?').get(visitId) as { patientId: number } | undefined;
    if (!visit) throw new LoketError('visit/not-found', { id: visitId });
    const known = knownPatient(db, from, visit.patientId);
    let patientId = visit.patientId;
    if (known !== undefined) {
      db.prepare('UPDATE visits SET patient_id = ? WHERE id = ?').run(known, visitId);
      db.prepare('DELETE FROM patients WHERE id = ? AND identified = 0 AND NOT EXISTS (SELECT 1 FROM visits WHERE patient_id = ?)').run(patientId, patientId);
      patientId = known;
    } else if ('identity' in from) {
      const identity = from.identity;
      const name = identity.name.trim().replace(/\s+/g, ' ').toUpperCase();
      const { nameKey, looseSorted, looseJoined } = nameColumns(name);
      db.prepare(
        `UPDATE patients SET name = ?, name_key = ?, loose_sorted = ?, loose_joined = ?, nik = ?, card = ?, dob = ?, sex = ?, address = ?, old_mrn = ?, old_mrn_key = ?, identified = 1, updated_at = ? WHERE id = ?`,
      ).run(name, nameKey, looseSorted, looseJoined, identity.nik ?? null, identity.card ?? null, identity.dob ?? null, identity.sex ?? null, identity.address ?? null, storedOldMrn(identity.oldMrn), oldMrnKey(identity.oldMrn), now.toISOString(), patientId);
    }
    closeFollowUps(db, visitId, 'identify-patient', `patient:${patientId}`, now);
    const patient = db.prepare('SELECT mrn, name FROM patients WHERE id = ?').get(patientId) as { mrn: string; name: string };
    return { patientId, joined: known !== undefined, mrn: patient.mrn, name: patient.name };
  }).immediate();
}

/** The record of this facility the identity belongs to, other than the visit's temporary one. */
function knownPatient(db: Db, from: IdentitySource, current: number): number | undefined {
  if ('patientId' in from) {
    if (from.patientId === current) return undefined;
    const found = db.prepare('SELECT id FROM patients WHERE id = ?').pluck().get(from.patientId) as number | undefined;
    if (found === undefined) throw new LoketError('patient/not-found', { id: from.patientId });
    return found;
  }
  const { nik, card } = from.identity;
  const byNik = nik ? (db.prepare('SELECT id FROM patients WHERE nik = ? AND id != ?').pluck().get(nik, current) as number | undefined) : undefined;
  if (byNik !== undefined) return byNik;
  return card ? (db.prepare('SELECT id FROM patients WHERE card = ? AND id != ? ORDER BY id LIMIT 1').pluck().get(card, current) as number | undefined) : undefined;
}

/** Closes a visit's open follow-ups of one kind, saying how they were settled. */
export function closeFollowUps(db: Db, visitId: number, kind: FollowUpKind, resolution: string, now: Date): void {
  db.prepare('UPDATE follow_ups SET closed_at = ?, resolution = ? WHERE visit_id = ? AND kind = ? AND closed_at IS NULL').run(now.toISOString(), resolution, visitId, kind);
}

/** How a follow-up closed by its visit's cancellation says so (follow_ups.resolution). */
export const CANCELLED_VISIT = 'visit-cancelled';

/** The visit was cancelled: its open follow-ups of every kind close, saying why. */
export function closeForCancelledVisit(db: Db, visitId: number, now: Date): void {
  db.prepare('UPDATE follow_ups SET closed_at = ?, resolution = ? WHERE visit_id = ? AND closed_at IS NULL').run(now.toISOString(), CANCELLED_VISIT, visitId);
}

/**
 * The cancellation was undone: the follow-ups its cancel closed are open again, each with its
 * own kind, reason and deadline (the countdown goes on as before). They come back as new tasks
 * rather than reopened ones: at a facility hub a closed task stays closed, and a reopened one
 * would close again with the next sync. A payer settled meanwhile, or an identity attached,
 * needs no task again.
 */
export function reopenAfterUncancel(db: Db, visitId: number, now: Date): void {
  const closed = db
    .prepare(
      `SELECT f.kind, f.reason, f.due_at AS dueAt FROM follow_ups f
       WHERE f.visit_id = ? AND f.resolution = ?
         AND f.closed_at = (SELECT max(closed_at) FROM follow_ups WHERE visit_id = f.visit_id AND resolution = ?)
       ORDER BY f.id`,
    )
    .all(visitId, CANCELLED_VISIT, CANCELLED_VISIT) as { kind: FollowUpKind; reason: string; dueAt: string }[];
  const visit = db.prepare('SELECT v.payer, p.identified FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(visitId) as { payer: Payer; identified: number };
  const stillOpen = db.prepare('SELECT 1 FROM follow_ups WHERE visit_id = ? AND kind = ? AND closed_at IS NULL');
  const insert = db.prepare('INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const f of closed) {
    if (f.kind === 'settle-payer' && visit.payer !== 'pending') continue;
    if (f.kind === 'identify-patient' && visit.identified === 1) continue;
    if (stillOpen.get(visitId, f.kind)) continue;
    insert.run(visitId, f.kind, f.reason, f.dueAt, now.toISOString());
  }
}
