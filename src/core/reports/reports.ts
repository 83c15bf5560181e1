import { PAYERS, type Payer } from '../../shared/counter';
import { isoDateInZone } from '../../shared/dates';
import type { DailyRecap, EqualServiceLine, EqualServiceReport, Recap, RegisterRow } from '../../shared/reports';
import { queueLabel, type CounterSettings } from '../../shared/settings';
import type { Db } from '../store/open-database';
import { minutesWaited } from '../../shared/queue-clock';
import { hubClockAheadS } from '../sync/sync-state.repo';
import { readZoneSwitches } from '../settings/settings.repo';
import { zoneAt } from '../settings/service-day';

interface Row {
  visitId: number;
  serviceDate: string;
  prefix: string;
  no: number;
  unit: string;
  emergency: number;
  mrn: string;
  name: string;
  payer: Payer;
  status: RegisterRow['status'];
  registeredAt: string;
  queueAt: string | null;
  calledAt: string | null;
  calledHubAt: string | null;
  servedAt: string | null;
  cancelledAt: string | null;
  firstVisit: number | null;
  registeredBy: string;
}

/**
 * 1 when no earlier visit of the record, not cancelled, exists here (by service date, then
 * registration time, then id for one instant): "kunjungan baru"; 0 otherwise ("lama"); null for a
 * cancelled visit. A merged duplicate's visits are on the record that stays, so they count for it.
 */
const FIRST_VISIT_SQL = `CASE WHEN v.status = 'cancelled' THEN NULL ELSE NOT EXISTS (SELECT 1 FROM visits o WHERE o.patient_id = v.patient_id AND o.status != 'cancelled'
    AND (o.service_date < v.service_date OR (o.service_date = v.service_date AND (o.registered_at < v.registered_at OR (o.registered_at = v.registered_at AND o.id < v.id))))) END`;

/**
 * Every visit of a range of local dates, with its times and payer: the register claims need. Each
 * row names the zone it was filed under (`timeZone` the facility's zone now): after a change of
 * the facility's zone, an older visit keeps its day and the clock of that day (reporttester F1).
 * `firstVisit` (FIRST_VISIT_SQL): "kunjungan baru" or "lama"; null for a cancelled visit.
 */
export function register(db: Db, timeZone: string, from: string, to: string = from): RegisterRow[] {
  const rows = db
    .prepare(
      `SELECT v.id AS visitId, v.service_date AS serviceDate, v.queue_prefix AS prefix, v.queue_no AS no, v.unit, v.emergency,
         p.mrn, p.name, v.payer, v.status, v.registered_at AS registeredAt, v.queue_at AS queueAt, v.called_at AS calledAt, v.called_hub_at AS calledHubAt, v.served_at AS servedAt,
         v.cancelled_at AS cancelledAt, ${FIRST_VISIT_SQL} AS firstVisit, v.registered_by AS registeredBy
       FROM visits v JOIN patients p ON p.id = v.patient_id
       WHERE v.service_date BETWEEN ? AND ? ORDER BY v.service_date, v.registered_at, v.id`,
    )
    .all(from, to) as Row[];
  const hubAhead = hubClockAheadS(db);
  const switches = readZoneSwitches(db);
  return rows.map((r) => ({
    visitId: r.visitId,
    serviceDate: r.serviceDate,
    queue: queueLabel(r.prefix, r.no),
    unit: r.unit,
    emergency: r.emergency === 1,
    mrn: r.mrn,
    name: r.name,
    payer: r.payer,
    status: r.status,
    registeredAt: r.registeredAt,
    timeZone: zoneAt(r.registeredAt, switches, timeZone),
    calledAt: r.calledAt,
    servedAt: r.servedAt,
    cancelledAt: r.cancelledAt,
    // From arrival to the call, both on the hub's clock (minutesWaited); never called: to a serve by an older Loket, or to the cancel (as the queue shows it).
    waitMinutes: minutesWaited(r, r.servedAt ?? r.cancelledAt, hubAhead),
    firstVisit: r.firstVisit === null ? null : r.firstVisit === 1,
    registeredBy: r.registeredBy,
  }));
}

/** The recap of a range of local dates by unit, payer, local hour and day; cancelled visits counted apart. */
export function recap(db: Db, settings: CounterSettings, from: string, to: string = from): Recap {
  const hourIn = new Map<string, Intl.DateTimeFormat>();
  const hourOf = (zone: string): Intl.DateTimeFormat => {
    const known = hourIn.get(zone) ?? new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' });
    hourIn.set(zone, known);
    return known;
  };
  const result: Recap = { from, to, total: 0, byUnit: {}, byPayer: Object.fromEntries(PAYERS.map((p) => [p, 0])) as Record<Payer, number>, byHour: {}, byDay: {}, emergencies: 0, cancelled: 0, newVisits: 0, returningVisits: 0 };
  for (const r of register(db, settings.timeZone, from, to)) {
    if (r.status === 'cancelled') {
      result.cancelled++;
      continue;
    }
    result.total++;
    result.byUnit[r.unit] = (result.byUnit[r.unit] ?? 0) + 1;
    result.byPayer[r.payer]++;
    result.byDay[r.serviceDate] = (result.byDay[r.serviceDate] ?? 0) + 1;
    // By the hour the patient came, on the day they came (in the zone the visit was filed under): a
    // patient of 23:58 moved to a poli after midnight is a visit of the next day (its total, unit,
    // payer) but came in none of its hours.
    const zone = r.timeZone ?? settings.timeZone;
    if (isoDateInZone(new Date(r.registeredAt), zone) === r.serviceDate) {
      const hour = hourOf(zone).format(new Date(r.registeredAt));
      result.byHour[hour] = (result.byHour[hour] ?? 0) + 1;
    }
    if (r.emergency) result.emergencies++;
    if (r.firstVisit) result.newVisits++;
    else result.returningVisits++;
  }
  return result;
}

/** One day's recap, as the `dailyRecap` method has always answered. */
export function dailyRecap(db: Db, settings: CounterSettings, date: string): DailyRecap {
  const { from: _from, to: _to, byDay: _byDay, ...rest } = recap(db, settings, date, date);
  return { date, ...rest };
}

/**
 * Median and 90th-percentile waiting time by payer per unit: the proof that payer changes
 * nothing. Emergencies (the one allowed priority), cancelled and never-called visits are left out.
 */
export function equalServiceReport(db: Db, from: string, to: string): EqualServiceReport {
  const waits = new Map<string, number[]>();
  // Waits only: no clock is read, any zone does.
  for (const r of register(db, 'UTC', from, to)) {
    if (r.emergency || r.status === 'cancelled' || r.waitMinutes === null) continue;
    const key = `${r.unit}\u0000${r.payer}`;
    const list = waits.get(key) ?? [];
    list.push(r.waitMinutes);
    waits.set(key, list);
  }
  const lines: EqualServiceLine[] = [];
  const units = [...new Set([...waits.keys()].map((k) => k.split('\u0000')[0]!))].sort();
  for (const unit of units) {
    for (const payer of PAYERS) {
      const list = waits.get(`${unit}\u0000${payer}`);
      if (!list) continue;
      lines.push({ unit, payer, visits: list.length, medianWaitMinutes: quantile(list, 0.5), p90WaitMinutes: quantile(list, 0.9) });
    }
  }
  return { from, to, lines };
}

/** Nearest-rank quantile; null for no data. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
