import type { FollowUpKind, Payer, RegisteredVisit } from '../../shared/counter';
import { isoDateInZone } from '../../shared/dates';
import type { Verdict } from '../../shared/lookup';
import { queueLabel, unitPrefix, visitPrefix, type CounterSettings } from '../../shared/settings';
import { LoketError } from '../errors';
import { newUid } from '../sync/uuid';
import type { Db } from '../store/open-database';
import { createPatient, findPatient, type NewPatient, type Patient } from '../patients/patients.repo';
import { enrolledOfflinePrefix, onHubClock } from '../sync/sync-state.repo';
import { arrivalOrder } from './arrival-order';
import { dayBefore } from './queue';

/**
 * How an enrolled counter numbers a visit (counter-methods.ts asks the hub first): the visit's
 * uid, made before asking, and the number the hub gave for it; null when the hub could not be
 * reached (numbered locally behind the counter's offline prefix).
 */
export interface HubNumbering {
  uid: string;
  queueNo: number | null;
}

export interface RegisterVisitInput {
  patient: Patient;
  unit: string;
  /** The answer the clerk saw; null when no check was made. */
  verdict: Verdict | null;
  verdictSource?: 'lists' | 'bpjs-live';
  /** The clerk's choice; otherwise derived from the verdict. Changes nothing but the register. */
  payer?: Payer;
  /** A second visit of the same patient to the same unit on the same day needs the clerk's confirmation. */
  confirmDuplicate?: boolean;
  /** BPJS is configured but did not answer for this visit: re-check it when BPJS is back. */
  recheckLater?: boolean;
  clerk: string;
  now: Date;
  /** The facility's service day (see service-day.ts); by default the date in its time zone. */
  serviceDate?: string;
  /** Enrolled counters only. */
  hub?: HubNumbering;
}

/** A record BPJS can be asked about: it has a NIK or a card number. */
const hasNumber = (patient: Pick<Patient, 'nik' | 'card'>): boolean => patient.nik !== null || patient.card !== null;

/** JKN when eligible; otherwise "penjamin menyusul" until someone settles it. Never blocks. */
export const derivePayer = (verdict: Verdict | null): Payer => (verdict === 'eligible' ? 'jkn' : 'pending');

/**
 * Registers a visit with the next queue number of its unit for the facility's local day. One
 * sequence per prefix and day, whoever pays: arrival order decides, nothing else. The number
 * carries the unit's prefix (behind the counter's, if any): "U-007", "A-U-007". The sequence
 * follows the prefix, not the unit's code: a unit re-coded, or removed and added again, during
 * the day goes on from the last number of its prefix, so no number is ever handed out twice.
 */
export function registerVisit(db: Db, settings: CounterSettings, input: RegisterVisitInput): RegisteredVisit {
  if (!settings.units.some((u) => u.code === input.unit)) throw new LoketError('visit/unknown-unit', { unit: input.unit });
  refuseEmergencyUnit(settings, input.unit);
  const serviceDate = input.serviceDate ?? isoDateInZone(input.now, settings.timeZone);
  const payer = input.payer ?? derivePayer(input.verdict);
  // IMMEDIATE: two windows of one counter must never draw the same number.
  return db.transaction(() => {
    if (!input.confirmDuplicate) refuseDuplicate(db, settings, { patient: input.patient, unit: input.unit, serviceDate });
    const visit = insertVisit(db, { ...input, serviceDate, payer, ...numbering(db, settings.counterPrefix, unitPrefix(settings, input.unit), { ...input, serviceDate }), emergency: false, emergencyUnit: settings.emergencyUnit });
    const followUpIds: number[] = [];
    if (payer === 'pending') {
      const reason = input.verdict === 'not-eligible' ? 'not-active' : input.verdict === 'unknown' ? 'not-found' : 'not-checked';
      followUpIds.push(openFollowUp(db, visit.id, 'settle-payer', reason, input.now, settings.followUpHours));
    }
    // BPJS is asked by NIK or card: a record with neither has nothing to re-check (its open payer
    // is asked once F3 gives it a number; recheck.ts).
    if (input.recheckLater && input.verdict !== null && hasNumber(input.patient)) followUpIds.push(openFollowUp(db, visit.id, 'recheck-eligibility', 'lists-only', input.now, settings.followUpHours));
    return { ...visit, followUpIds };
  }).immediate();
}

export interface NewPatientVisitInput extends Omit<RegisterVisitInput, 'patient' | 'confirmDuplicate'> {
  identity: NewPatient;
}

/**
 * A new patient's first visit: the record and the visit in one transaction, so a registration the
 * clerk never sent (Esc, a scan, an emergency instead) leaves no record behind, and a failed one
 * leaves neither. A NIK already on a record here is refused (the clerk takes that record instead).
 */
