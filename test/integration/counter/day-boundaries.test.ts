/**
 * Midnight and the facility's clock, through the core with a fake clock: the IGD works all
 * night, and an administrator may correct the time zone in the middle of a day.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { nextMidnight, serviceDay } from '../../../src/core/settings/service-day';
import { DEFAULT_SETTINGS, type CounterSettings } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A core whose clock the test moves. */
type Zone = CounterSettings['timeZone'];

async function coreAt(timeZone: Zone, start: string): Promise<{ core: Core; clock: { now: Date }; reopen: () => Core }> {
  const clock = { now: new Date(start) };
  const dbPath = join(tempDir(), 'loket.db');
  const open = (): Core => createCore({ dbPath, workerScript: null, bpjsBackground: false, now: () => clock.now });
  const core = open();
  await core.saveSettings({ ...DEFAULT_SETTINGS, timeZone });
  return { core, clock, reopen: open };
}

async function patient(core: Core, name: string): Promise<number> {
  return (await core.createPatient({ name, dob: '1980-01-01' })).id;
}

const ZONES = [
  { zone: 'Asia/Jakarta', label: 'WIB', offset: '+07:00' },
  { zone: 'Asia/Makassar', label: 'WITA', offset: '+08:00' },
  { zone: 'Asia/Jayapura', label: 'WIT', offset: '+09:00' },
] as const;

describe.each(ZONES)('midnight in $label', ({ zone, offset }) => {
  it('patients registered at 23:50 are still in the queue at 00:10, and callNext reaches them', async () => {
    const { core, clock } = await coreAt(zone, `2026-11-29T23:50:00${offset}`);
    const emergency = await core.registerEmergency({});
    const waiting = await core.registerVisit({ patientId: await patient(core, 'Budi'), unit: 'UMUM', verdict: null, payer: 'umum' });
    const served = await core.registerVisit({ patientId: await patient(core, 'Citra'), unit: 'UMUM', verdict: null, payer: 'umum' });
    await core.setVisitStatus({ visitId: served.id, status: 'served' });
    expect(emergency.serviceDate).toBe('2026-11-29');

    clock.now = new Date(`2026-11-30T00:10:00${offset}`);
    const igd = await core.dayQueue({ unit: DEFAULT_SETTINGS.emergencyUnit });
    expect(igd.map((e) => e.visitId)).toEqual([emergency.id]);
    expect(igd[0]?.serviceDate).toBe('2026-11-29');
    const called = await core.callNext({ unit: DEFAULT_SETTINGS.emergencyUnit });
    expect(called?.visitId).toBe(emergency.id);

    // A new IGD patient is of the new day, after last night's in arrival order; its number goes on
    // past last night's still open (two "GD-001" in one queue would call the wrong patient).
    const night = await core.registerEmergency({});
    expect([night.serviceDate, night.queue]).toEqual(['2026-11-30', 'GD-002']);
    expect((await core.dayQueue({ unit: DEFAULT_SETTINGS.emergencyUnit })).map((e) => e.visitId)).toEqual([emergency.id, night.id]);

    // A poli closes in the afternoon: a patient left "waiting" there yesterday went home, and the
    // new day's queue starts empty (the register still shows the visit as never served).
    expect(waiting.serviceDate).toBe('2026-11-29');
    expect(await core.dayQueue({ unit: 'UMUM' })).toEqual([]);
    const fresh = await core.registerVisit({ patientId: await patient(core, 'Dewi'), unit: 'UMUM', verdict: null, payer: 'umum' });
    expect([fresh.serviceDate, fresh.queue]).toEqual(['2026-11-30', 'U-001']);
    expect((await core.callNext({ unit: 'UMUM' }))?.visitId).toBe(fresh.id);

    // Two days on, only the day before carries over: the 23:50 patient (called, never closed)
    // has left the IGD queue for the register; the 00:10 one is still waiting.
    clock.now = new Date(`2026-12-01T08:00:00${offset}`);
    expect((await core.dayQueue({ unit: DEFAULT_SETTINGS.emergencyUnit })).map((e) => e.visitId)).toEqual([night.id]);
    core.close();
  });
});

