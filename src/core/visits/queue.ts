import type { QueueEntry, VisitStatus } from '../../shared/counter';
import { civilToIso, daysFromCivil, isoDateInZone } from '../../shared/dates';
import { queueLabel, type CounterSettings } from '../../shared/settings';
import { LoketError } from '../errors';
import { closeForCancelledVisit, reopenAfterUncancel } from '../follow-ups/follow-ups';
import type { Db } from '../store/open-database';
import { hubClockAheadS, onHubClock } from '../sync/sync-state.repo';
import { minutesWaited } from '../../shared/queue-clock';


interface QueueRow {
  visitId: number;
  visitUid: string;
  patientUid: string;
  nik: string | null;
  serviceDate: string;
  prefix: string;
  no: number;
  unit: string;
  emergency: number;
  sameNumber: number;
  waitingTwice: number;
  status: VisitStatus;
  patientId: number;
  mrn: string;
  name: string;
  registeredAt: string;
  queueAt: string | null;
  calledAt: string | null;
  calledHubAt: string | null;
  servedAt: string | null;
  cancelledAt: string | null;
  recalls: number;
}

const QUEUE_SQL = `SELECT v.id AS visitId, v.uid AS visitUid, v.service_date AS serviceDate, v.queue_prefix AS prefix, v.queue_no AS no, v.unit, v.emergency, v.status,
    p.id AS patientId, p.uid AS patientUid, p.mrn, p.nik, p.name, v.registered_at AS registeredAt, v.queue_at AS queueAt, v.called_at AS calledAt, v.called_hub_at AS calledHubAt,
    v.served_at AS servedAt, v.cancelled_at AS cancelledAt, v.recalls,
    -- Numbers belong to the prefix and the day (not the unit): a twin in another unit's tab holds the same printed number.
    EXISTS (SELECT 1 FROM visits o WHERE o.service_date = v.service_date AND o.queue_prefix = v.queue_prefix AND o.queue_no = v.queue_no AND o.id != v.id) AS sameNumber,
    -- The patient waits twice in this unit today (two counters registered them while the hub was out
    -- of reach; each alone would have asked): both rows say so until one is cancelled or served.
    (v.status IN ('waiting', 'called') AND EXISTS (SELECT 1 FROM visits t WHERE t.patient_id = v.patient_id AND t.service_date = v.service_date
      AND t.unit = v.unit AND t.id != v.id AND t.status IN ('waiting', 'called'))) AS waitingTwice
  FROM visits v JOIN patients p ON p.id = v.patient_id`;
/**
 * Emergencies first; then arrival order, and nothing else: on the hub's clock when the registering
 * counter's was off (`queue_at`, src/shared/queue-clock.ts), so a slow PC's patients do not jump
 * the queue. Both are ISO instants of one form (toISOString): their text sorts as time.
 */
const QUEUE_ORDER = 'ORDER BY v.emergency DESC, coalesce(v.queue_at, v.registered_at), v.id';

/**
 * The day's visits, and the IGD's of the day before that are still open (waiting or called):
 * the IGD works through the night, and a patient waiting there at midnight is still waiting at
 * 00:10. Only the emergency unit and emergency visits carry over: a poli closes in the
 * afternoon, and a patient left "waiting" there yesterday went home; calling them first the
 * next morning would be wrong. Older open visits are left to the register.
 */
const IN_QUEUE = `(v.service_date = ? OR (v.service_date = ? AND v.status IN ('waiting', 'called') AND (v.emergency = 1 OR v.unit = ?)))`;
export const dayBefore = (day: string): string => civilToIso(daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))) - 1);

/**
 * The day's queue (the facility's service day; see service-day.ts), per unit or all units. Any
 * unit code the visits carry, also one no longer in the settings (removed, re-coded, or gone
 * from the hub's facility settings): its patients can still be called, served or cancelled.
 */
