import type { Pool } from 'pg';
import { PAYERS, type Payer, type VisitStatus } from '../../shared/counter';
import { DEFAULT_SETTINGS, queueLabel, type ServiceUnit } from '../../shared/settings';
import type { EqualServiceLine, EqualServiceReport, Recap, RegisterRow } from '../../shared/reports';

/** A register line at the hub: the visit's uid (no local id) and the counter that registered it (its id, and its name as the hub knows it). */
export interface HubRegisterRow extends Omit<RegisterRow, 'visitId'> {
  visitUid: string;
  counter: string;
  counterName: string | null;
}

/** The facility's days: every counter's visits, the recap by unit and payer, and the equal-service view. */
export interface FacilityDays {
  register: HubRegisterRow[];
  recap: Recap;
  equalService: EqualServiceReport;
}

const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/**
 * The facility's units as its settings name them (code → name), for the printable page. Counters
 * send the hub unit codes only, so before `loket hub settings` (or for a code those settings do
 * not have) Loket's default units name their default codes ("UMUM" → "Poli Umum", as the
 * counters' own reports say); any other code stays as it is (reporttester F10).
 */
export async function facilityUnits(pool: Pool): Promise<ServiceUnit[]> {
  const { rows } = await pool.query<{ units: ServiceUnit[] | null }>(`SELECT json->'units' AS units FROM facility_settings WHERE id = 1`);
  const stored = Array.isArray(rows[0]?.units) ? rows[0].units : [];
  return [...stored, ...DEFAULT_SETTINGS.units.filter((d) => !stored.some((u) => u.code === d.code))];
}

export async function facilityTimeZone(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ tz: string | null }>(`SELECT json->>'timeZone' AS tz FROM facility_settings WHERE id = 1`);
  return rows[0]?.tz ?? DEFAULT_TIME_ZONE;
}

interface Row {
  visitUid: string;
  serviceDate: string;
  queuePrefix: string;
  queueNo: number;
  unit: string;
  emergency: boolean;
  mrn: string;
  name: string;
  payer: Payer;
  status: VisitStatus;
  registeredAt: string;
  /** The registration on the hub's clock when the counter's was off (src/shared/queue-clock.ts); null otherwise. */
  queueAt: string | null;
  calledAt: string | null;
  /** The first call on the hub's clock when the calling counter's was off; null otherwise. */
  calledHubAt: string | null;
  servedAt: string | null;
  cancelledAt: string | null;
  firstVisit: boolean | null;
  registeredBy: string;
  counter: string;
  counterName: string | null;
}

const minutesBetween = (from: string, to: string | null): number | null => (to ? Math.round((Date.parse(to) - Date.parse(from)) / 6000) / 10 : null);

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** As the counters' recap (core/reports/reports.ts): a cancelled visit is counted apart and nowhere else. */
function recapOf(rows: HubRegisterRow[], from: string, to: string, timeZone: string): Recap {
  const hourOf = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone });
  const recap: Recap = { from, to, total: 0, byUnit: {}, byPayer: Object.fromEntries(PAYERS.map((p) => [p, 0])) as Record<Payer, number>, byHour: {}, byDay: {}, emergencies: 0, cancelled: 0, newVisits: 0, returningVisits: 0 };
  for (const row of rows) {
    if (row.status === 'cancelled') {
      recap.cancelled++;
      continue;
    }
    recap.total++;
    const hour = String(Number(hourOf.format(new Date(row.registeredAt))));
    recap.byUnit[row.unit] = (recap.byUnit[row.unit] ?? 0) + 1;
    recap.byPayer[row.payer] += 1;
    recap.byHour[hour] = (recap.byHour[hour] ?? 0) + 1;
    recap.byDay[row.serviceDate] = (recap.byDay[row.serviceDate] ?? 0) + 1;
    if (row.emergency) recap.emergencies++;
    if (row.firstVisit) recap.newVisits++;
    else recap.returningVisits++;
  }
  return recap;
}

/** Waiting time (registered → called) per unit and payer; emergencies, cancelled and never-called visits left out. */
function equalServiceOf(rows: HubRegisterRow[], from: string, to: string): EqualServiceReport {
  const groups = new Map<string, { unit: string; payer: Payer; waits: number[] }>();
  for (const row of rows) {
    if (row.emergency || row.status === 'cancelled' || row.waitMinutes === null) continue;
    const key = `${row.unit}\u0000${row.payer}`;
    const group = groups.get(key) ?? { unit: row.unit, payer: row.payer, waits: [] };
    group.waits.push(row.waitMinutes);
    groups.set(key, group);
  }
  const lines: EqualServiceLine[] = [...groups.values()]
    .sort((a, b) => a.unit.localeCompare(b.unit) || PAYERS.indexOf(a.payer) - PAYERS.indexOf(b.payer))
    .map(({ unit, payer, waits }) => {
      const sorted = waits.sort((a, b) => a - b);
      return { unit, payer, visits: sorted.length, medianWaitMinutes: percentile(sorted, 50), p90WaitMinutes: percentile(sorted, 90) };
    });
  return { from, to, lines };
}

/**
 * "Kunjungan baru" as the counters count it (RegisterRow.firstVisit): no earlier visit of the
 * record, not cancelled, at any counter of the facility; null for a cancelled visit.
 */
const FIRST_VISIT_SQL = `CASE WHEN v.status = 'cancelled' THEN NULL ELSE NOT EXISTS (SELECT 1 FROM visits o WHERE o.patient_uid = v.patient_uid AND o.status <> 'cancelled'
       AND (o.service_date < v.service_date OR (o.service_date = v.service_date
         AND (o.registered_at::timestamptz < v.registered_at::timestamptz OR (o.registered_at::timestamptz = v.registered_at::timestamptz AND o.uid < v.uid))))) END`;

/** Service dates from `from` to `to` (both included, local dates as the counters wrote them). */
export async function facilityDays(pool: Pool, from: string, to: string): Promise<FacilityDays> {
  const { rows } = await pool.query<Row>(
    `SELECT v.uid AS "visitUid", v.service_date AS "serviceDate", v.queue_prefix AS "queuePrefix", v.queue_no AS "queueNo", v.unit, v.emergency, p.mrn, p.name,
       v.payer, v.status, v.registered_at AS "registeredAt", v.queue_at AS "queueAt", v.called_at AS "calledAt", v.called_hub_at AS "calledHubAt", v.served_at AS "servedAt", v.cancelled_at AS "cancelledAt",
       ${FIRST_VISIT_SQL} AS "firstVisit", v.registered_by AS "registeredBy", v.counter,
       c.name AS "counterName"
     FROM visits v JOIN patients p ON p.uid = v.patient_uid LEFT JOIN counters c ON c.id = v.counter
     WHERE v.service_date BETWEEN $1 AND $2
     ORDER BY v.service_date, v.registered_at::timestamptz, v.uid`,
    [from, to],
  );
  // The wait runs from the arrival to the call, both on the hub's clock: a slow registering or calling counter adds or takes no hour.
  // Never called: it ends at the serve or the cancel, as the counters' register has it.
  const register = rows.map(({ queuePrefix, queueNo, queueAt, calledHubAt, ...r }): HubRegisterRow => ({
    ...r,
    queue: queueLabel(queuePrefix, queueNo),
    waitMinutes: minutesBetween(queueAt ?? r.registeredAt, calledHubAt ?? r.calledAt ?? r.servedAt ?? r.cancelledAt),
  }));
  return { register, recap: recapOf(register, from, to, await facilityTimeZone(pool)), equalService: equalServiceOf(register, from, to) };
}
