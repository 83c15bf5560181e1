import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { snapshotDir } from '../../helpers/keyed-database';
import { startHubProcess, stopHubProcess, type HubProcess } from '../../helpers/hub-process';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

/**
 * `loket restore` at a counter enrolled at a real facility hub (docs/encryption.md, "Restoring"):
 * hubtester F2 (unsent registrations left behind, numbers given twice) and F2b (a backup from
 * before the enrolment silently makes the counter an island again).
 */

const cli = (args: string[]) => loket(args, { LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '' });
const tempDir = useTempDir();
let hubDir: string;
let hub: HubProcess | null = null;

async function startHub(): Promise<HubProcess> {
  hub = await startHubProcess(['--embedded', hubDir, '--port', '0', '--facility', 'RSUD Uji']);
  return hub;
}

async function stopHub(): Promise<void> {
  if (hub) await stopHubProcess(hub.child);
  hub = null;
}

beforeAll(async () => {
  requireBuiltCli();
  // One hub for the file, in a folder of its own (a test's temp folder goes when the test ends).
  const root = mkdtempSync(join(tmpdir(), 'loket-test-hub-'));
  chmodSync(root, 0o755); // as root, the embedded PostgreSQL runs as 'postgres' and must reach the folder
  hubDir = join(root, 'hub');
  await startHub();
}, 120_000);
beforeEach(async () => {
  if (!hub) await startHub(); // a test that stopped it and failed before starting it again
}, 120_000);
afterAll(async () => {
  await stopHub();
  rmSync(join(hubDir, '..'), { recursive: true, force: true });
});

/** A counter enrolled at the hub under NAME; its database made by `loket enroll` unless one is given. */
async function enroll(name: string, db: string): Promise<void> {
  const added = await cli(['hub', 'counter', 'add', name, '--hub-dir', hubDir, '--json']);
  expect(added.code, added.stderr).toBe(0);
  const { code } = JSON.parse(added.stdout) as { code: string };
  const enrolled = await cli(['enroll', '--hub', hub!.urls[0]!, '--code', code, '--db', db]);
  expect(enrolled.code, enrolled.stderr).toBe(0);
}

interface Registered {
  queue: string;
  mrn: string;
}

async function register(db: string, name: string, dob: string): Promise<Registered> {
  const done = await cli(['daftar', '--name', name, '--dob', dob, '--unit', 'UMUM', '--db', db, '--json']);
  expect(done.code, done.stderr).toBe(0);
  const { visit, patient } = JSON.parse(done.stdout) as { visit: { queueNumber: string }; patient: { mrn: string } };
  return { queue: visit.queueNumber, mrn: patient.mrn };
}

/** The recovery key and a backup on "USB", made by the commands. */
async function backUp(db: string, dir: string): Promise<{ backup: string; recoveryKey: string }> {
  const usb = join(dir, 'usb');
  mkdirSync(usb, { recursive: true });
  const recoveryKey = join(usb, 'kunci-pemulihan.txt');
  const backup = join(usb, 'cadangan.db');
  expect((await cli(['key', 'export', '--db', db, '--out', recoveryKey])).code).toBe(0);
  expect((await cli(['backup', '--db', db, '--out', backup])).code).toBe(0);
  return { backup, recoveryKey };
}

/** A database the disk damaged: no key opens it any more. */
function ruin(db: string): void {
  writeFileSync(db, randomBytes(64 * 1024));
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
}

const asideFolders = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('loket.db.sebelum-pemulihan-'));