export function dayQueue(db: Db, settings: CounterSettings, now: Date, unit?: string, day = isoDateInZone(now, settings.timeZone)): QueueEntry[] {
  const rows = (unit
    ? db.prepare(`${QUEUE_SQL} WHERE ${IN_QUEUE} AND v.unit = ? ${QUEUE_ORDER}`).all(day, dayBefore(day), settings.emergencyUnit, unit)
    : db.prepare(`${QUEUE_SQL} WHERE ${IN_QUEUE} ${QUEUE_ORDER}`).all(day, dayBefore(day), settings.emergencyUnit)) as QueueRow[];
  const hubAhead = hubClockAheadS(db);
  return markOpenTwins(rows.map((r) => toEntry(r, now, hubAhead, day)));
}

/**
 * One number held by two open visits of the queue, one of the day before (an IGD that went on
 * numbering from 001 after midnight before numbers ran on past last night's; a visit pulled from
 * a counter of another version): both say "same number", so the nurse calls by name.
 */
function markOpenTwins(entries: QueueEntry[]): QueueEntry[] {
  const open = (e: QueueEntry): boolean => e.status === 'waiting' || e.status === 'called';
  const held = new Map<string, Set<string>>();
  for (const e of entries.filter(open)) held.set(e.queue, (held.get(e.queue) ?? new Set()).add(e.serviceDate));
  return entries.map((e) => (open(e) && (held.get(e.queue)?.size ?? 0) > 1 ? { ...e, sameNumber: true } : e));
}

/** Calls the next waiting patient of a unit: the first emergency, else the earliest arrival (at the IGD, last night's first). The call is also kept on the hub's clock when this one is off (`called_hub_at`). */
export function callNext(db: Db, settings: CounterSettings, unit: string, now: Date, day = isoDateInZone(now, settings.timeZone)): QueueEntry | null {
  return db.transaction(() => {
    const next = db.prepare(`${QUEUE_SQL} WHERE ${IN_QUEUE} AND v.unit = ? AND v.status = 'waiting' ${QUEUE_ORDER} LIMIT 1`).get(day, dayBefore(day), settings.emergencyUnit, unit) as QueueRow | undefined;
    if (!next) return null;
    const calledAt = now.toISOString();
    const calledHubAt = onHubClock(db, calledAt);
    db.prepare(`UPDATE visits SET status = 'called', called_at = ?, called_hub_at = ? WHERE id = ?`).run(calledAt, calledHubAt, next.visitId);
    return toEntry({ ...next, status: 'called', calledAt, calledHubAt }, now, hubClockAheadS(db), day);
  }).immediate();
}

/**
 * The visits each unit still has in the queue (waiting or called), by unit code: what a unit
 * leaving the settings would strand (unit-changes.ts). The same visits the queue shows.
 */
export function openVisitsByUnit(db: Db, settings: CounterSettings, day: string): Map<string, number> {
  const rows = db
    .prepare(`SELECT v.unit, count(*) AS n FROM visits v WHERE ${IN_QUEUE} AND v.status IN ('waiting', 'called') GROUP BY v.unit`)
    .all(day, dayBefore(day), settings.emergencyUnit) as { unit: string; n: number }[];
  return new Map(rows.map((r) => [r.unit, r.n]));
}

/**
 * The moves a clerk can make. served→called and served→waiting exist for "Undo" right after
 * Selesai (a wrong row served by mistake): the visit goes back exactly where it was. The same for
 * cancelled→waiting and cancelled→called (Undo of Batal): the visit and its follow-ups come back.
 */
const ALLOWED: Record<VisitStatus, readonly VisitStatus[]> = {
  waiting: ['called', 'served', 'cancelled'],
  called: ['served', 'cancelled', 'waiting'],
  served: ['called', 'waiting'],
  cancelled: ['waiting', 'called'],
};

