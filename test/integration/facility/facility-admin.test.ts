import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { runCaptured } from '../../helpers/cli-capture';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { useTempDir } from '../../helpers/temp';
import { enrollmentCode } from './facility-harness';

/**
 * What the facility sets once at the hub reaches every counter at its next sync (settings, the
 * BPJS access with its secrets sealed on both sides), and the hub reads the facility's days.
 */
const tempDir = useTempDir();
let postgres: TestPostgres;
let hub: RunningHub;
let core: Core;

beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  core?.close();
  await hub?.stop();
  await postgres?.stop();
});

it('facility settings and BPJS access set at the hub reach the counter; the report covers its visits', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hub = await startHub({ pgUrl: postgres.url, dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false });
  await core.enrollHub({ code: await enrollmentCode(hubDir, 'Loket 1') });
  await core.saveSettings({ ...(await core.getSettings({})), paper: '58mm', printerName: 'EPSON TM-T82' });

  const settingsFile = join(dir, 'fasilitas.json');
  writeFileSync(
    settingsFile,
    JSON.stringify({
      facilityName: 'RSUD Uji',
      units: [
        { code: 'UMUM', name: 'Poli Umum', prefix: 'U' },
        { code: 'ANAK', name: 'Poli Anak', prefix: 'A' },
        { code: 'IGD', name: 'IGD', prefix: 'I' },
      ],
      emergencyUnit: 'IGD',
      mrnFormat: 'RM-{seq:5}',
    }),
  );
  const set = await runCaptured(['hub', 'settings', '--file', settingsFile, '--hub-dir', hubDir, '--json']);
  expect(set.code).toBe(0);
  const credentials = join(dir, 'bpjs.env');
  writeFileSync(credentials, 'LOKET_BPJS_SERVICE=vclaim\nLOKET_BPJS_URL=https://bpjs.example/vclaim-rest\nLOKET_BPJS_CONS_ID=12345\nLOKET_BPJS_SECRET=rahasia-sekali\nLOKET_BPJS_USER_KEY=kunci-pengguna\n', { mode: 0o600 });
  const bpjs = await runCaptured(['hub', 'bpjs', '--credentials', credentials, '--hub-dir', hubDir, '--json']);
  expect(bpjs.code).toBe(0);

  await core.syncNow({});
  const settings = await core.getSettings({});
  expect(settings).toMatchObject({ facilityName: 'RSUD Uji', mrnFormat: 'RM-{seq:5}', emergencyUnit: 'IGD' });
  expect(settings.units.map((u) => u.code)).toEqual(['UMUM', 'ANAK', 'IGD']);
  // The counter's own choices stay its own.
  expect(settings).toMatchObject({ paper: '58mm', printerName: 'EPSON TM-T82' });
  const access = await core.getBpjsSettings({});
  expect(access).toMatchObject({ use: 'vclaim', vclaim: { baseUrl: 'https://bpjs.example/vclaim-rest', consId: '12345', saved: { secret: true, userKey: true } } });
  // Sealed on both sides: neither the hub's database nor the counter's holds the secret in the clear.
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const sealed = (await db.query<{ sealed: string }>('SELECT sealed FROM facility_bpjs')).rows[0]!.sealed;
  await db.end();
  expect(sealed).not.toContain('rahasia');
  expect(JSON.stringify(core.db.prepare('SELECT value FROM settings').all())).not.toContain('rahasia');

  // A patient registered here is in the facility's report at the hub, with the new record number format.
  const patient = await core.createPatient({ name: 'Budi Santoso', nik: '3673010202800001', dob: '1980-02-02' });
  expect(patient.mrn).toMatch(/^RM-\d{5}$/);
  const visit = await core.registerVisit({ patientId: patient.id, unit: 'ANAK', verdict: 'unknown' });
  await core.syncNow({});
  const page = join(dir, 'register.html');
  const report = await runCaptured(['hub', 'report', '--from', visit.serviceDate, '--html', page, '--hub-dir', hubDir, '--json']);
  expect(report.code).toBe(0);
  expect(report.data[0]).toMatchObject({ recap: { total: 1, byUnit: { ANAK: 1 } }, register: [expect.objectContaining({ visitUid: visit.uid, mrn: patient.mrn })] });
  const html = readFileSync(page, 'utf8');
  expect(html).toContain(patient.mrn);
  expect(html).toContain('<td>Poli Anak</td>'); // the unit's name from the facility's settings, not its code
  expect(html).toMatch(/<td>Loket 1<\/td><\/tr>/); // the counter by its name
  expect(html).toContain('<tr><td>Kunjungan baru</td><td></td><td>1</td></tr>');
  const text = await runCaptured(['hub', 'report', '--from', visit.serviceDate, '--hub-dir', hubDir]);
  expect(text.lines[0]).toBe(`Fasilitas ${visit.serviceDate} s.d. ${visit.serviceDate}: 1 kunjungan (tanpa yang batal; 1 baru, 0 lama; 0 gawat darurat), 0 batal`);

  const wrong = await runCaptured(['hub', 'settings', '--file', credentials, '--hub-dir', hubDir]);
  expect(wrong.code).toBe(1);
});
