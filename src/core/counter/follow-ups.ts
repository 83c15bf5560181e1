import type { FollowUp, FollowUpKind, Identity, Payer } from '../../shared/counter';
import { normalizeName } from '../../shared/names';
import { queueLabel } from '../../shared/settings';
import { LoketError } from '../errors';
import type { Db } from '../store/open-database';


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

/** The open follow-ups ("Perlu tindak lanjut"), soonest deadline first. */
export function openFollowUps(db: Db, now: Date): FollowUp[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.kind, f.reason, f.due_at AS dueAt, v.id AS visitId, v.queue_prefix AS prefix, v.queue_no AS no, v.unit,
         v.service_date AS serviceDate, v.payer, v.emergency, p.id AS patientId, p.mrn, p.name, p.identified
       FROM follow_ups f JOIN visits v ON v.id = f.visit_id JOIN patients p ON p.id = v.patient_id
       WHERE f.closed_at IS NULL ORDER BY f.due_at, f.id`,
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

/** Settles the payer of a visit: the register changes, and its settle-payer follow-up closes. */
export function setPayer(db: Db, visitId: number, payer: Exclude<Payer, 'pending'>, now: Date): void {
  db.transaction(() => {
    const info = db.prepare('UPDATE visits SET payer = ? WHERE id = ?').run(payer, visitId);
    if (info.changes === 0) throw new LoketError('visit/not-found', { id: visitId });
    closeFollowUps(db, visitId, 'settle-payer', `payer:${payer}`, now);
  })();
}

/**
 * Gives an emergency patient registered without identity their real one. When the NIK belongs
 * to a patient already known here, the visit moves to that record (no duplicate record stays
 * behind); otherwise the temporary record becomes the real one.
 */
export function attachIdentity(db: Db, visitId: number, identity: Identity, now: Date): { patientId: number } {
  return db.transaction(() => {
    const visit = db.prepare('SELECT patient_id AS patientId FROM visits WHERE id = ?').get(visitId) as { patientId: number } | undefined;
    if (!visit) throw new LoketError('visit/not-found', { id: visitId });
    const known = identity.nik ? (db.prepare('SELECT id FROM patients WHERE nik = ? AND id != ?').get(identity.nik, visit.patientId) as { id: number } | undefined) : undefined;
    let patientId = visit.patientId;
    if (known) {
      db.prepare('UPDATE visits SET patient_id = ? WHERE id = ?').run(known.id, visitId);
      db.prepare('DELETE FROM patients WHERE id = ? AND identified = 0 AND NOT EXISTS (SELECT 1 FROM visits WHERE patient_id = ?)').run(patientId, patientId);
      patientId = known.id;
    } else {
      const name = identity.name.trim().replace(/\s+/g, ' ').toUpperCase();
      db.prepare(
        `UPDATE patients SET name = ?, name_key = ?, nik = ?, card = ?, dob = ?, sex = ?, address = ?, identified = 1, updated_at = ? WHERE id = ?`,
      ).run(name, normalizeName(name).key, identity.nik ?? null, identity.card ?? null, identity.dob ?? null, identity.sex ?? null, identity.address ?? null, now.toISOString(), patientId);
    }
    closeFollowUps(db, visitId, 'identify-patient', `patient:${patientId}`, now);
    return { patientId };
  })();
}

/** Closes a visit's open follow-ups of one kind, saying how they were settled. */
export function closeFollowUps(db: Db, visitId: number, kind: FollowUpKind, resolution: string, now: Date): void {
  db.prepare('UPDATE follow_ups SET closed_at = ?, resolution = ? WHERE visit_id = ? AND kind = ? AND closed_at IS NULL').run(now.toISOString(), resolution, visitId, kind);
}
