import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../../src/hub/hub-main';
import { runCaptured } from '../../helpers/cli-capture';
import { useHubTestbed } from '../../helpers/hub-testbed';

/**
 * `loket hub settings` says what it did in words (papertester F14, F17): a refused value by its
 * key, the value the file gave and what is allowed; a save by the keys that changed.
 */
const { server, hubs, tempDir } = useHubTestbed('loket-hub-settings-cli-');

async function hubWithSettings(name: string): Promise<{ hubDir: string; settings: (json: unknown, ...flags: string[]) => ReturnType<typeof runCaptured> }> {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hubs.push(await startHub({ pgUrl: await server().createDatabase(name), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' }));
  let n = 0;
  const settings = (json: unknown, ...flags: string[]) => {
    const file = join(dir, `fas${++n}.json`);
    writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
    return runCaptured(['hub', 'settings', '--file', file, '--hub-dir', hubDir, ...flags]);
  };
  return { hubDir, settings };
}

describe('loket hub settings in words', () => {
  it('names the keys that changed, says the others kept their values, also on the first save (the keys not given stay unset at the hub)', async () => {
    const { settings } = await hubWithSettings('settings_saved');
    const first = await settings({ facilityName: 'RSUD Uji', mrnStart: 200000 });
    expect(first.code).toBe(0);
    expect(first.lines).toEqual(['Pengaturan fasilitas disimpan; yang diubah: facilityName, mrnStart. Pengaturan lain tetap seperti sebelumnya. Setiap loket mengambilnya pada sinkron berikutnya.']);

    const one = await settings({ mrnStart: 200100 });
    expect(one.lines).toEqual(['Pengaturan fasilitas disimpan; yang diubah: mrnStart. Pengaturan lain tetap seperti sebelumnya. Setiap loket mengambilnya pada sinkron berikutnya.']);
    const english = await settings({ followUpHours: 48 }, '--lang', 'en');
    expect(english.lines).toEqual(['Facility settings saved; changed: followUpHours. The other settings kept their values. Every counter takes them at its next sync.']);
    const same = await settings({ mrnStart: 200100 });
    expect(same.lines).toEqual(['Pengaturan fasilitas tidak berubah: nilai yang diberikan sama dengan yang tersimpan.']);

    // The keys not given did keep their values.
    const json = await settings({ staleAfterDays: 30 }, '--json');
    expect(json.data[0]).toMatchObject({ changed: ['staleAfterDays'] });
    expect((json.data[0] as { settings: unknown }).settings).toEqual({ facilityName: 'RSUD Uji', mrnStart: 200100, followUpHours: 48, staleAfterDays: 30 });
  });

  it('a refused value is named by its key and value, with the rule and what is allowed, in both languages', async () => {
    const { settings } = await hubWithSettings('settings_refused');
    const quoted = await settings('{"mrnStart":"200000"}');
    expect(quoted.code).toBe(1);
    expect(quoted.errors).toEqual(['Hub menolak pengaturan mrnStart = "200000": isian tidak valid. Yang boleh: bilangan bulat 1 sampai 999999999999, ditulis tanpa tanda kutip. Tidak ada yang disimpan.']);
    const negative = await settings({ mrnStart: -5 }, '--lang', 'en');
    expect(negative.errors).toEqual(['The hub refused the setting mrnStart = -5: at least 1. Allowed: a whole number from 1 to 999999999999, written without quotes. Nothing was saved.']);
    const fraction = await settings({ mrnStart: 1.5 });
    expect(fraction.errors[0]).toMatch(/^Hub menolak pengaturan mrnStart = 1\.5: .+ Yang boleh: bilangan bulat/);

    const unit = await settings({ units: [{ code: 'UMUM', name: 'Poli Umum', prefix: 'U' }, { code: 'IGD', name: 'IGD', prefix: 'u' }], emergencyUnit: 'IGD' });
    expect(unit.errors[0]).toBe('Hub menolak pengaturan units.1.prefix = "u": bentuknya tidak sesuai. Yang boleh: 1 sampai 3 huruf besar atau angka, tidak sama dengan unit lain. Tidak ada yang disimpan.');
    const zone = await settings({ timeZone: 'WIB' }, '--json');
    expect(zone.data[0]).toMatchObject({ ok: false, error: { code: 'hub/settings-invalid' } });
    expect((zone.data[0] as { error: { message: string } }).error.message).toContain('timeZone = "WIB": pilih salah satu: Asia/Jakarta, Asia/Makassar, Asia/Jayapura');

    const printer = await settings({ printerName: 'EPSON' });
    expect(printer.errors[0]).toContain('"printerName" bukan pengaturan fasilitas');
    const list = await settings('[1, 2]');
    expect(list.errors[0]).toContain('isinya harus satu objek JSON');
  });
});
