import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { runCaptured } from '../../helpers/cli-capture';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';
import { DEWI, KOMALASARI, RINA, RUDI, SHARED_CARD, SHARED_NIK, SITI, writeTwoLists } from '../../helpers/two-lists';

const tempDir = useTempDir();
let db: string;

type Out = { visit: { queueNumber: string; unit: string; payer: string }; patient: { nik: string | null; name: string }; verdict: string; created: boolean };

beforeEach(async () => {
  const dir = tempDir();
  db = join(dir, 'loket.db');
  const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false });
  const files = await writeTwoLists(dir);
  await core.importList({ file: fileFor(core, files.apbd), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  await core.importList({ file: fileFor(core, files.jamkesda), list: 'Jamkesda', kind: 'jamkesda', asOf: '2026-11-01' });
  core.close();
});

describe('loket daftar with a number two people hold', () => {
  it('refuses the card, naming both people and what to do; registers nobody', async () => {
    const r = await runCaptured(['daftar', SHARED_CARD, '--unit', 'UMUM', '--db', db]);
    expect(r.code).toBe(1);
    const said = r.errors.join('\n');
    expect(said).toContain(`Kartu ${SHARED_CARD} tercatat untuk 2 orang berbeda di daftar`);
    expect(said).toContain(`${KOMALASARI.name} (perempuan, lahir ${KOMALASARI.dob}, Jamkesda)`);
    expect(said).toContain(`${RUDI.name} (laki-laki, lahir ${RUDI.dob}, PBI APBD)`);
    expect(said).toContain('--name');
    const json = await runCaptured(['daftar', SHARED_CARD, '--unit', 'UMUM', '--db', db, '--json', '--lang', 'en']);
    expect(json.data[0]).toMatchObject({ ok: false, error: { code: 'daftar/card-conflict' } });
    expect((json.data[0] as { error: { message: string } }).error.message).toContain('Loket does not choose between them');
    const queue = await runCaptured(['antrean', '--unit', 'UMUM', '--db', db, '--json']);
    expect(queue.data[0]).toEqual([]);
  });

  it('--name chooses the person: her record, her verdict, and the payer from her Jamkesda list only (not JKN)', async () => {
    const r = await runCaptured(['daftar', SHARED_CARD, '--name', 'komalasari nasution', '--unit', 'UMUM', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(r.data[0]).toMatchObject({ patient: { nik: KOMALASARI.nik, name: KOMALASARI.name }, verdict: 'eligible', created: true, visit: { queueNumber: 'U-001', payer: 'jamkesda' } });
    // Rudi, by his name: his PBI APBD row, JKN.
    const rudi = await runCaptured(['daftar', SHARED_CARD, '--name', RUDI.name, '--dob', RUDI.dob, '--unit', 'UMUM', '--db', db, '--json']);
    expect(rudi.data[0]).toMatchObject({ patient: { nik: RUDI.nik, name: RUDI.name }, created: true, visit: { payer: 'jkn' } });
    // A name that is neither of them chooses nobody.
    const nobody = await runCaptured(['daftar', SHARED_CARD, '--name', 'BUDI SANTOSO', '--unit', 'UMUM', '--db', db]);
    expect(nobody.code).toBe(1);
    expect(nobody.errors.join('\n')).toContain('--name "BUDI SANTOSO"');
  });

  it('a NIK two people hold is refused the same way; a name and birth date choose', async () => {
    const r = await runCaptured(['daftar', SHARED_NIK, '--unit', 'GIGI', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toContain(`NIK ${SHARED_NIK} tercatat untuk 2 orang berbeda di daftar`);
    const rina = await runCaptured(['daftar', '--name', RINA.name, '--dob', RINA.dob, '--unit', 'GIGI', '--db', db, '--json']);
    expect(rina.code).toBe(0);
    expect(rina.data[0]).toMatchObject({ patient: { name: RINA.name }, visit: { payer: 'jamkesda' } });
  });

  it('one person on two lists registers as before, JKN; a Jamkesda-only member gets Jamkesda', async () => {
    const siti = await runCaptured(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db, '--json']);
    expect(siti.data[0]).toMatchObject({ patient: { name: SITI.name }, verdict: 'eligible', visit: { payer: 'jkn' } });
    const dewi = await runCaptured(['daftar', DEWI.card, '--unit', 'UMUM', '--db', db, '--json']);
    expect((dewi.data[0] as Out).visit.payer).toBe('jamkesda');
  });
});

describe('loket daftar units and second visits', () => {
  it('takes a unit code in any case, and names the units there are for an unknown one', async () => {
    const lower = await runCaptured(['daftar', SITI.nik, '--unit', 'gigi', '--db', db, '--json']);
    expect(lower.code).toBe(0);
    expect(lower.data[0]).toMatchObject({ visit: { unit: 'GIGI', queueNumber: 'G-001' } });
    const unknown = await runCaptured(['daftar', SITI.nik, '--unit', 'XYZ', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.errors.join('\n')).toBe('Unit layanan "XYZ" tidak ada di pengaturan. Unit yang ada: UMUM, GIGI, KIA, LANSIA.');
    const en = await runCaptured(['daftar', SITI.nik, '--unit', 'XYZ', '--db', db, '--lang', 'en', '--json']);
    expect(en.data[0]).toMatchObject({ ok: false, error: { code: 'visit/unknown-unit', message: 'Service unit "XYZ" is not in the settings. The units are: UMUM, GIGI, KIA, LANSIA.' } });
  });

  it('refuses the emergency unit (no visit made), naming F9 in the app: a plain IGD visit would be an arrival the recap does not count as an emergency', async () => {
    const igd = await runCaptured(['daftar', SITI.nik, '--unit', 'igd', '--db', db]);
    expect(igd.code).toBe(1);
    expect(igd.errors.at(-1)).toBe(
      'IGD (Gawat Darurat) hanya untuk pasien gawat darurat, dan perintah loket tidak mendaftarkan pasien gawat darurat: daftarkan di aplikasi dengan F9 di Cari & Daftar (nomor GD, dipanggil lebih dulu). Unit untuk loket daftar: UMUM, GIGI, KIA, LANSIA.',
    );
    const en = await runCaptured(['daftar', SITI.nik, '--unit', 'IGD', '--db', db, '--lang', 'en', '--json']);
    expect(en.data[0]).toMatchObject({ ok: false, error: { code: 'daftar/emergency-unit' } });
    expect((en.data[0] as { error: { message: string } }).error.message).toContain('register the patient in the app with F9');
    expect((await runCaptured(['antrean', '--unit', 'IGD', '--db', db, '--json'])).data[0]).toEqual([]);
  });

  it('a second visit the same day says to use --again', async () => {
    expect((await runCaptured(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db])).code).toBe(0);
    const twice = await runCaptured(['daftar', SITI.nik, '--unit', 'umum', '--db', db]);
    expect(twice.code).toBe(1);
    expect(twice.errors.join('\n')).toBe('SITI AMINAH sudah terdaftar hari ini di Poli Umum (nomor U-001). Bila memang perlu kunjungan kedua, ulangi perintahnya dengan --again.');
    const json = await runCaptured(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db, '--json', '--lang', 'en']);
    expect(json.data[0]).toMatchObject({ ok: false, error: { code: 'visit/duplicate' } });
    expect((json.data[0] as { error: { message: string } }).error.message).toContain('run the command again with --again');
    expect((await runCaptured(['daftar', SITI.nik, '--unit', 'UMUM', '--again', '--db', db])).code).toBe(0);
  });
});
