import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import type { RunningHub } from '../../../src/hub/hub-main';
import { facilityDays } from '../../../src/hub/register/reports';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubWithAdmin, skewedCounter } from './skewed-counter';

/**
 * The wait (arrival to call) is an outpatient figure a hospital reports. Arrival was already on the
 * hub's clock (queue_at, finding F3), but the call was the calling PC's own clock: a patient called
 * from a PC an hour fast waited an hour too long in the hub's report and in every counter's
 * register and queue, one called from a PC an hour slow an hour short (below zero at the hub), and
 * the hub's earliest-call rule took the slow PC's later call for the first. Now the call is also
 * kept on the hub's clock (visits.called_hub_at, from the calling counter's X-Loket-Clock, or its
 * last difference with the hub before it is sent), pulled by the counters, and every wait ends
 * there; called_at stays as the calling counter wrote it.
 */
const bed = useHubTestbed('loket-call-time-clock-');
const HOUR = 3_600_000;

const counter = (hub: RunningHub, admin: string, name: string, aheadMs: number): Promise<Core> => skewedCounter(bed, hub, admin, name, aheadMs);

async function register(core: Core, name: string): Promise<{ serviceDate: string }> {
  const patient = await callOk(core, 'createPatient', { name, dob: '1990-07-07' });
  return callOk(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: 'unknown' });
}

const queueWait = async (core: Core, name: string): Promise<number> =>
  (await callOk(core, 'dayQueue', { unit: 'UMUM' })).find((e) => e.patient.name === name)!.waitingMinutes;

const registerRow = async (core: Core, day: string, name: string) => (await callOk(core, 'visitRegister', { from: day, to: day })).find((r) => r.name === name)!;

const hubRow = async (hub: RunningHub, day: string, name: string) => (await facilityDays(hub.pg, day, day)).register.find((r) => r.name === name)!;

const hubCall = async (hub: RunningHub, name: string): Promise<{ called_at: string | null; called_hub_at: string | null }> =>
  (await hub.pg.query<{ called_at: string | null; called_hub_at: string | null }>(
    `SELECT v.called_at, v.called_hub_at FROM visits v JOIN patients p ON p.uid = v.patient_uid WHERE p.name = $1`,
    [name],
  )).rows[0]!;

/** The counter knows its difference from the hub's Date header, whole seconds: a call a second later is surely later. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1_500));

/**
 * Between 23:00 and 00:00 in the facility's zone a counter an hour fast is already on tomorrow (its
 * queue is another day): the fast counter's own queue is then not read.
 */
const facilityHourNow = (): number => Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(new Date()));