describe('loket restore at an enrolled counter', () => {
  it('refuses while the replaced database holds registrations the hub has not received; --force keeps them aside and the counter gives none of its numbers again', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await enroll('Loket 1', db);
    await register(db, 'SEBELUM CADANGAN', '1990-01-01');
    const { backup, recoveryKey } = await backUp(db, dir);
    const online = await register(db, 'SETELAH CADANGAN A', '1980-02-02');
    expect((await cli(['sync', '--db', db])).code).toBe(0);
    await stopHub();
    const offline = [await register(db, 'PULIH OFFLINE B', '1960-05-05'), await register(db, 'PULIH OFFLINE C', '1961-05-05')];
    expect(offline.map((r) => r.queue)).toEqual(['K1-U-001', 'K1-U-002']);

    const before = snapshotDir(dir);
    for (const lang of ['id', 'en']) {
      const refused = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db, '--lang', lang]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        lang === 'id'
          ? /masih menyimpan \d+ perubahan yang belum terkirim ke hub fasilitas, di antaranya 2 pendaftaran\. Jalankan dulu "loket sync" .*--force: perubahan yang belum terkirim itu tetap hanya ada di folder/
          : /still holds \d+ changes the facility hub has not received, 2 of them registrations\. Run "loket sync" first .*--force: the unsent changes then stay only in the folder/,
      );
    }
    expect(asideFolders(dir)).toEqual([]);
    expect(snapshotDir(dir)).toEqual(before);

    const forced = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const [aside] = asideFolders(dir);
    expect(forced.stdout).toMatch(new RegExp(`PERHATIAN: \\d+ perubahan yang belum terkirim ke hub fasilitas \\(2 pendaftaran\\) .*hanya ada di basis data lama di ${join(dir, aside!)}`));
    expect(forced.stdout).toContain('Nomor yang sudah diberikan basis data lama');
    expect(forced.stdout).toContain('Loket ini terdaftar di hub fasilitas: jalankan "loket sync"');

    // Still offline: the restored counter goes on after the numbers it gave, not from the backup's.
    const next = await register(db, 'PULIH OFFLINE D', '1962-05-05');
    expect(next.queue).toBe('K1-U-003');
    expect([online, ...offline].map((r) => r.mrn)).not.toContain(next.mrn);
    // The unsent registrations are still in the moved-aside database.
    const kept = await cli(['antrean', '--unit', 'UMUM', '--db', join(dir, aside!, 'loket.db')]);
    expect(kept.stdout).toContain('PULIH OFFLINE C');
  }, 120_000);

  it('when the replaced database cannot be opened, says to sync with the hub before registering', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await enroll('Loket 2', db);
    await register(db, 'SEBELUM CADANGAN DUA', '1991-01-01');
    const { backup, recoveryKey } = await backUp(db, dir);
    ruin(db);
    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db, '--lang', 'en']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('WARNING: the old database could not be opened (or there was none here), so the MRN and queue numbers it gave since this backup are not known here.');
    expect(restored.stdout).toContain('run "loket sync" until it succeeds BEFORE registering patients');
  }, 60_000);

  it('refuses a backup from before the enrolment, naming it; --force restores it and says the counter must be enrolled again', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db])).code).toBe(0);
    await register(db, 'PULAU SATU', '1950-01-01');
    const { backup, recoveryKey } = await backUp(db, dir);
    await enroll('Loket 3', db);
    await cli(['sync', '--db', db]); // the island's history reaches the hub: nothing unsent

    const before = snapshotDir(dir);
    const refused = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cadangan\.db dibuat sebelum loket ini terdaftar di hub fasilitas: .*--force, lalu daftarkan loket ini lagi \(cabut di hub, kode baru, loket enroll\)/);
    expect(snapshotDir(dir)).toEqual(before);

    const forced = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db, '--force', '--lang', 'en']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('WARNING: the restored database is not enrolled at the facility hub (a backup from before the enrolment): this counter works alone again.');
    expect(forced.stdout).toContain('loket hub counter revoke');

    // The disk broke instead: nothing tells what the old database was, so the report says the counter is not enrolled.
    ruin(db);
    const blind = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(blind.code, blind.stderr).toBe(0);
    expect(blind.stdout).toContain('Basis data yang dipulihkan tidak terdaftar di hub fasilitas: loket ini bekerja sendiri.');
  }, 120_000);
});