export function registerNewPatientVisit(db: Db, settings: CounterSettings, input: NewPatientVisitInput): RegisteredVisit & { patient: Patient } {
  const { identity, ...visit } = input;
  return db.transaction(() => {
    if (identity.nik && findPatient(db, { nik: identity.nik })) throw new LoketError('patient/nik-exists', { nik: identity.nik });
    const patient = createPatient(db, identity, settings, input.now);
    return { ...registerVisit(db, settings, { ...visit, patient }), patient };
  }).immediate();
}

/**
 * The emergency unit takes emergencies only (registerEmergency: a GD number, called first, the
 * emergency flag the recap counts). A plain visit there would be an IGD arrival the recap's
 * "Gawat darurat" leaves out and the equal-service report counts as a long wait, so every caller
 * (counter screen, `loket daftar`, the contract) is refused alike, as a move to the IGD is.
 */
export function refuseEmergencyUnit(settings: CounterSettings, unit: string): void {
  if (unit === settings.emergencyUnit) throw new LoketError('visit/emergency-unit', { unit: settings.units.find((u) => u.code === unit)?.name ?? unit });
}

/** A second visit of the patient to the unit on the day, not cancelled, is refused (the clerk may confirm it). */
export function refuseDuplicate(db: Db, settings: CounterSettings, visit: { patient: Patient; unit: string; serviceDate: string }): void {
  const same = db
    .prepare(`SELECT queue_prefix AS prefix, queue_no AS no FROM visits WHERE patient_id = ? AND service_date = ? AND unit = ? AND status != 'cancelled' LIMIT 1`)
    .get(visit.patient.id, visit.serviceDate, visit.unit) as { prefix: string; no: number } | undefined;
  const unitName = settings.units.find((u) => u.code === visit.unit)?.name ?? visit.unit;
  if (same) throw new LoketError('visit/duplicate', { name: visit.patient.name, unit: unitName, queue: queueLabel(same.prefix, same.no) });
}

/**
 * The prefix and number of a new visit. Alone: the counter's prefix and the next local number.
 * Enrolled: the hub's number behind the unit's prefix; without one (hub unreachable), or with one
 * already used here (only if the hub lost data: never crash a registration), the next local
 * number behind the counter's offline prefix, which no other counter uses. A counter never gives
 * one number twice itself (the hub moves its sequence past every number pushed to it); a pulled
 * visit may share one (migration 014), and the queue marks both.
 */
export function numbering(db: Db, counterPrefix: string, groupPrefix: string, v: { unit: string; serviceDate: string; hub?: HubNumbering | undefined }): { prefix: string; queueNo?: number; uid?: string } {
  const offlinePrefix = enrolledOfflinePrefix(db);
  if (offlinePrefix === null) return { prefix: visitPrefix(counterPrefix, groupPrefix) };
  const uid = v.hub ? { uid: v.hub.uid } : {};
  const given = v.hub?.queueNo ?? null;
  if (given !== null && !db.prepare('SELECT 1 FROM visits WHERE service_date = ? AND queue_prefix = ? AND queue_no = ?').get(v.serviceDate, groupPrefix, given)) {
    return { prefix: groupPrefix, queueNo: given, ...uid };
  }
  return { prefix: visitPrefix(offlinePrefix, groupPrefix), ...uid };
}

/**
 * The temporary name of an unidentified emergency: "TANPA IDENTITAS 05:39", and "TANPA IDENTITAS
 * 05:39 (2)" for the second of that minute among the records still without identity (two
 * victims of one accident): the name is what the nurse reads off the slip and the queue, and
 * what the follow-up to identify them names.
 */
function unidentifiedName(db: Db, time: string): string {
  const base = `TANPA IDENTITAS ${time}`;
  const { n } = db.prepare(`SELECT count(*) AS n FROM patients WHERE identified = 0 AND (name = ? OR name LIKE ? || ' (%)')`).get(base, base) as { n: number };
  return n === 0 ? base : `${base} (${n + 1})`;
}

export interface EmergencyInput {
  /** The patient if known; without one an unidentified patient record is made at once. */
  patient?: Patient;
  clerk: string;
  now: Date;
  /** The facility's service day (see service-day.ts); by default the date in its time zone. */
  serviceDate?: string;
  /** Enrolled counters only. */
  hub?: HubNumbering;
}

/**
 * An emergency (gawat darurat) is registered at once: no eligibility check waited for, no
 * identity required (UU 17/2023 art. 174). It gets an emergency number that comes before the
 * day's regular numbers, and a follow-up to settle the payer (and identity) by the deadline.
 */
export function registerEmergency(db: Db, settings: CounterSettings, input: EmergencyInput): RegisteredVisit & { patient: Patient } {
  return db.transaction(() => {
    const patient = input.patient ?? createPatient(db, { name: unidentifiedName(db, localTime(input.now, settings.timeZone)), identified: false }, settings, input.now);
    const serviceDate = input.serviceDate ?? isoDateInZone(input.now, settings.timeZone);
    const numbered = numbering(db, settings.counterPrefix, settings.emergencyPrefix, { unit: settings.emergencyUnit, serviceDate, hub: input.hub });
    const visit = insertVisit(db, { patient, unit: settings.emergencyUnit, verdict: null, clerk: input.clerk, now: input.now, serviceDate, payer: 'pending', ...numbered, emergency: true, emergencyUnit: settings.emergencyUnit });
    const followUpIds = [openFollowUp(db, visit.id, 'settle-payer', 'emergency', input.now, settings.followUpHours)];
    if (!patient.identified) followUpIds.push(openFollowUp(db, visit.id, 'identify-patient', 'emergency-unidentified', input.now, settings.followUpHours));
    return { ...visit, followUpIds, patient };
  }).immediate();
}

