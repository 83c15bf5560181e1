import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { maskNik } from '../../../src/shared/masking';
import { runCaptured } from '../../helpers/cli-capture';
import { fileFor } from '../../helpers/files';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let db: string;

beforeEach(async () => {
  const dir = tempDir();
  db = join(dir, 'loket.db');
  // The list imported in this process (the CLI's own import needs the built worker).
  const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  core.close();
});

describe('loket daftar', () => {
  it('registers a list member by NIK: the patient is made from the list row, the visit gets the next number', async () => {
    const r = await runCaptured(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const out = r.data[0] as { visit: { id: string; queueNumber: string; unit: string; serviceDate: string }; patient: { id: string; mrn: string; nik: string; name: string }; verdict: string; created: boolean };
    expect(out.visit).toMatchObject({ queueNumber: 'U-001', unit: 'UMUM' });
    expect(out.visit.id).toMatch(UUID7);
    expect(out.visit.serviceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(out.patient).toMatchObject({ nik: SITI.nik, name: SITI.name, mrn: '000001' });
    expect(out.patient.id).toMatch(UUID7);
    expect(out).toMatchObject({ verdict: 'eligible', created: true });

    // The same patient again: found in the records (not made twice), and a second visit the same day needs --again.
    const again = await runCaptured(['daftar', SITI.card, '--unit', 'UMUM', '--db', db, '--json']);
    expect(again.code).toBe(1);
    expect(again.data[0]).toMatchObject({ ok: false, error: { code: 'visit/duplicate' } });
    const confirmed = await runCaptured(['daftar', SITI.card, '--unit', 'UMUM', '--again', '--db', db, '--json']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.data[0]).toMatchObject({ visit: { queueNumber: 'U-002' }, patient: { id: out.patient.id, mrn: '000001' }, created: false });
  });

  it('finds a list member by name and birth date, and makes an unknown patient from what was given', async () => {
    const byName = await runCaptured(['daftar', '--name', 'Moch Rizki', '--dob', RIZKI.dob, '--unit', 'GIGI', '--db', db, '--json']);
    expect(byName.code).toBe(0);
    // Found by name: the NIK the officer never typed is masked (json-nik-rule.test.ts).
    expect(byName.data[0]).toMatchObject({ patient: { nik: maskNik(RIZKI.nik), name: RIZKI.name }, verdict: 'eligible', created: true, visit: { queueNumber: 'G-001' } });

    const stranger = await runCaptured(['daftar', '--name', 'Budi Santoso', '--dob', '1980-02-02', '--unit', 'UMUM', '--db', db, '--json']);
    expect(stranger.code).toBe(0);
    // Not found never blocks: registered, payer to follow (the verdict "unknown").
    expect(stranger.data[0]).toMatchObject({ patient: { nik: null, name: 'BUDI SANTOSO' }, verdict: 'unknown', created: true });
    // Known now: the same name and birth date find the record.
    const back = await runCaptured(['daftar', '--name', 'BUDI SANTOSO', '--dob', '1980-02-02', '--unit', 'GIGI', '--db', db, '--json']);
    expect(back.data[0]).toMatchObject({ created: false, patient: { mrn: (stranger.data[0] as { patient: { mrn: string } }).patient.mrn } });
  });

  it('refuses what it cannot act on, in words', async () => {
    expect((await runCaptured(['daftar', SITI.nik, '--db', db])).code).toBe(2); // no --unit
    const unknownNumber = await runCaptured(['daftar', '3201010101010001', '--unit', 'UMUM', '--db', db]);
    expect(unknownNumber.code).toBe(2);
    expect(unknownNumber.errors.join('\n')).toMatch(/--name/);
    expect((await runCaptured(['daftar', '12345', '--unit', 'UMUM', '--db', db])).code).toBe(2);
    expect((await runCaptured(['daftar', '--name', 'Budi', '--unit', 'UMUM', '--db', db])).code).toBe(2); // a name alone names nobody
    const badUnit = await runCaptured(['daftar', SITI.nik, '--unit', 'XRAY', '--db', db, '--lang', 'en']);
    expect(badUnit.code).toBe(1);
    expect(badUnit.errors.join('\n')).toMatch(/XRAY/);
  });
});

describe('loket antrean', () => {
  it("prints the unit's queue in arrival order, emergencies first, with global ids", async () => {
    await runCaptured(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db, '--json']);
    await runCaptured(['daftar', RIZKI.nik, '--unit', 'UMUM', '--db', db, '--json']);
    const r = await runCaptured(['antrean', '--unit', 'UMUM', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const entries = r.data[0] as { visitId: string; queueNumber: string; status: string; patient: { id: string; nik: string } }[];
    expect(entries.map((e) => [e.queueNumber, e.status, e.patient.nik])).toEqual([
      ['U-001', 'waiting', maskNik(SITI.nik)],
      ['U-002', 'waiting', maskNik(RIZKI.nik)],
    ]);
    expect(entries.every((e) => UUID7.test(e.visitId) && UUID7.test(e.patient.id))).toBe(true);
    const words = await runCaptured(['antrean', '--unit', 'UMUM', '--db', db]);
    expect(words.lines[0]).toMatch(/U-001\s+menunggu\s+SITI AMINAH/);
    expect((await runCaptured(['antrean', '--unit', 'NOPE', '--db', db])).code).toBe(2);
  });

  it('takes the unit code in any case, as daftar does (umum is UMUM)', async () => {
    await runCaptured(['daftar', SITI.nik, '--unit', 'umum', '--db', db, '--json']);
    const r = await runCaptured(['antrean', '--unit', 'umum', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect((r.data[0] as { queueNumber: string; unit: string }[]).map((e) => [e.queueNumber, e.unit])).toEqual([['U-001', 'UMUM']]);
    const empty = await runCaptured(['antrean', '--unit', 'Gigi', '--db', db]);
    expect(empty.code).toBe(0);
    expect(empty.lines.join('\n')).toContain('GIGI');
  });

  it('loket sync says the counter is not enrolled', async () => {
    const r = await runCaptured(['sync', '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(r.data[0]).toMatchObject({ ok: false, error: { code: 'hub/not-enrolled' } });
  });
});
