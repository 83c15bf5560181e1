import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/**
 * Finding: a patient registered at the IGD at 23:50 and sent to Poli Umum at 00:10 kept last
 * night's service day: yesterday's poli visits are in no queue, so the patient vanished from every
 * queue, with a number of yesterday's sequence. A move on a later facility day carries the visit
 * into that day; its undo brings the day back.
 */
const YESTERDAY = '2026-11-24';
const TODAY = '2026-11-25';

/** A counter on a real file whose clock the test sets in WIB, on 24 November ("23:50") or 25 November ("+00:10"). */
function counter(): { core: Core; at: (hhmm: string) => void } {
  let clock = new Date('2026-11-24T09:00:00Z');
  const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, bpjsBackground: false, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  const at = (hhmm: string): void => {
    const next = hhmm.startsWith('+');
    const [h, m] = hhmm.replace('+', '').split(':').map(Number) as [number, number];
    clock = new Date(Date.parse(`${next ? TODAY : YESTERDAY}T00:00:00+07:00`) + (h * 60 + m) * 60_000);
  };
  return { core, at };
}

async function register(core: Core, name: string, unit: string): Promise<{ id: number; queue: string; patientId: number }> {
  const patient = await core.createPatient({ name });
  return core.registerVisit({ patientId: patient.id, unit, verdict: null, payer: 'umum' });
}

/** A patient brought to the IGD: an emergency (F9), the one way into the emergency unit. */
async function broughtIn(core: Core, name: string): Promise<{ id: number; queue: string; patientId: number }> {
  const patient = await core.createPatient({ name });
  const visit = await core.registerEmergency({ patientId: patient.id });
  return { ...visit, patientId: patient.id };
}

/** Yesterday's Poli Umum handed out U-001 and U-002: a number drawn from yesterday's sequence would be U-003. */
async function yesterdaysPoli(core: Core, at: (hhmm: string) => void): Promise<void> {
  at('08:00');
  await register(core, 'ANI KEMARIN', 'UMUM');
  at('08:10');
  await register(core, 'BUDI KEMARIN', 'UMUM');
}

const queueOf = async (core: Core, unit: string) => (await core.dayQueue({ unit })).map((e) => `${e.queue} ${e.patient.name} ${e.serviceDate}`);

describe('a move after midnight', () => {
  it("last night's IGD patient moved to Poli Umum at 00:10 is in today's queue there with today's U-001, and is called; the IGD's queue lets go", async () => {
    const { core, at } = counter();
    await yesterdaysPoli(core, at);
    at('23:50');
    const night = await broughtIn(core, 'SITI MALAM');
    expect(night.queue).toBe('GD-001');

    at('+00:10');
    expect(await queueOf(core, 'IGD')).toEqual([`GD-001 SITI MALAM ${YESTERDAY}`]);
    const moved = await core.moveVisit({ visitId: night.id, unit: 'UMUM' });
    expect(moved.to).toEqual({ unit: 'UMUM', queue: 'U-001' });
    expect(await queueOf(core, 'UMUM')).toEqual([`U-001 SITI MALAM ${TODAY}`]);
    expect(await queueOf(core, 'IGD')).toEqual([]);
    expect((await core.callNext({ unit: 'UMUM' }))?.visitId).toBe(night.id);
    // Today's next Poli Umum patient comes after it.
    expect((await register(core, 'CICI PAGI', 'UMUM')).queue).toBe('U-002');
    core.close();
  });

  it("an emergency of last night moved after midnight: today's number, still first in the queue", async () => {
    const { core, at } = counter();
    await yesterdaysPoli(core, at);
    at('23:50');
    const emergency = await core.registerEmergency({});
    at('+00:05');
    await register(core, 'CICI PAGI', 'UMUM');
    at('+00:10');
    expect((await core.moveVisit({ visitId: emergency.id, unit: 'UMUM' })).to.queue).toBe('U-002');
    const queue = await core.dayQueue({ unit: 'UMUM' });
    expect(queue.map((e) => [e.queue, e.emergency, e.serviceDate])).toEqual([['U-002', true, TODAY], ['U-001', false, TODAY]]);
    core.close();
  });

  it("Undo puts it back in the IGD's queue as last night's patient (kemarin), with its own number; moved again, it takes a new one", async () => {
    const { core, at } = counter();
    await yesterdaysPoli(core, at);
    at('23:50');
    const night = await broughtIn(core, 'SITI MALAM');
    at('+00:10');
    await core.moveVisit({ visitId: night.id, unit: 'UMUM' });
    at('+00:11');
    expect((await core.undoMoveVisit({ visitId: night.id })).to).toEqual({ unit: 'IGD', queue: 'GD-001' });
    const [back] = await core.dayQueue({ unit: 'IGD' });
    // The queue screen marks a visit of the day before "kemarin".
    expect(back).toMatchObject({ visitId: night.id, queue: 'GD-001', serviceDate: YESTERDAY, status: 'waiting' });
    expect(await queueOf(core, 'UMUM')).toEqual([]);
    // The undone move's U-001 is not handed out again.
    expect((await core.moveVisit({ visitId: night.id, unit: 'UMUM' })).to.queue).toBe('U-002');
    core.close();
  });

  it("refuses the move when the patient is already registered at that unit today (not last night's day)", async () => {
    const { core, at } = counter();
    at('23:50');
    const night = await broughtIn(core, 'SITI MALAM');
    at('+00:05');
    await core.registerVisit({ patientId: night.patientId, unit: 'UMUM', verdict: null, payer: 'umum' });
    at('+00:10');
    await expect(core.moveVisit({ visitId: night.id, unit: 'UMUM' })).rejects.toMatchObject({ key: 'visit/duplicate' });
    expect(await queueOf(core, 'IGD')).toEqual([`GD-001 SITI MALAM ${YESTERDAY}`]);
    core.close();
  });

  it('a move on the same day keeps the day, and so does its undo', async () => {
    const { core, at } = counter();
    at('+08:00');
    const v = await broughtIn(core, 'SITI SIANG');
    at('+09:00');
    expect((await core.moveVisit({ visitId: v.id, unit: 'UMUM' })).to.queue).toBe('U-001');
    expect(await queueOf(core, 'UMUM')).toEqual([`U-001 SITI SIANG ${TODAY}`]);
    await core.undoMoveVisit({ visitId: v.id });
    expect(await queueOf(core, 'IGD')).toEqual([`GD-001 SITI SIANG ${TODAY}`]);
    core.close();
  });
});
