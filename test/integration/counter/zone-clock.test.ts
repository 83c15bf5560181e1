/**
 * The facility's time zone: one value for the facility, one clock per visit (reporttester F9, F1).
 * Through the core with a fake clock, on a real SQLite file.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { LoketError } from '../../../src/core/errors';
import { registerTable } from '../../../src/core/reports/report-tables';
import { markEnrolled } from '../../../src/core/sync/sync-state.repo';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

function counterAt(start: string): { core: Core; clock: { now: Date }; reopen: () => Core } {
  const clock = { now: new Date(start) };
  const dbPath = join(tempDir(), 'loket.db');
  const open = (): Core => createCore({ dbPath, workerScript: null, bpjsBackground: false, now: () => clock.now });
  return { core: open(), clock, reopen: open };
}

async function visit(core: Core, name: string): Promise<{ id: number; serviceDate: string }> {
  const patient = await core.createPatient({ name, dob: '1980-01-01' });
  return core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
}

describe('the facility zone at an enrolled counter (F9)', () => {
  it('is the hub\'s: a save that changes it is refused whole, other changes go through', async () => {
    const { core } = counterAt('2026-12-04T15:30:00Z');
    markEnrolled(core.db, { counterId: 'counter-K1', offlinePrefix: 'K1' });
    const settings = await core.getSettings({});
    const refused = await core.saveSettings({ ...settings, timeZone: 'Asia/Jayapura', facilityName: 'RSUD Kota Serang' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LoketError);
    expect(refused).toMatchObject({ key: 'settings/hub-zone' });
    expect((refused as LoketError).format('id')).toContain('Zona waktu diatur di hub fasilitas');
    expect((refused as LoketError).format('en')).toContain('set at the facility hub');
    // Nothing was saved, and the day is still the WIB day (22:30 WIB, not 00:30 WIT tomorrow).
    expect((await core.getSettings({})).timeZone).toBe('Asia/Jakarta');
    expect((await core.getSettings({})).facilityName).toBe(DEFAULT_SETTINGS.facilityName);
    expect((await visit(core, 'Budi')).serviceDate).toBe('2026-12-04');
    // The same form without a zone change is saved.
    await core.saveSettings({ ...settings, facilityName: 'RSUD Kota Serang' });
    expect((await core.getSettings({})).facilityName).toBe('RSUD Kota Serang');
    core.close();
  });

  it('a counter working alone still sets its own', async () => {
    const { core } = counterAt('2026-12-04T03:00:00Z');
    await core.saveSettings({ ...(await core.getSettings({})), timeZone: 'Asia/Jayapura' });
    expect((await core.getSettings({})).timeZone).toBe('Asia/Jayapura');
    core.close();
  });
});

describe('a visit keeps the clock it was filed under (F1)', () => {
  it('after a change, and on the evening of the change itself: screen rows, by-hour and export agree', async () => {
    const { core, clock, reopen } = counterAt('2026-11-30T23:45:00+07:00');
    await core.saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Jakarta' });
    const late = await visit(core, 'Dian Aminah'); // 23:45 WIB, 30 Nov
    clock.now = new Date('2026-12-01T09:00:00+07:00');
    const morning = await visit(core, 'Eko');
    // Corrected to WIT at 22:00 WIB: 1 Dec finishes under WIB (docs/architecture.md).
    clock.now = new Date('2026-12-01T22:00:00+07:00');
    await core.saveSettings({ ...(await core.getSettings({})), timeZone: 'Asia/Jayapura' });
    clock.now = new Date('2026-12-01T22:30:00+07:00');
    const evening = await visit(core, 'Fajar');
    clock.now = new Date('2026-12-02T10:00:00+09:00');
    const next = await visit(core, 'Gita');
    expect([late, morning, evening, next].map((v) => v.serviceDate)).toEqual(['2026-11-30', '2026-12-01', '2026-12-01', '2026-12-02']);
    core.close();

    // Kept across a restart: the record is in the database.
    const again = reopen();
    const rows = await again.visitRegister({ from: '2026-11-30', to: '2026-12-02' });
    expect(rows.map((r) => [r.serviceDate, r.timeZone])).toEqual([
      ['2026-11-30', 'Asia/Jakarta'],
      ['2026-12-01', 'Asia/Jakarta'],
      ['2026-12-01', 'Asia/Jakarta'],
      ['2026-12-02', 'Asia/Jayapura'],
    ]);
    const recap = await again.recap({ from: '2026-11-30', to: '2026-12-02' });
    expect(recap.byHour).toEqual({ '23': 1, '09': 1, '22': 1, '10': 1 });
    const settings = await again.getSettings({});
    const table = registerTable(rows, { lang: 'en', timeZone: settings.timeZone, units: settings.units });
    // Date | … | Registered: each row's date and time from one clock.
    const registered = table.headers.indexOf('Registered');
    expect(table.rows.map((r) => [r[0], r[registered]])).toEqual([
      ['2026-11-30', '2026-11-30 23:45'],
      ['2026-12-01', '2026-12-01 09:00'],
      ['2026-12-01', '2026-12-01 22:30'],
      ['2026-12-02', '2026-12-02 10:00'],
    ]);
    again.close();
  });

  it('a zone set while nothing was filed yet (a new installation) leaves no old clock behind', async () => {
    const { core } = counterAt('2026-11-30T08:00:00+08:00');
    await core.saveSettings({ ...DEFAULT_SETTINGS, timeZone: 'Asia/Makassar' });
    await visit(core, 'Hadi');
    const rows = await core.visitRegister({ from: '2026-11-30' });
    expect(rows.map((r) => r.timeZone)).toEqual(['Asia/Makassar']);
    core.close();
  });
});