/**
 * Moves a visit along: called, served, cancelled; or back (called→waiting, served→called/waiting,
 * cancelled→waiting/called) to undo a step.
 *
 * - Served without a call (the patient called aloud, only Selesai pressed) takes the serve time
 *   as its call time: the wait ended there, and the register, the equal-service report and the
 *   queue count the same wait. Undo back to waiting clears both again.
 * - Cancelled closes the visit's open follow-ups (payer, identity, re-check) as
 *   'visit-cancelled': nobody settles a payer for a visit that never happened. Undoing the
 *   cancel opens them again with their own deadlines (follow-ups.ts).
 */
export function setVisitStatus(db: Db, visitId: number, status: VisitStatus, now: Date): void {
  db.transaction(() => moveVisit(db, visitId, status, now)).immediate();
}

function moveVisit(db: Db, visitId: number, status: VisitStatus, now: Date): void {
  const row = db.prepare('SELECT status FROM visits WHERE id = ?').get(visitId) as { status: VisitStatus } | undefined;
  if (!row) throw new LoketError('visit/not-found', { id: visitId });
  if (!ALLOWED[row.status].includes(status)) throw new LoketError('visit/bad-status', { from: row.status, to: status });
  const at = now.toISOString();
  // Going back clears the times of the steps undone, so waiting times and reports stay true. A
  // first call is also kept on the hub's clock when this one is off (the SET reads the old called_at).
  const firstCall = `called_at = coalesce(called_at, ?), called_hub_at = CASE WHEN called_at IS NULL THEN ? ELSE called_hub_at END`;
  const sql: Record<VisitStatus, string> = {
    waiting: `UPDATE visits SET status = 'waiting', called_at = NULL, called_hub_at = NULL, served_at = NULL, cancelled_at = NULL WHERE id = ?`,
    called: `UPDATE visits SET status = 'called', ${firstCall}, served_at = NULL, cancelled_at = NULL WHERE id = ?`,
    served: `UPDATE visits SET status = 'served', ${firstCall}, served_at = coalesce(served_at, ?) WHERE id = ?`,
    cancelled: `UPDATE visits SET status = 'cancelled', cancelled_at = coalesce(cancelled_at, ?) WHERE id = ?`,
  };
  const atOnHub = onHubClock(db, at);
  if (status === 'waiting') db.prepare(sql.waiting).run(visitId);
  else if (status === 'served') db.prepare(sql.served).run(at, atOnHub, at, visitId);
  else if (status === 'called') db.prepare(sql.called).run(at, atOnHub, visitId);
  else db.prepare(sql.cancelled).run(at, visitId);
  if (status === 'cancelled') closeForCancelledVisit(db, visitId, now);
  else if (row.status === 'cancelled') reopenAfterUncancel(db, visitId, now);
}

/**
 * Minutes waited: from arrival to the call (served without a call: to the serve; cancelled
 * before any call: to the cancel), or to now while still waiting. Counted on the hub's clock
 * (minutesWaited): a patient registered or called at a slow counter has not waited an hour more or less.
 */
function toEntry(r: QueueRow, now: Date, hubAhead: number | null, day: string): QueueEntry {
  return {
    visitId: r.visitId,
    visitUid: r.visitUid,
    serviceDate: r.serviceDate,
    queue: queueLabel(r.prefix, r.no),
    unit: r.unit,
    emergency: r.emergency === 1,
    sameNumber: r.sameNumber === 1,
    waitingTwice: r.waitingTwice === 1,
    yesterday: r.serviceDate < day,
    status: r.status,
    patient: { id: r.patientId, uid: r.patientUid, mrn: r.mrn, nik: r.nik, name: r.name },
    registeredAt: r.registeredAt,
    calledAt: r.calledAt,
    servedAt: r.servedAt,
    waitingMinutes: minutesWaited(r, r.servedAt ?? r.cancelledAt ?? now.toISOString(), hubAhead) ?? 0,
    recalls: r.recalls,
  };
}
