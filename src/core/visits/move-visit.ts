import type { MovedVisit, RecalledVisit, VisitStatus } from '../../shared/counter';
import { isoDateInZone } from '../../shared/dates';
import { queueLabel, unitPrefix, type CounterSettings } from '../../shared/settings';
import { LoketError } from '../errors';
import type { Db } from '../store/open-database';
import { findPatient } from '../patients/patients.repo';
import { nextLocalNumber, numbering, refuseDuplicate, type HubNumbering } from './visits';

interface Place {
  id: number;
  patientId: number;
  serviceDate: string;
  unit: string;
  prefix: string;
  no: number;
  status: VisitStatus;
  calledAt: string | null;
  calledHubAt: string | null;
}

const placeOf = (db: Db, visitId: number): Place => {
  const row = db
    .prepare('SELECT id, patient_id AS patientId, service_date AS serviceDate, unit, queue_prefix AS prefix, queue_no AS no, status, called_at AS calledAt, called_hub_at AS calledHubAt FROM visits WHERE id = ?')
    .get(visitId) as Place | undefined;
  if (!row) throw new LoketError('visit/not-found', { id: visitId });
  return row;
};

/**
 * The service day a move puts the visit in: the facility's day of the move (`today`, as the queue
 * counts it) when that is later than the visit's own. A patient registered at the IGD at 23:50 and
 * sent to a poli at 00:10 is today's patient there: yesterday's poli visits are in no queue
 * (queue.ts), and the poli numbers today's patients on today's sequence. A move the same day keeps
 * the day.
 */
export function moveServiceDate(db: Db, visitId: number, today: string): string {
  const { serviceDate } = placeOf(db, visitId);
  return today > serviceDate ? today : serviceDate;
}

/**
 * Why a visit cannot move, or null: only a patient still waiting or called moves (a served patient
 * was seen, a cancelled one left), to another unit of the settings, where they are not already
 * registered on the day the move puts them in. Asked before the hub's number is asked for (a
 * refused move burns no number) and again inside the move's transaction.
 */
export function refuseMove(db: Db, settings: CounterSettings, visitId: number, unit: string, today: string): void {
  const place = placeOf(db, visitId);
  const queue = queueLabel(place.prefix, place.no);
  if (place.status === 'served') throw new LoketError('visit/move-served', { queue });
  if (place.status === 'cancelled') throw new LoketError('visit/move-cancelled', { queue });
  if (!settings.units.some((u) => u.code === unit)) throw new LoketError('visit/unknown-unit', { unit });
  if (place.unit === unit) throw new LoketError('visit/move-same-unit', { queue });
  // As at registration, the IGD takes no one by a unit's choice: an emergency is registered with
  // F9 (an emergency number, called first, its follow-ups). A moved visit would queue there behind
  // every emergency on a number series of its own, and not be marked as one.
  if (unit === settings.emergencyUnit) throw new LoketError('visit/move-to-emergency', { queue });
  const patient = findPatient(db, { id: place.patientId });
  if (patient) refuseDuplicate(db, settings, { patient, unit, serviceDate: moveServiceDate(db, visitId, today) });
}

export interface MoveInput {
  visitId: number;
  unit: string;
  clerk: string;
  now: Date;
  /** The facility's service day of the move (see service-day.ts); by default the date in its time zone. */
  today?: string;
  /** Enrolled counters: the number the hub gave for the move (its uid is the move's own, not the visit's). */
  hub?: HubNumbering;
}

/**
 * Moves a waiting or called visit to another unit (the wrong poli, or a same-day referral).
 *
 * - It keeps its place by arrival there: "Panggil berikutnya" takes the earliest registration
 *   (queue.ts), and the registration time does not change; emergencies still come first. A moved
 *   emergency visit stays an emergency (it was registered as one: its follow-ups, and its place).
 * - It gets the target unit's next number, as a registration there would (the hub's when
 *   enrolled, else the offline prefix; alone, the next local one). The old number is never given
 *   again: nothing hands out a number below a sequence's highest.
 * - It waits there: a patient called at the first unit is not yet called at the second (the call
 *   time goes, and the undo brings it back).
 * - Moved on a later facility day than its own (the IGD's patient of last night sent to a poli
 *   after midnight), it becomes a visit of the move's day (moveServiceDate): in today's queue
 *   there, with today's number; the undo gives it its own day back.
 * - The move is kept (visit_moves) for the undo.
 */
