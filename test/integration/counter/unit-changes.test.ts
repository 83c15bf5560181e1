import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { LoketError } from '../../../src/core/errors';
import { saveSettings } from '../../../src/core/settings/settings.repo';
import type { CounterSettings } from '../../../src/shared/settings';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A counter on 25 November 2026 from 08:00 WIB, its clock moved by the test. */
function counter(): { core: Core; dir: string; at: (hhmm: string) => void } {
  const dir = tempDir();
  let clock = new Date('2026-11-25T01:00:00Z');
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => clock, clerk: 'ani' });
  return { core, dir, at: (hhmm) => (clock = new Date(`2026-11-25T${String(Number(hhmm.slice(0, 2)) - 7).padStart(2, '0')}:${hhmm.slice(3)}:00Z`)) };
}

const register = async (core: Core, name: string, unit: string) => {
  const patient = await core.createPatient({ name });
  return core.registerVisit({ patientId: patient.id, unit, verdict: 'unknown', payer: 'umum' });
};

const recoded = (s: CounterSettings, from: string, to: string): CounterSettings => ({ ...s, units: s.units.map((u) => (u.code === from ? { ...u, code: to } : u)) });
const without = (s: CounterSettings, code: string): CounterSettings => ({ ...s, units: s.units.filter((u) => u.code !== code) });

