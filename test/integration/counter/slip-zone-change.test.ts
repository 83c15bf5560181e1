/**
 * A change of the facility's zone at night (nighttester F12): the day in progress runs on under
 * the old zone until its midnight, and the slip carries that day and that clock, so no two
 * patients hold slips with one date and one number. Through the core with a fake clock, on a
 * real SQLite file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { serviceToday } from '../../../src/renderer/src/facility-today';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

async function visit(core: Core, name: string): Promise<{ id: number; serviceDate: string; queue: string }> {
  const patient = await core.createPatient({ name, dob: '1980-01-01' });
  return core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
}

/** The slip's date and time line, as printed. */
async function slipTime(core: Core, visitId: number): Promise<string> {
  const { html } = await core.slipHtml({ visitId });
  return /<div class="time">([^<]*)<\/div>/.exec(html)?.[1] ?? '';
}

describe('the slip after a change of zone at night (F12)', () => {
  it('carries the service day that numbered the visit and the clock it was filed under', async () => {
    const clock = { now: new Date('2026-12-01T23:30:00+07:00') };
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, bpjsBackground: false, now: () => clock.now });
    await core.saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Jakarta' });
    const first = await visit(core, 'Chairul');
    // Corrected to WITA at 23:30 WIB (already 00:30 on 2 Dec there): 1 Dec finishes under WIB.
    await core.saveSettings({ ...(await core.getSettings({})), timeZone: 'Asia/Makassar' });
    clock.now = new Date('2026-12-01T23:39:00+07:00');
    const rudi = await visit(core, 'Rudi');
    expect([first, rudi].map((v) => [v.serviceDate, v.queue])).toEqual([['2026-12-01', 'U-001'], ['2026-12-01', 'U-002']]);
    expect(await slipTime(core, rudi.id)).toBe('01-12-2026 23:39');
    // After the old zone's midnight the new zone numbers 2 Dec: its U-002 is dated 2 Dec, in WITA.
    clock.now = new Date('2026-12-02T01:05:00+08:00');
    await visit(core, 'Halimah');
    const andri = await visit(core, 'Andri');
    expect([andri.serviceDate, andri.queue]).toEqual(['2026-12-02', 'U-002']);
    expect(await slipTime(core, andri.id)).toBe('02-12-2026 01:05');
    // A reprint of the night's slip later still says what was printed then.
    expect(await slipTime(core, rudi.id)).toBe('01-12-2026 23:39');
    expect(await slipTime(core, first.id)).toBe('01-12-2026 23:30');
    core.close();
  });

  it('the screens\' "today" (reports, undo) is the day the core files under until the old zone\'s midnight', async () => {
    const clock = { now: new Date('2026-12-01T23:30:00+07:00') };
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, bpjsBackground: false, now: () => clock.now });
    await core.saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Jakarta' });
    await visit(core, 'Chairul');
    await core.saveSettings({ ...(await core.getSettings({})), timeZone: 'Asia/Makassar' });
    clock.now = new Date('2026-12-01T23:39:00+07:00');
    const settings = await core.getSettings({});
    expect(settings.runningDay).toEqual({ zone: 'Asia/Jakarta', until: '2026-12-01T17:00:00.000Z' });
    const rudi = await visit(core, 'Rudi');
    expect(serviceToday(settings, clock.now)).toBe(rudi.serviceDate);
    expect((await core.dayQueue({ unit: 'UMUM' })).map((e) => [e.queue, e.yesterday])).toEqual([['U-001', false], ['U-002', false]]);
    // From the old zone's midnight the new zone's date, on the settings read before it too.
    clock.now = new Date('2026-12-02T01:05:00+08:00');
    expect(serviceToday(settings, clock.now)).toBe('2026-12-02');
    expect((await core.getSettings({})).runningDay).toBeUndefined();
    expect((await visit(core, 'Halimah')).serviceDate).toBe('2026-12-02');
    core.close();
  });
});