describe('changing the time zone in the middle of a day', () => {
  it('eastward at 22:30 WIB (00:30 tomorrow in WIT): the numbering goes on and the queue stays until midnight WIB', async () => {
    const { core, clock } = await coreAt('Asia/Jakarta', '2026-11-29T22:00:00+07:00');
    const first = await core.registerVisit({ patientId: await patient(core, 'Eko'), unit: 'UMUM', verdict: null, payer: 'umum' });
    await core.setVisitStatus({ visitId: first.id, status: 'served' });
    clock.now = new Date('2026-11-29T22:30:00+07:00');
    await core.saveSettings({ ...(await core.getSettings({})), timeZone: 'Asia/Jayapura' });
    const second = await core.registerVisit({ patientId: await patient(core, 'Fajar'), unit: 'UMUM', verdict: null, payer: 'umum' });
    expect(second.serviceDate).toBe('2026-11-29');
    expect(second.queue).toBe('U-002');
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => e.visitId)).toEqual([first.id, second.id]);
    // Midnight in the old zone (02:00 WIT): the new zone's day begins.
    clock.now = new Date('2026-11-30T00:00:01+07:00');
    const third = await core.registerVisit({ patientId: await patient(core, 'Gita'), unit: 'UMUM', verdict: null, payer: 'umum' });
    expect(third.serviceDate).toBe('2026-11-30');
    expect(third.queue).toBe('U-001');
    core.close();
  });

  it('westward at 00:30 WIT (still yesterday in WITA): today does not turn back into yesterday', async () => {
    const { core, clock, reopen } = await coreAt('Asia/Jayapura', '2026-11-30T00:20:00+09:00');
    const first = await core.registerVisit({ patientId: await patient(core, 'Hadi'), unit: 'UMUM', verdict: null, payer: 'umum' });
    expect(first.serviceDate).toBe('2026-11-30');
    clock.now = new Date('2026-11-30T00:30:00+09:00');
    await core.saveSettings({ ...(await core.getSettings({})), timeZone: 'Asia/Makassar' });
    const second = await core.registerVisit({ patientId: await patient(core, 'Indah'), unit: 'UMUM', verdict: null, payer: 'umum' });
    expect(second.serviceDate).toBe('2026-11-30');
    expect(second.queue).toBe('U-002');
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => e.visitId)).toEqual([first.id, second.id]);
    // The change survives a restart of the app.
    core.close();
    const again = reopen();
    const third = await again.registerVisit({ patientId: await patient(again, 'Joko'), unit: 'UMUM', verdict: null, payer: 'umum' });
    expect([third.serviceDate, third.queue]).toEqual(['2026-11-30', 'U-003']);
    again.close();
  });

  it('the rule itself: the old zone finishes its day, then the new one rules', () => {
    const change = { from: 'Asia/Jakarta', to: 'Asia/Jayapura', at: '2026-11-29T15:30:00Z' }; // 22:30 WIB
    expect(serviceDay(new Date('2026-11-29T16:59:00Z'), 'Asia/Jayapura', change)).toBe('2026-11-29'); // 23:59 WIB
    expect(serviceDay(new Date('2026-11-29T17:00:00Z'), 'Asia/Jayapura', change)).toBe('2026-11-30'); // 00:00 WIB
    expect(serviceDay(new Date('2026-11-29T14:00:00Z'), 'Asia/Jayapura', change)).toBe('2026-11-29'); // before the change: new zone, same day
    // Another zone configured since (or a --time-zone override): the record does not apply.
    expect(serviceDay(new Date('2026-11-29T16:00:00Z'), 'Asia/Makassar', change)).toBe('2026-11-30');
    expect(nextMidnight(new Date('2026-11-29T15:30:00Z'), 'Asia/Jakarta').toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });
});