describe('a unit that leaves the settings during the day', () => {
  it('cannot be removed or re-coded while its patients wait: the refusal names the unit and how many wait', async () => {
    const { core } = counter();
    await register(core, 'Dian Wibisono', 'LANSIA');
    await register(core, 'Ririn Supriadi', 'LANSIA');
    const settings = await core.getSettings({});

    for (const attempt of [recoded(settings, 'LANSIA', 'LANSIA2'), without(settings, 'LANSIA')]) {
      const refused = await core.saveSettings(attempt).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LoketError);
      expect(refused).toMatchObject({ key: 'settings/unit-has-patients', params: { unit: 'Poli Lansia', code: 'LANSIA', count: 2 } });
      expect((refused as LoketError).format('id')).toBe(
        'Poli Lansia (LANSIA) masih punya 2 pasien yang menunggu atau sudah dipanggil hari ini. Selesaikan atau batalkan mereka dulu di Antrean (Alt+2); sampai itu poli ini tidak dapat dihapus dan kodenya tidak dapat diubah. Pengaturan belum disimpan.',
      );
      expect((refused as LoketError).format('en')).toContain('Poli Lansia (LANSIA): patients waiting or called today: 2.');
    }
    // Nothing was saved: the unit is still there, under its code.
    expect((await core.getSettings({})).units.map((u) => u.code)).toContain('LANSIA');
    // A called patient still counts; renaming the unit (same code) or another unit's change is fine.
    await core.callNext({ unit: 'LANSIA' });
    await expect(core.saveSettings(without(settings, 'LANSIA'))).rejects.toMatchObject({ params: { count: 2 } });
    const renamed = await core.saveSettings({ ...without(settings, 'KIA'), units: without(settings, 'KIA').units.map((u) => (u.code === 'LANSIA' ? { ...u, name: 'Poli Lansia Lt. 1' } : u)) });
    expect(renamed.units.map((u) => u.code)).not.toContain('KIA');

    // Once they are served or cancelled, the unit may go.
    const queue = await core.dayQueue({ unit: 'LANSIA' });
    await core.setVisitStatus({ visitId: queue[0]!.visitId, status: 'served' });
    await core.setVisitStatus({ visitId: queue[1]!.visitId, status: 'cancelled' });
    expect((await core.saveSettings(recoded(renamed, 'LANSIA', 'LANSIA2'))).units.map((u) => u.code)).toContain('LANSIA2');
    core.close();
  });

  it('numbers on by prefix: a re-coded unit never hands out a number of the day again', async () => {
    const { core, at } = counter();
    const first = await register(core, 'Dian Wibisono', 'LANSIA');
    expect(first.queue).toBe('L-001');
    await core.setVisitStatus({ visitId: first.id, status: 'served' });
    at('09:00');
    await core.saveSettings(recoded(await core.getSettings({}), 'LANSIA', 'LANSIA2'));
    expect((await register(core, 'Ririn Supriadi', 'LANSIA2')).queue).toBe('L-002');

    // Removed, and another unit added with the same prefix: B goes on too.
    const kb = await core.saveSettings({ ...(await core.getSettings({})), units: [...(await core.getSettings({})).units, { code: 'KIAKB2', name: 'Poli KIA/KB Lantai 2', prefix: 'B' }] });
    const b1 = await register(core, 'Wiwik Lestari', 'KIAKB2');
    await core.setVisitStatus({ visitId: b1.id, status: 'cancelled' });
    await core.saveSettings({ ...without(kb, 'KIAKB2'), units: [...without(kb, 'KIAKB2').units, { code: 'KB2', name: 'Poli KB', prefix: 'B' }] });
    expect([b1.queue, (await register(core, 'Sri Handayani', 'KB2')).queue]).toEqual(['B-001', 'B-002']);
    const labels = (await core.visitRegister({ from: '2026-11-25' })).map((r) => r.queue);
    expect(new Set(labels).size).toBe(labels.length);
    core.close();
  });

  it("settings from the hub may still remove it: its waiting patients stay in a queue of their own and can be called, served or cancelled", async () => {
    const { core, dir } = counter();
    const waiting = await register(core, 'Dian Wibisono', 'LANSIA');
    const other = await register(core, 'Budi Santoso', 'LANSIA');
    // The hub's facility settings are saved as they come (apply-pull.ts), without the screen's check.
    const next = saveSettings(core.db, recoded(await core.getSettings({}), 'LANSIA', 'LANSIA2'));
    core.close();
    const reopened = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => new Date('2026-11-25T02:00:00Z'), clerk: 'ani' });
    expect((await reopened.getSettings({})).units.map((u) => u.code)).toEqual(next.units.map((u) => u.code));

    const all = await reopened.dayQueue({});
    expect(all.map((e) => [e.queue, e.unit, e.status])).toEqual([
      ['L-001', 'LANSIA', 'waiting'],
      ['L-002', 'LANSIA', 'waiting'],
    ]);
    // The old code is a queue of its own: call next, serve, cancel.
    expect((await reopened.callNext({ unit: 'LANSIA' }))?.visitId).toBe(waiting.id);
    await reopened.setVisitStatus({ visitId: waiting.id, status: 'served' });
    await reopened.setVisitStatus({ visitId: other.id, status: 'cancelled' });
    expect((await reopened.dayQueue({ unit: 'LANSIA' })).map((e) => e.status)).toEqual(['served', 'cancelled']);
    // The new code goes on from the prefix's last number.
    expect((await register(reopened, 'Ririn Supriadi', 'LANSIA2')).queue).toBe('L-003');
    reopened.close();
  });

  it("old visits keep their unit's name: settings view, register export and a reprinted slip", async () => {
    const { core, dir, at } = counter();
    const visit = await register(core, 'Wiwik Lestari', 'KIA');
    await core.setVisitStatus({ visitId: visit.id, status: 'served' });
    at('11:00');
    const settings = await core.getSettings({});
    expect(settings.formerUnits).toBeUndefined();
    await core.saveSettings({ ...without(settings, 'KIA'), units: [...without(settings, 'KIA').units, { code: 'KIA2', name: 'KIA Lantai 2', prefix: 'K' }] });
    expect((await core.getSettings({})).formerUnits).toEqual([{ code: 'KIA', name: 'KIA/KB', prefix: 'K' }]);

    const csv = join(dir, 'register.csv');
    await core.exportReport({ report: 'register', from: '2026-11-25', to: '2026-11-25', format: 'csv', file: fileFor(core, csv, 'save-csv') });
    expect(readFileSync(csv, 'utf8')).toContain('2026-11-25;K-001;KIA/KB;');
    const slip = (await core.slipHtml({ visitId: visit.id })).html;
    expect(slip).toContain('KIA/KB');
    expect(slip).not.toMatch(/>KIA</);
    // Added back under its code: it is a unit of the settings again, not a former one.
    const back = await core.getSettings({});
    await core.saveSettings({ ...back, units: [...back.units, { code: 'KIA', name: 'KIA/KB (lama)', prefix: 'KB' }] });
    expect((await core.getSettings({})).formerUnits).toBeUndefined();
    core.close();
  });
});