export function moveVisit(db: Db, settings: CounterSettings, input: MoveInput): MovedVisit {
  return db.transaction(() => {
    const today = input.today ?? isoDateInZone(input.now, settings.timeZone);
    refuseMove(db, settings, input.visitId, input.unit, today);
    const place = placeOf(db, input.visitId);
    const serviceDate = moveServiceDate(db, input.visitId, today);
    const numbered = numbering(db, settings.counterPrefix, unitPrefix(settings, input.unit), { unit: input.unit, serviceDate, hub: input.hub });
    const no = numbered.queueNo ?? nextLocalNumber(db, serviceDate, numbered.prefix, settings.emergencyUnit);
    db.prepare(
      `INSERT INTO visit_moves (visit_id, from_unit, from_prefix, from_no, from_status, from_called_at, from_called_hub_at, from_service_date, to_unit, to_prefix, to_no, to_service_date, moved_at, moved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(place.id, place.unit, place.prefix, place.no, place.status, place.calledAt, place.calledHubAt, place.serviceDate, input.unit, numbered.prefix, no, serviceDate, input.now.toISOString(), input.clerk);
    db.prepare(`UPDATE visits SET service_date = ?, unit = ?, queue_prefix = ?, queue_no = ?, status = 'waiting', called_at = NULL, called_hub_at = NULL WHERE id = ?`).run(serviceDate, input.unit, numbered.prefix, no, place.id);
    return {
      visitId: place.id,
      name: nameOf(db, place.patientId),
      from: { unit: place.unit, queue: queueLabel(place.prefix, place.no), status: place.status },
      to: { unit: input.unit, queue: queueLabel(numbered.prefix, no) },
    };
  }).immediate();
}

interface MoveRow {
  id: number;
  fromUnit: string;
  fromPrefix: string;
  fromNo: number;
  fromStatus: VisitStatus;
  fromCalledAt: string | null;
  fromCalledHubAt: string | null;
  fromServiceDate: string;
  toUnit: string;
  toPrefix: string;
  toNo: number;
}

/**
 * Undo of the visit's newest move: back to the unit, number, status, call time and service day it
 * had (last night's IGD patient is yesterday's there again). Only while the visit is where that
 * move put it and not called or ended there (a patient already seen at the new unit is not sent
 * back by a late Ctrl+Z). The number it gets back was its own: no
 * visit took it meanwhile (numbers only go up). The new one stays unused.
 */
export function undoMove(db: Db, visitId: number, now: Date): MovedVisit {
  return db.transaction(() => {
    const place = placeOf(db, visitId);
    const move = db
      .prepare(
        `SELECT id, from_unit AS fromUnit, from_prefix AS fromPrefix, from_no AS fromNo, from_status AS fromStatus, from_called_at AS fromCalledAt, from_called_hub_at AS fromCalledHubAt,
           from_service_date AS fromServiceDate, to_unit AS toUnit, to_prefix AS toPrefix, to_no AS toNo
         FROM visit_moves WHERE visit_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
      )
      .get(visitId) as MoveRow | undefined;
    const here = move && move.toUnit === place.unit && move.toPrefix === place.prefix && move.toNo === place.no;
    if (!move || !here || place.status !== 'waiting') throw new LoketError('visit/move-undo-late', { queue: queueLabel(place.prefix, place.no) });
    db.prepare('UPDATE visits SET service_date = ?, unit = ?, queue_prefix = ?, queue_no = ?, status = ?, called_at = ?, called_hub_at = ? WHERE id = ?').run(
      move.fromServiceDate,
      move.fromUnit,
      move.fromPrefix,
      move.fromNo,
      move.fromStatus,
      move.fromCalledAt,
      move.fromCalledHubAt,
      visitId,
    );
    db.prepare('UPDATE visit_moves SET undone_at = ? WHERE id = ?').run(now.toISOString(), move.id);
    return {
      visitId,
      name: nameOf(db, place.patientId),
      from: { unit: place.unit, queue: queueLabel(place.prefix, place.no), status: place.status },
      to: { unit: move.fromUnit, queue: queueLabel(move.fromPrefix, move.fromNo) },
    };
  }).immediate();
}

/**
 * "Panggil ulang": a called patient called again (they did not come at the first call). Counted,
 * not timed: the first call's time stays in called_at, so the waiting time, the register and the
 * equal-service report measure the same wait whether the clerk had to call twice or not (the hub
 * keeps the earliest call too); the time of the last call again is kept beside it, for the hub's
 * queue display. `undo` takes one count back.
 */
export function recallVisit(db: Db, visitId: number, now: Date, undo = false): RecalledVisit {
  return db.transaction(() => {
    const place = placeOf(db, visitId);
    const queue = queueLabel(place.prefix, place.no);
    if (place.status !== 'called') throw new LoketError('visit/recall-not-called', { queue });
    // The last call again's time puts the number up again on the hub's display. Undone: back to none
    // once no call again is left; after two calls again and one undone, the later time stays.
    if (undo) db.prepare(`UPDATE visits SET recalls = max(recalls - 1, 0), recalled_at = CASE WHEN recalls <= 1 THEN NULL ELSE recalled_at END WHERE id = ?`).run(visitId);
    else db.prepare('UPDATE visits SET recalls = recalls + 1, recalled_at = ? WHERE id = ?').run(now.toISOString(), visitId);
    const { recalls } = db.prepare('SELECT recalls FROM visits WHERE id = ?').get(visitId) as { recalls: number };
    return { recalls, queue, unit: place.unit, name: nameOf(db, place.patientId) };
  }).immediate();
}

const nameOf = (db: Db, patientId: number): string => findPatient(db, { id: patientId })?.name ?? '';
