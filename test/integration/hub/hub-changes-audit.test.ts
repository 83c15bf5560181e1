import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/store/open-database';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { cliActor } from '../../../src/cli/cli-actor';
import { detailText } from '../../../src/shared/audit-detail';
import { auditWording } from '../../../src/shared/audit-wording';
import type { AuditEntryView } from '../../../src/shared/audit';
import type { HubAdminEntry } from '../../../src/shared/hub-admin-log';
import { runCaptured } from '../../helpers/cli-capture';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { runLoket } from '../../helpers/hub-process';
import { keyBeside } from '../../helpers/keyed-database';
import { writeSampleCsv } from '../../helpers/sample-list';
import { builtFile, useTempDir } from '../../helpers/temp';
import { localStamp } from '../../../src/cli/local-stamp';

/**
 * protecttester P7: what the hub changes at a counter (its enrolment, facility settings, accounts
 * — an administrator among them —, a list edition) is in the counter's trail under the hub's
 * name, and the hub itself keeps who made each change and when (`loket hub audit`).
 */
const tempDir = useTempDir();
let postgres: TestPostgres;
let hub: RunningHub | undefined;
const savedPassword = process.env.LOKET_ACCOUNT_PASSWORD;
const ME = cliActor().username;
const LIST = 'PBI APBD';

beforeAll(async () => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first.');
  postgres = await startTestPostgres();
});
// One test: the hub, the password the commands read and PostgreSQL go at the end.
afterAll(async () => {
  await hub?.stop();
  process.env.LOKET_ACCOUNT_PASSWORD = savedPassword;
  if (savedPassword === undefined) delete process.env.LOKET_ACCOUNT_PASSWORD;
  await postgres?.stop();
});

/** The built `loket` command, a child process as the IT officer runs it (an edition import needs its worker). */
async function ok(...argv: string[]): Promise<unknown> {
  const run = await runLoket([...argv, '--json']);
  if (run.code !== 0) throw new Error(`loket ${argv.join(' ')}: ${run.stderr} ${run.stdout}`);
  return JSON.parse(run.stdout) as unknown;
}

function trail(db: string): AuditEntryView[] {
  const counter = openDatabase(db, { key: keyBeside(db) });
  try {
    const rows = counter.prepare('SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq').all() as (Omit<AuditEntryView, 'detail'> & { detail: string })[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as AuditEntryView['detail'] }));
  } finally {
    counter.close();
  }
}