interface VisitRow extends Omit<RegisterVisitInput, 'payer' | 'confirmDuplicate' | 'recheckLater' | 'hub'> {
  serviceDate: string;
  payer: Payer;
  prefix: string;
  emergency: boolean;
  /** The unit whose open visits of the day before stay in the queue (nextLocalNumber). */
  emergencyUnit: string;
  /** Given by the hub; otherwise the next local number. */
  queueNo?: number | undefined;
  /** Made before asking the hub; otherwise the insert trigger makes one. */
  uid?: string | undefined;
}

function insertVisit(db: Db, v: VisitRow): Omit<RegisteredVisit, 'followUpIds'> {
  const next = v.queueNo ?? nextLocalNumber(db, v.serviceDate, v.prefix, v.emergencyUnit);
  const registeredAt = v.now.toISOString();
  const uid = v.uid ?? newUid();
  // This PC's clock off the hub's (as the last sync round saw it): the visit takes the hub's order of arrival at once, before it is pushed.
  const { queueAt, clockBackMinutes } = arrivalOrder(db, v.serviceDate, registeredAt, onHubClock(db, registeredAt));
  const info = db
    .prepare(
      `INSERT INTO visits (uid, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source, status, registered_at, registered_by, queue_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)`,
    )
    .run(uid, v.patient.id, v.serviceDate, v.unit, v.prefix, next, v.emergency ? 1 : 0, v.payer, v.verdict, v.verdict ? (v.verdictSource ?? 'lists') : null, registeredAt, v.clerk, queueAt);
  return {
    id: Number(info.lastInsertRowid),
    uid,
    patientId: v.patient.id,
    serviceDate: v.serviceDate,
    unit: v.unit,
    queue: queueLabel(v.prefix, next),
    queueNo: next,
    emergency: v.emergency,
    payer: v.payer,
    registeredAt,
    ...(clockBackMinutes === undefined ? {} : { clockBackMinutes }),
  };
}

/**
 * The `sequences` row holding the highest number of a prefix on a day that a database replaced by
 * `loket restore` had given (store/restore-previous.ts): the restored backup lacks those visits,
 * and their slips are in patients' hands.
 */
export const queueHighName = (serviceDate: string, prefix: string): string => `queue/${serviceDate}/${prefix}`;

/**
 * The next number of a prefix on a day, numbered here: after the highest any visit of the day
 * holds, or held before it moved to another unit, or was given by a move since undone (a slip
 * with that number may be in a patient's hand), on that day's sequence also when the move
 * carried the visit into another day (migration 017), or was given before a restore (queueHighName).
 * And after the highest number of the day before still open in the queue (the IGD's patients
 * waiting since last night, queue.ts IN_QUEUE): a 24-hour IGD that restarted at GD-001 at
 * midnight would have two patients answering to "GD-001" in one queue. Once last night's are
 * served, the day's numbering goes on from where it is (no number is given twice either way).
 * Callers hold an IMMEDIATE transaction.
 */
export function nextLocalNumber(db: Db, serviceDate: string, prefix: string, emergencyUnit: string): number {
  const row = db
    .prepare(
      `SELECT coalesce(max(n), 0) + 1 AS next FROM (
         SELECT queue_no AS n FROM visits WHERE service_date = ? AND queue_prefix = ?
         UNION ALL SELECT from_no FROM visit_moves WHERE from_service_date = ? AND from_prefix = ?
         UNION ALL SELECT to_no FROM visit_moves WHERE to_service_date = ? AND to_prefix = ?
         UNION ALL SELECT value FROM sequences WHERE name = ?
         UNION ALL SELECT queue_no FROM visits WHERE service_date = ? AND queue_prefix = ? AND status IN ('waiting', 'called') AND (emergency = 1 OR unit = ?))`,
    )
    .get(serviceDate, prefix, serviceDate, prefix, serviceDate, prefix, queueHighName(serviceDate, prefix), dayBefore(serviceDate), prefix, emergencyUnit) as { next: number };
  return row.next;
}

function openFollowUp(db: Db, visitId: number, kind: FollowUpKind, reason: string, now: Date, hours: number): number {
  const due = new Date(now.getTime() + hours * 3_600_000).toISOString();
  const info = db
    .prepare('INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(visitId, kind, reason, due, now.toISOString());
  return Number(info.lastInsertRowid);
}

function localTime(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now).replace('.', ':');
}
