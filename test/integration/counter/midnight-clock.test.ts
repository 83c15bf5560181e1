/**
 * Findings F1 and F2 (night tester), through the core with a fake clock: a 24-hour counter whose
 * PC clock is set back across midnight, and an IGD still serving last night's patients after it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { openDatabase } from '../../../src/core/store/open-database';
import { DAY_CARRY_LIMIT_MS } from '../../../src/core/visits/counter-day';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

function counter(start: string): { core: Core; at: (wib: string) => void; dbPath: string } {
  let clock = new Date(`${start}+07:00`);
  const dbPath = join(tempDir(), 'loket.db');
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  return { core, dbPath, at: (wib) => void (clock = new Date(`${wib}+07:00`)) };
}

async function register(core: Core, name: string, unit = 'UMUM'): Promise<{ id: number; queue: string; serviceDate: string; clockBackMinutes?: number }> {
  const patient = await core.createPatient({ name });
  return core.registerVisit({ patientId: patient.id, unit, verdict: null, payer: 'umum' });
}

describe('a PC clock set back across midnight (F1)', () => {
  it('the next visit goes under the day already begun here, after its latest arrival, with the warning; the queue keeps that day', async () => {
    const { core, at } = counter('2026-12-01T23:30:00');
    expect((await register(core, 'CHAIRUL')).queue).toBe('U-001');
    await core.registerEmergency({}); // an unidentified emergency of last night, 23:30
    at('2026-12-02T00:10:00');
    const abdullah = await register(core, 'ABDULLAH');
    expect([abdullah.serviceDate, abdullah.queue]).toEqual(['2026-12-02', 'U-001']);
    const night = await core.registerEmergency({});
    expect(night.serviceDate).toBe('2026-12-02');

    // The clock was 20 minutes fast and is set right: 23:50 of 1 Dec.
    at('2026-12-01T23:50:00');
    const halimah = await register(core, 'HALIMAH');
    expect([halimah.serviceDate, halimah.queue, halimah.clockBackMinutes]).toEqual(['2026-12-02', 'U-002', 20]);
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => e.patient.name)).toEqual(['ABDULLAH', 'HALIMAH']);
    // The emergency of 00:10 stays in the IGD queue while the clock is behind, and last night's is still "yesterday".
    const igd = await core.dayQueue({ unit: 'IGD' });
    expect(igd.map((e) => [e.serviceDate, e.yesterday])).toEqual([['2026-12-01', true], ['2026-12-02', false]]);

    // Once the clock passes midnight again, the same day goes on.
    at('2026-12-02T00:20:00');
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => e.patient.name)).toEqual(['ABDULLAH', 'HALIMAH']);
    expect((await register(core, 'RUDI')).queue).toBe('U-003');
  });

  it('a clock that ran a whole day ahead and is set right is not followed: the counter goes on with the real day', async () => {
    const { core, at } = counter('2026-12-02T09:00:00');
    expect((await register(core, 'SALAH HARI')).serviceDate).toBe('2026-12-02');
    at('2026-12-01T09:05:00');
    expect(24 * 3_600_000).toBeGreaterThan(DAY_CARRY_LIMIT_MS);
    const right = await register(core, 'HARI BENAR');
    expect([right.serviceDate, right.queue, right.clockBackMinutes]).toEqual(['2026-12-01', 'U-001', undefined]);
  });
});

describe('another counter whose clock runs a day ahead (hub tester F1)', () => {
  it('its visit, dated tomorrow but arrived today on the hub’s clock, moves no other counter to tomorrow', async () => {
    const { core } = counter('2026-12-02T09:00:00');
    expect((await register(core, 'PASIEN PAGI')).queue).toBe('U-001');
    // As the pull files it (apply-pull.ts): the fast PC's day and registration time, the hub's arrival time.
    const other = await core.createPatient({ name: 'DARI LOKET LAIN' });
    core.db
      .prepare(
        `INSERT INTO visits (uid, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source, status, registered_at, registered_by, queue_at)
         VALUES ('0193a000-0000-7000-8000-000000000001', ?, '2026-12-03', 'UMUM', 'U', 1, 0, 'umum', NULL, NULL, 'waiting', '2026-12-03T02:01:00.000Z', 'budi', '2026-12-02T02:01:00.000Z')`,
      )
      .run(other.id);
    const next = await register(core, 'PASIEN KEDUA');
    expect([next.serviceDate, next.queue, next.clockBackMinutes]).toEqual(['2026-12-02', 'U-002', undefined]);
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => e.patient.name)).toEqual(['PASIEN PAGI', 'PASIEN KEDUA']);
  });
});

describe('the IGD after midnight (F2)', () => {
  it('while last night’s emergencies are open, the new day’s numbers go on after the highest; the queue and the CLI fields mark the day', async () => {
    const { core, at } = counter('2026-12-01T23:52:00');
    const rudi = await core.registerEmergency({});
    const second = await core.registerEmergency({});
    expect([rudi.queue, second.queue]).toEqual(['GD-001', 'GD-002']);
    at('2026-12-02T00:00:30');
    const first = await core.registerEmergency({});
    expect([first.serviceDate, first.queue]).toEqual(['2026-12-02', 'GD-003']);
    const igd = await core.dayQueue({ unit: 'IGD' });
    expect(igd.map((e) => [e.queue, e.yesterday, e.sameNumber])).toEqual([
      ['GD-001', true, false],
      ['GD-002', true, false],
      ['GD-003', false, false],
    ]);

    // Once last night's are served, the day goes on from where it is: no number is given twice.
    for (const e of igd.slice(0, 2)) await core.setVisitStatus({ visitId: e.visitId, status: 'served' });
    expect((await core.registerEmergency({})).queue).toBe('GD-004');
  });

  it('one number on two open visits of the queue (the hub gave GD-001 again): both rows say "same number"', async () => {
    const { core, at, dbPath } = counter('2026-12-01T23:52:00');
    await core.registerEmergency({});
    at('2026-12-02T00:01:00');
    const today = await core.registerEmergency({});
    const db = openDatabase(dbPath);
    try {
      db.prepare('UPDATE visits SET queue_no = 1 WHERE id = ?').run(today.id); // as a hub that numbers per day gives it
    } finally {
      db.close();
    }
    const igd = await core.dayQueue({ unit: 'IGD' });
    expect(igd.map((e) => [e.queue, e.serviceDate, e.sameNumber])).toEqual([
      ['GD-001', '2026-12-01', true],
      ['GD-001', '2026-12-02', true],
    ]);
    await core.setVisitStatus({ visitId: igd[0]!.visitId, status: 'served' });
    expect((await core.dayQueue({ unit: 'IGD' })).map((e) => e.sameNumber)).toEqual([false]);
  });

  it('a poli’s numbers still start at 001 after midnight (its open visits of yesterday are in no queue)', async () => {
    const { core, at } = counter('2026-12-01T15:00:00');
    expect((await register(core, 'PULANG')).queue).toBe('U-001');
    at('2026-12-02T08:00:00');
    expect((await register(core, 'PAGI')).queue).toBe('U-001');
  });
});

describe('the report of a patient moved into the next day (F6)', () => {
  it('the IGD patient of 23:58 moved to a poli after midnight counts in the next day, but in none of its hours', async () => {
    const { core, at } = counter('2026-12-01T23:58:00');
    const rudi = await core.registerEmergency({});
    at('2026-12-02T00:02:00');
    await core.moveVisit({ visitId: rudi.id, unit: 'UMUM' });
    at('2026-12-02T08:15:00');
    await register(core, 'PAGI');
    const day = await core.recap({ from: '2026-12-02' });
    expect([day.total, day.byUnit.UMUM]).toEqual([2, 2]);
    expect(day.byHour).toEqual({ '08': 1 }); // never "23.00–24.00" of 2 Dec, an hour that had not come
  });
});
