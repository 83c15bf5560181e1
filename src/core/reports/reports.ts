import { PAYERS, type Payer } from '../../shared/counter';
import { isoDateInZone } from '../../shared/dates';
import type { DailyRecap, EqualServiceLine, EqualServiceReport, Recap, RegisterRow } from '../../shared/reports';
import { queueLabel, type CounterSettings } from '../../shared/settings';
import type { Db } from '../store/open-database';
import { arrivedAtMs } from '../../shared/queue-clock';
import { hubClockAheadS } from '../sync/sync-state.repo';

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
  servedAt: string | null;
  registeredBy: string;
}

/** Every visit of a range of local dates, with its times and payer: the register claims need. */
export function register(db: Db, from: string, to: string = from): RegisterRow[] {
  const rows = db
    .prepare(
      `SELECT v.id AS visitId, v.service_date AS serviceDate, v.queue_prefix AS prefix, v.queue_no AS no, v.unit, v.emergency,
         p.mrn, p.name, v.payer, v.status, v.registered_at AS registeredAt, v.queue_at AS queueAt, v.called_at AS calledAt, v.served_at AS servedAt,
         v.registered_by AS registeredBy
       FROM visits v JOIN patients p ON p.id = v.patient_id
       WHERE v.service_date BETWEEN ? AND ? ORDER BY v.service_date, v.registered_at, v.id`,
    )
    .all(from, to) as Row[];
  const hubAhead = hubClockAheadS(db);
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
    calledAt: r.calledAt,
    servedAt: r.servedAt,
    waitMinutes: waitOf(r, hubAhead),
    registeredBy: r.registeredBy,
  }));
}

/**
 * Minutes from arrival (on the hub's clock when the registering counter's was off: arrivedAtMs) to the call; null while never called. A visit served without a call
 * gets its serve time as call time (queue.ts); one served so by an older Loket has only its serve
 * time, and waited until then: the queue screen has always counted it so.
 */
function waitOf(r: Pick<Row, 'registeredAt' | 'queueAt' | 'calledAt' | 'servedAt'>, hubAhead: number | null): number | null {
  const until = r.calledAt ?? r.servedAt;
  return until ? Math.max(0, Math.round((Date.parse(until) - arrivedAtMs(r.registeredAt, r.queueAt, hubAhead)) / 60_000)) : null;
}

/** The recap of a range of local dates by unit, payer, local hour and day; cancelled visits counted apart. */
export function recap(db: Db, settings: CounterSettings, from: string, to: string = from): Recap {
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone: settings.timeZone, hour: '2-digit', hourCycle: 'h23' });
  const result: Recap = { from, to, total: 0, byUnit: {}, byPayer: Object.fromEntries(PAYERS.map((p) => [p, 0])) as Record<Payer, number>, byHour: {}, byDay: {}, emergencies: 0, cancelled: 0 };
  for (const r of register(db, from, to)) {
    if (r.status === 'cancelled') {
      result.cancelled++;
      continue;
    }
    result.total++;
    result.byUnit[r.unit] = (result.byUnit[r.unit] ?? 0) + 1;
    result.byPayer[r.payer]++;
    result.byDay[r.serviceDate] = (result.byDay[r.serviceDate] ?? 0) + 1;
    // By the hour the patient came, on the day they came: a patient of 23:58 moved to a poli after
    // midnight is a visit of the next day (its total, unit, payer) but came in none of its hours.
    if (isoDateInZone(new Date(r.registeredAt), settings.timeZone) === r.serviceDate) {
      const hour = hourOf.format(new Date(r.registeredAt));
      result.byHour[hour] = (result.byHour[hour] ?? 0) + 1;
    }
    if (r.emergency) result.emergencies++;
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
  for (const r of register(db, from, to)) {
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