describe('the call time when a calling counter\'s clock is an hour off', () => {
  it('a call from a PC an hour fast ends the wait on the hub\'s clock: at that PC before it is sent, at the hub, at every counter', async () => {
    const sameDay = facilityHourNow() !== 23;
    const { hub, admin } = await hubWithAdmin(bed, `call_time_clock_${Date.now()}`);
    const onTime = await counter(hub, admin, 'Loket Tepat', 0);
    const fast = await counter(hub, admin, 'Loket Cepat', HOUR);
    const { serviceDate: day } = await register(onTime, 'PASIEN DIPANGGIL CEPAT');
    await callOk(onTime, 'syncNow', {});
    await callOk(fast, 'syncNow', {});

    const fastRows = await callOk(fast, 'visitRegister', { from: day, to: day });
    await callOk(fast, 'setVisitStatus', { visitId: fastRows.find((r) => r.name === 'PASIEN DIPANGGIL CEPAT')!.visitId, status: 'called' });
    // At the fast counter itself, its call not yet sent: minutes, not an hour.
    expect((await registerRow(fast, day, 'PASIEN DIPANGGIL CEPAT')).waitMinutes!).toBeLessThanOrEqual(1);
    if (sameDay) expect(await queueWait(fast, 'PASIEN DIPANGGIL CEPAT')).toBeLessThanOrEqual(1);

    await callOk(fast, 'syncNow', {});
    // The hub: the record keeps the fast PC's time, the call on its own clock is an hour before it.
    const stored = await hubCall(hub, 'PASIEN DIPANGGIL CEPAT');
    expect(Math.abs(Date.parse(stored.called_at!) - Date.now() - HOUR)).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(stored.called_hub_at!) - Date.parse(stored.called_at!) + HOUR)).toBeLessThan(5_000);
    const atHub = (await hubRow(hub, day, 'PASIEN DIPANGGIL CEPAT')).waitMinutes!;
    expect(atHub).toBeGreaterThanOrEqual(0);
    expect(atHub).toBeLessThan(2);

    // The counter on time, once pulled: its queue, its register and its equal-service report.
    await callOk(onTime, 'syncNow', {});
    expect(await queueWait(onTime, 'PASIEN DIPANGGIL CEPAT')).toBeLessThanOrEqual(1);
    expect((await registerRow(onTime, day, 'PASIEN DIPANGGIL CEPAT')).waitMinutes!).toBeLessThanOrEqual(1);
    const equal = await callOk(onTime, 'equalServiceReport', { from: day, to: day });
    expect(equal.lines.find((l) => l.unit === 'UMUM')!.medianWaitMinutes!).toBeLessThanOrEqual(1);

    // And at the fast counter, after the round trip through the hub.
    await callOk(fast, 'syncNow', {});
    expect((await registerRow(fast, day, 'PASIEN DIPANGGIL CEPAT')).waitMinutes!).toBeLessThanOrEqual(1);
  });

  it('a call from a PC an hour slow neither shortens the wait at the hub nor passes for the first call', async () => {
    const { hub, admin } = await hubWithAdmin(bed, `call_time_clock_${Date.now()}`);
    const onTime = await counter(hub, admin, 'Loket Tepat', 0);
    const slow = await counter(hub, admin, 'Loket Lambat', -HOUR);
    const { serviceDate: day } = await register(onTime, 'PASIEN PANGGIL DUA KALI');
    await register(onTime, 'PASIEN PANGGIL LAMBAT');
    await callOk(onTime, 'syncNow', {});
    await callOk(slow, 'syncNow', {});
    const slowIds = new Map((await callOk(slow, 'visitRegister', { from: day, to: day })).map((r) => [r.name, r.visitId]));

    // The counter on time calls the first patient and sends it; the slow counter, not yet knowing, calls the same patient a moment later, and the second.
    const first = await callOk(onTime, 'callNext', { unit: 'UMUM' });
    expect(first?.patient.name).toBe('PASIEN PANGGIL DUA KALI');
    await callOk(onTime, 'syncNow', {});
    await pause();
    await callOk(slow, 'setVisitStatus', { visitId: slowIds.get('PASIEN PANGGIL DUA KALI')!, status: 'called' });
    await callOk(slow, 'setVisitStatus', { visitId: slowIds.get('PASIEN PANGGIL LAMBAT')!, status: 'called' });
    await callOk(slow, 'syncNow', {});

    // The first call stays the counter on time's: the slow PC's reads an hour earlier, but came later on the hub's clock.
    expect(await hubCall(hub, 'PASIEN PANGGIL DUA KALI')).toEqual({ called_at: first!.calledAt, called_hub_at: null });
    // The slow PC's own call: kept as written, on the hub's clock an hour later.
    const slowCall = await hubCall(hub, 'PASIEN PANGGIL LAMBAT');
    expect(Math.abs(Date.parse(slowCall.called_hub_at!) - Date.parse(slowCall.called_at!) - HOUR)).toBeLessThan(5_000);
    for (const name of ['PASIEN PANGGIL DUA KALI', 'PASIEN PANGGIL LAMBAT']) {
      const wait = (await hubRow(hub, day, name)).waitMinutes!;
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(2);
    }
    // The counters take the hub's first call.
    await callOk(slow, 'syncNow', {});
    expect((await registerRow(slow, day, 'PASIEN PANGGIL DUA KALI')).calledAt).toBe(first!.calledAt);
  });
});
