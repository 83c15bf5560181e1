import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import type { RunningHub } from '../../../src/hub/hub-main';
import { queueDisplay } from '../../../src/hub/register/display';
import { facilityDays } from '../../../src/hub/register/reports';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubWithAdmin, skewedCounter } from './skewed-counter';

/**
 * Finding F3 (hub tester): a counter whose clock was an hour slow put its patient (the hub's 4th
 * number) at the head of every counter's queue and of the TV display, with an hour's wait shown,
 * and "Panggil berikutnya" called them first: queues were ordered by the registering counter's own
 * registered_at. Now the hub files the visit's arrival on its own clock (visits.queue_at, from the
 * X-Loket-Clock of the push), the counters pull it, and the slow counter orders its own unsent
 * visits by its last difference with the hub. registered_at stays as the counter wrote it.
 */
const bed = useHubTestbed('loket-queue-order-clock-');
const HOUR = 3_600_000;

const counter = (hub: RunningHub, admin: string, name: string, aheadMs: number): Promise<Core> => skewedCounter(bed, hub, admin, name, aheadMs);

async function register(core: Core, name: string): Promise<string> {
  const patient = await callOk(core, 'createPatient', { name, dob: '1990-07-07' });
  return (await callOk(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: 'unknown' })).queue;
}

const queueOf = async (core: Core): Promise<{ name: string; queue: string; wait: number }[]> =>
  (await callOk(core, 'dayQueue', { unit: 'UMUM' })).map((e) => ({ name: e.patient.name, queue: e.queue, wait: e.waitingMinutes }));

/**
 * Between 00:00 and 01:00 in the facility's zone a counter an hour slow is still on yesterday
 * (another queue day, nothing to compare), so in that hour the test runs the mirror case: a
 * counter an hour fast, whose patient came first, must not be put behind those who came later.
 * Either way the test runs; the two cases check the same correction.
 */
const facilityHourNow = (): number => Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(new Date()));

describe('the order of arrival when a counter\'s clock is an hour off', () => {
  it('its patient is queued where they came, at every counter, on the display and in the wait figures; registered_at is kept', async () => {
    const fast = facilityHourNow() === 0;
    const { hub, admin } = await hubWithAdmin(bed, 'queue_order_clock');
    const onTime = await counter(hub, admin, 'Loket Tepat', 0);
    const odd = await counter(hub, admin, fast ? 'Loket Cepat' : 'Loket Lambat', fast ? HOUR : -HOUR);
    const oddName = fast ? 'JAM CEPAT SATU' : 'JAM LAMBAT SATU';
    const onTimeNames = ['PASIEN PAGI SATU', 'PASIEN PAGI DUA', 'PASIEN PAGI TIGA'];
    // The odd counter knows its difference from the hub's Date header, whole seconds: a patient a second later is surely later.
    const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1_500));

    let early: string[];
    let oddQueue: string;
    let order: string[];
    if (fast) {
      await callOk(odd, 'syncNow', {});
      oddQueue = await register(odd, oddName);
      await callOk(odd, 'syncNow', {});
      await pause();
      early = [];
      for (const name of onTimeNames) early.push(await register(onTime, name));
      order = [oddName, ...onTimeNames];
      expect(oddQueue).toBe('U-001');
    } else {
      early = [];
      for (const name of onTimeNames) early.push(await register(onTime, name));
      await callOk(onTime, 'syncNow', {});
      await callOk(odd, 'syncNow', {});
      await pause();
      oddQueue = await register(odd, oddName);
      order = [...onTimeNames, oddName];
      expect(oddQueue).toBe('U-004'); // the hub's fourth number: it came fourth
      // At the slow counter itself, before the visit is sent: last, no hour of waiting.
      expect((await queueOf(odd)).map((e) => e.name)).toEqual(order);
      expect((await queueOf(odd)).find((e) => e.name === oddName)!.wait).toBeLessThanOrEqual(1);
    }
    const numbers = fast ? [oddQueue, ...early] : [...early, oddQueue];

    await callOk(odd, 'syncNow', {});
    await callOk(onTime, 'syncNow', {});
    // At the counter on time: in the order of the numbers, the odd counter's patient has waited minutes, not an hour.
    const there = await queueOf(onTime);
    expect(there.map((e) => e.name)).toEqual(order);
    expect(there.map((e) => e.queue)).toEqual(numbers);
    expect(there.find((e) => e.name === oddName)!.wait).toBeLessThanOrEqual(1);
    // And after the round trip through the hub, the same order at the odd counter.
    await callOk(odd, 'syncNow', {});
    expect((await queueOf(odd)).map((e) => e.name)).toEqual(order);

    // The TV display.
    expect((await queueDisplay(hub.pg, 'UMUM', new Date())).waiting.map((e) => e.queue)).toEqual(numbers);

    // The record keeps the counter's own time; the queue order time is on the hub's clock.
    const stored = await hub.pg.query<{ registered_at: string; queue_at: string | null }>(
      `SELECT v.registered_at, v.queue_at FROM visits v JOIN patients p ON p.uid = v.patient_uid WHERE p.name = $1`,
      [oddName],
    );
    const { registered_at: registeredAt, queue_at: queueAt } = stored.rows[0]!;
    const ahead = fast ? HOUR : -HOUR;
    expect(Math.abs(Date.now() + ahead - Date.parse(registeredAt))).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(queueAt!) - Date.parse(registeredAt) + ahead)).toBeLessThan(5_000);
    // A counter on time leaves the order time empty.
    expect((await hub.pg.query(`SELECT 1 FROM visits WHERE queue_at IS NOT NULL`)).rowCount).toBe(1);

    // "Panggil berikutnya" at the counter on time calls in that order; the wait figures count minutes, not an hour.
    for (const name of order) expect((await callOk(onTime, 'callNext', { unit: 'UMUM' }))?.patient.name).toBe(name);
    await callOk(onTime, 'syncNow', {});
    const day = (await callOk(onTime, 'dayQueue', { unit: 'UMUM' }))[0]!.serviceDate;
    const oddRow = (await facilityDays(hub.pg, day, day)).register.find((r) => r.name === oddName)!;
    expect(oddRow.waitMinutes).not.toBeNull();
    expect(oddRow.waitMinutes!).toBeLessThan(2);
    // The counter's own register (its equal-service view) counts the same.
    const local = (await callOk(onTime, 'visitRegister', { from: day, to: day })).find((r) => r.name === oddName)!;
    expect(local.waitMinutes!).toBeLessThan(2);
  });
});
