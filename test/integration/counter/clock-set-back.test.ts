import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/**
 * Finding L10 (list tester): a counter whose clock was corrected backwards during the day (a PC on
 * WITA set to WIB at nine) queued everyone registered after the correction before those who came
 * earlier: "Panggil berikutnya" called them first, with the hour as their wait. Nobody can come
 * before a patient already registered: the visit is queued after the day's latest arrival, the
 * registration says how far the clock went back, and registered_at keeps the clock's reading.
 */
function counter(): { core: Core; at: (wib: string) => void } {
  let clock = new Date('2026-11-25T02:00:00Z');
  const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, bpjsBackground: false, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  return { core, at: (wib) => void (clock = new Date(`2026-11-25T${wib}:00+07:00`)) };
}

async function register(core: Core, name: string): Promise<{ id: number; queue: string; clockBackMinutes?: number; registeredAt: string }> {
  const patient = await core.createPatient({ name });
  return core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
}

const namesInQueue = async (core: Core): Promise<string[]> => (await core.dayQueue({ unit: 'UMUM' })).map((e) => e.patient.name);

describe('a clock set back during the day', () => {
  it('a patient registered after the correction is queued after those who came before, called after them, and the registration says how far the clock went back', async () => {
    const { core, at } = counter();
    // The PC ran an hour fast (WITA): the first two came at 08:00 and 08:20 WIB, their visits say 09:00 and 09:20.
    at('09:00');
    const first = await register(core, 'PERTAMA DATANG');
    at('09:20');
    const second = await register(core, 'KEDUA DATANG');
    expect(first.clockBackMinutes).toBeUndefined();
    expect(second.clockBackMinutes).toBeUndefined();

    // The clock is corrected to WIB; the third comes at 08:30 WIB.
    at('08:30');
    const third = await register(core, 'KETIGA DATANG');
    expect(third.clockBackMinutes).toBe(50);
    expect(third.registeredAt).toBe('2026-11-25T01:30:00.000Z'); // the record keeps the clock's own reading

    expect(await namesInQueue(core)).toEqual(['PERTAMA DATANG', 'KEDUA DATANG', 'KETIGA DATANG']);
    const waits = (await core.dayQueue({ unit: 'UMUM' })).map((e) => e.waitingMinutes);
    expect(waits.at(-1)).toBe(0); // never the hour of the correction

    // A fourth a minute later is queued after the third, and is told too.
    at('08:31');
    const fourth = await register(core, 'KEEMPAT DATANG');
    expect(fourth.clockBackMinutes).toBe(49);
    expect(await namesInQueue(core)).toEqual(['PERTAMA DATANG', 'KEDUA DATANG', 'KETIGA DATANG', 'KEEMPAT DATANG']);

    for (const name of ['PERTAMA DATANG', 'KEDUA DATANG', 'KETIGA DATANG', 'KEEMPAT DATANG']) expect((await core.callNext({ unit: 'UMUM' }))?.patient.name).toBe(name);
  });

  it('a clock within a minute of the latest registration changes nothing (two counters a few seconds apart)', async () => {
    const { core, at } = counter();
    at('09:00');
    await register(core, 'PERTAMA DATANG');
    at('08:59');
    const next = await register(core, 'KEDUA DATANG');
    expect(next.clockBackMinutes).toBeUndefined();
    expect(await namesInQueue(core)).toEqual(['KEDUA DATANG', 'PERTAMA DATANG']);
  });
});