it('the enrolment by loket enroll, and the settings, accounts and list edition the hub sends, are in the counter trail; the hub records who changed what', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  const db = join(dir, 'c1', 'loket.db');
  hub = await startHub({ pgUrl: await postgres.createDatabase('hub_changes_audit'), dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji Privasi' });

  const { code } = (await ok('hub', 'counter', 'add', 'Loket 1', '--hub-dir', hubDir)) as { code: string };
  await ok('enroll', '--code', code, '--db', db);
  // The enrolment, by the command's user, like the app's enrollHub.
  expect(trail(db)).toEqual([
    expect.objectContaining({ actor: ME, action: 'settings', detail: expect.objectContaining({ section: 'hub', method: 'enroll', facility: 'RSUD Uji Privasi', counter: 'Loket 1', prefix: 'K1' }) }),
  ]);

  await ok('hub', 'edition', 'add', writeSampleCsv(dir), '--list', LIST, '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--hub-dir', hubDir);
  process.env.LOKET_ACCOUNT_PASSWORD = 'sandi-siti-di-hub';
  await ok('hub', 'account', 'add', 'siti', '--name', 'Siti', '--role', 'clerk', '--hub-dir', hubDir);
  await ok('sync', '--db', db);
  // An administrator made at the hub, and the deadline changed there.
  process.env.LOKET_ACCOUNT_PASSWORD = 'sandi-siti-baru';
  await ok('hub', 'account', 'passwd', 'siti', '--role', 'admin', '--hub-dir', hubDir);
  const settingsFile = join(dir, 'hubset.json');
  writeFileSync(settingsFile, JSON.stringify({ facilityName: 'RSUD UJI DIUBAH HUB', followUpHours: 24 }));
  await ok('hub', 'settings', '--file', settingsFile, '--hub-dir', hubDir);
  const credentials = join(dir, 'bpjs.env');
  writeFileSync(credentials, 'LOKET_BPJS_SERVICE=vclaim\nLOKET_BPJS_URL=https://bpjs.example/vclaim-rest\nLOKET_BPJS_CONS_ID=12345\nLOKET_BPJS_SECRET=rahasia-sekali\nLOKET_BPJS_USER_KEY=kunci-pengguna\n', { mode: 0o600 });
  await ok('hub', 'bpjs', '--credentials', credentials, '--hub-dir', hubDir);
  await ok('sync', '--db', db);

  const HUB = 'hub:RSUD Uji Privasi';
  const fromHub = trail(db).filter((e) => e.actor === HUB);
  expect(fromHub).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ action: 'import', subject: LIST, detail: expect.objectContaining({ method: 'hubEdition', source: 'hub', kind: 'pbi-apbd', asOf: '2026-11-01', rows: expect.any(Number) }) }),
      expect.objectContaining({ action: 'account-change', subject: 'siti', detail: expect.objectContaining({ method: 'hubAccounts', change: 'added', role: 'clerk' }) }),
      expect.objectContaining({ action: 'settings', detail: expect.objectContaining({ method: 'hubSettings', source: 'hub', changed: expect.arrayContaining(['facilityName', 'followUpHours']) }) }),
      expect.objectContaining({ action: 'settings', detail: expect.objectContaining({ section: 'bpjs', method: 'hubBpjs', source: 'hub' }) }),
    ]),
  );
  expect(fromHub.filter((e) => e.action === 'account-change' && e.detail.role === 'admin')).toEqual([
    expect.objectContaining({ subject: 'siti', detail: expect.objectContaining({ change: 'changed', previousRole: 'clerk', passwordSet: true, rev: expect.any(Number) }) }),
  ]);
  // Never a hash in the trail.
  expect(JSON.stringify(trail(db))).not.toMatch(/scrypt|rahasia|kunci-pengguna/);
  // In words on the audit screen and in the export.
  const words = auditWording('id');
  expect(fromHub.map((e) => detailText(e, words))).toEqual(
    expect.arrayContaining([
      expect.stringContaining('diterima dari hub dan kini berlaku'),
      'akun dari hub ditambahkan · peran Petugas loket',
      expect.stringMatching(/^pengaturan fasilitas diubah di hub: /),
    ]),
  );
  expect(detailText(trail(db)[0]!, words)).toBe(`loket didaftarkan ke hub RSUD Uji Privasi sebagai Loket 1 (prefiks K1, ${hub.urls[0]})`);
  // A sync that changed nothing records nothing; the chain stays whole.
  const count = trail(db).length;
  await ok('sync', '--db', db);
  expect(trail(db).filter((e) => e.actor === HUB)).toHaveLength(fromHub.length);
  expect(trail(db).length).toBeGreaterThanOrEqual(count);
  expect(await ok('audit', 'verify', '--db', db)).toMatchObject({ ok: true });

  // The hub's own record: who, when, what.
  const { entries } = (await ok('hub', 'audit', '--hub-dir', hubDir)) as { entries: HubAdminEntry[] };
  expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
    [ME, 'counter-code', 'Loket 1'],
    ['counter:Loket 1', 'counter-enrolled', 'Loket 1'],
    [ME, 'edition', LIST],
    [ME, 'account', 'siti'],
    [ME, 'account', 'siti'],
    [ME, 'settings', null],
    [ME, 'bpjs', null],
  ]);
  expect(entries[3]!.detail).toMatchObject({ change: 'added', role: 'clerk' });
  expect(entries[4]!.detail).toMatchObject({ change: 'changed', role: 'admin', previousRole: 'clerk', passwordSet: true });
  expect(entries[5]!.detail).toMatchObject({ changed: ['facilityName', 'followUpHours'] });
  expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  expect(JSON.stringify(entries)).not.toMatch(/scrypt|rahasia|kunci-pengguna/);
  // Who, in words as the counter's audit screen and exports say it (actorText), never the stored token.
  const user = ME.slice('cli:'.length);
  const worded = await runCaptured(['hub', 'audit', '--hub-dir', hubDir, '--lang', 'id']);
  const cli = `(baris perintah, pengguna ${user})`;
  expect(worded.lines.map((l) => l.slice(l.indexOf('  ') + 2))).toEqual([
    `${cli}  kode pendaftaran loket dibuat "Loket 1"  prefiks K1, kode berlaku sampai ${localStamp(entries[0]!.detail.expiresAt as string)}`,
    '(loket Loket 1)  loket terdaftar "Loket 1"  prefiks K1',
    `${cli}  edisi daftar diterbitkan "${LIST}"  pbi-apbd per 2026-11-01, 6 peserta: kini berlaku di semua loket`,
    `${cli}  akun "siti"  ditambahkan · peran clerk · revisi 1`,
    `${cli}  akun "siti"  diubah · peran clerk → admin · kata sandi baru · revisi 2`,
    `${cli}  pengaturan fasilitas  diubah: facilityName, followUpHours · pengaturan pertama dari hub · revisi 2`,
    `${cli}  akses BPJS  layanan vclaim · revisi 3`,
  ]);
  expect(worded.lines.join('\n')).not.toContain('cli:');
  // In English (runLoket says --lang en), through the built command as the IT officer runs it.
  const english = await runLoket(['hub', 'audit', '--hub-dir', hubDir]);
  expect(english.code).toBe(0);
  const englishLines = english.stdout.trim().split('\n');
  expect(englishLines[0]).toContain(`  (command line, user ${user})  `);
  expect(englishLines[1]).toContain('  (counter Loket 1)  ');
  expect(english.stdout).not.toMatch(/ cli:| counter:/);
  // Append-only.
  await expect(hub.pg.query('DELETE FROM admin_log')).rejects.toThrow(/append-only/);
});
