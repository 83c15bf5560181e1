import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyFilePathOf, readKeyFile } from '../../../src/core/store/database-key';
import { snapshotDir } from '../../helpers/keyed-database';
import { DEWI, SITI, writeSecondEditionCsv } from '../../helpers/sample-list';
import { repoRoot, useTempDir } from '../../helpers/temp';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { backedUpCounter } from './restore-fixture';

/**
 * `loket restore` (docs/encryption.md, "Backups"): a backup put back as the database after the
 * moments a restore is needed, against real files: a database made and backed up by the real
 * commands, a core process killed with SIGKILL (its -wal left behind), a lists folder that already
 * holds other editions, a re-key since the backup. Finding 1, 3 and 11 of the newcomer report.
 */

/** Without a key from this shell's environment unless the test gives one. */
const cli = (args: string[], env: Record<string, string> = {}) => loket(args, { LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '', ...env });

const tempDir = useTempDir();
const holderScript = join(__dirname, 'restore-holder-child.ts');
const holders = new Set<ChildProcess>();

beforeAll(requireBuiltCli);
afterEach(async () => {
  for (const proc of holders) await kill(proc);
  holders.clear();
});

/** A core process holding the database open (the app's or the harness's); resolves once it has opened it. */
function holdOpen(db: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', holderScript, db], {
    cwd: repoRoot,
    env: { ...process.env, LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  holders.add(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('LOKET_READY')) resolve(proc);
    });
    proc.once('exit', (code) => reject(new Error(`the holder ended (${code}) before opening: ${out}`)));
  });
}

async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

/** A counter's database with a list and one registration, its recovery key and a backup on "USB", made by the commands. */
const counterWithBackup = () => backedUpCounter(tempDir(), cli);

/** Registrations made after the backup, while a core holds the database, which is then killed: its -wal stays. */
async function crashAfterMoreVisits(db: string, count: number): Promise<void> {
  const holder = await holdOpen(db);
  for (let i = 1; i <= count; i++) {
    const done = await cli(['daftar', '--name', `PASIEN SETELAH ${i}`, '--dob', `1980-01-0${i}`, '--unit', 'GIGI', '--db', db]);
    expect(done.code, done.stderr).toBe(0);
  }
  await kill(holder);
  expect(statSync(`${db}-wal`).size).toBeGreaterThan(0); // the crash left its WAL beside the database
}

const asideFolders = (dir: string): string[] => readdirSync(dir).filter((name) => name.startsWith('loket.db.sebelum-pemulihan-'));

describe('loket restore', () => {
  it('after an unclean stop (a -wal left beside the database) restores the backup whole, and keeps the replaced database and its WAL in a dated folder', async () => {
    const { dir, db, backup, recoveryKey } = await counterWithBackup();
    await crashAfterMoreVisits(db, 3);

    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    const [aside] = asideFolders(dir);
    expect(aside).toBeDefined();
    expect(restored.stdout).toContain(`dipindahkan ke ${join(dir, aside!)}; tidak ada yang dihapus`);
    expect(restored.stdout).toMatch(/Isinya: 1 pasien, 1 kunjungan\./);
    expect(restored.stdout).toMatch(/ {2}PBI {2}\[pbi-apbd\] {2}edisi 1 {2}per 2026-11-01 {2}\d+ peserta/);
    expect(restored.stdout).toContain('kunci pemulihan dari --key-file');

    // The restored database opens, whole, with the recovery key installed beside it.
    expect(existsSync(`${db}-wal`)).toBe(false);
    expect(readKeyFile(keyFilePathOf(db))).toEqual(readKeyFile(recoveryKey));
    const queue = await cli(['antrean', '--unit', 'UMUM', '--db', db]);
    expect(queue.code, queue.stderr).toBe(0);
    expect(queue.stdout).toContain('SITI AMINAH');
    expect((await cli(['antrean', '--unit', 'GIGI', '--db', db])).stdout).not.toContain('PASIEN SETELAH');
    const audit = await cli(['audit', 'verify', '--db', db]);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    expect((await cli(['lists', '--db', db])).code).toBe(0);

    // Nothing was lost: the replaced database, with its WAL, key and lists, still holds the later registrations.
    const kept = join(dir, aside!);
    expect(readdirSync(kept).sort()).toEqual(['loket.db', 'loket.db-shm', 'loket.db-wal', 'loket.db.key', 'loket.db.lists']);
    const later = await cli(['antrean', '--unit', 'GIGI', '--db', join(kept, 'loket.db')]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toContain('PASIEN SETELAH 3');
  });

  it('carries the numbers the replaced database gave: the restored counter never gives an RM or a queue number of the day again', async () => {
    const { db, backup, recoveryKey } = await counterWithBackup(); // SITI: U-001, RM 000001
    const given: { queue: string; mrn: string }[] = [];
    for (const [i, unit] of (['UMUM', 'UMUM', 'GIGI'] as const).entries()) {
      const after = await cli(['daftar', '--name', `SETELAH CADANGAN ${i}`, '--dob', `1970-01-0${i + 1}`, '--unit', unit, '--db', db, '--json']);
      expect(after.code, after.stderr).toBe(0);
      const { visit, patient } = JSON.parse(after.stdout) as { visit: { queueNumber: string }; patient: { mrn: string } };
      given.push({ queue: visit.queueNumber, mrn: patient.mrn });
    }
    expect(given.map((g) => g.queue)).toEqual(['U-002', 'U-003', 'G-001']);

    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('Nomor yang sudah diberikan basis data lama (RM, nomor antrean per hari) dibawa');
    expect(restored.stdout).not.toContain('hub fasilitas');

    const umum = JSON.parse((await cli(['daftar', '--name', 'SESUDAH PULIH', '--dob', '1960-01-01', '--unit', 'UMUM', '--db', db, '--json'])).stdout) as { visit: { queueNumber: string }; patient: { mrn: string } };
    const gigi = JSON.parse((await cli(['daftar', '--name', 'SESUDAH PULIH GIGI', '--dob', '1960-01-02', '--unit', 'GIGI', '--db', db, '--json'])).stdout) as { visit: { queueNumber: string }; patient: { mrn: string } };
    expect(umum.visit.queueNumber).toBe('U-004');
    expect(gigi.visit.queueNumber).toBe('G-002');
    expect(given.map((g) => g.mrn)).not.toContain(umum.patient.mrn);
    expect(given.map((g) => g.mrn)).not.toContain(gigi.patient.mrn);
  });

  it('is refused while a core holds the database open, in words that say to close Loket; nothing changes', async () => {
    const { dir, db, backup, recoveryKey } = await counterWithBackup();
    await holdOpen(db);
    const before = snapshotDir(dir);
    for (const lang of ['id', 'en']) {
      const refused = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db, '--lang', lang]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(lang === 'id' ? /sedang dipakai .*Tutup Loket di komputer ini dulu/ : /is in use .*Close Loket on this computer first/);
    }
    expect(asideFolders(dir)).toEqual([]);
    expect(existsSync(`${db}.restoring`)).toBe(false);
    // The holder's own files may have moved on (its WAL); the database's files are all still in place.
    for (const file of ['loket.db', 'loket.db.key', join('loket.db.lists', 'e1.db')]) expect(snapshotDir(dir)[file]).toBe(before[file]);
  });

  it('puts the lists folder back whole over one that holds other editions (never nested): the list reads and finds its members', async () => {
    const { dir, db, backup, recoveryKey } = await counterWithBackup();
    // Two editions imported after the backup: the backed-up edition is no longer in loket.db.lists.
    for (const asOf of ['2026-11-02', '2026-11-03']) {
      expect((await cli(['import', writeSecondEditionCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', asOf, '--db', db])).code).toBe(0);
    }
    expect(readdirSync(`${db}.lists`)).not.toContain('e1.db');

    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(readdirSync(`${db}.lists`)).toEqual(['e1.db']);
    const lists = await cli(['lists', '--db', db]);
    expect(lists.code, lists.stdout + lists.stderr).toBe(0);
    expect(lists.stdout).toMatch(/PBI .*edisi 1 .*per 2026-11-01/);
    const found = await cli(['cek', SITI.nik, '--db', db]);
    expect(found.stdout).toMatch(/AKTIF|ELIGIBLE|aktif/i);
    expect(found.stdout).toContain('SITI AMINAH');
    expect((await cli(['cek', DEWI.nik, '--db', db])).stdout).not.toContain(DEWI.name);
    // The later editions are kept with the replaced database.
    expect(readdirSync(join(dir, asideFolders(dir)[0]!, 'loket.db.lists')).sort()).toEqual(['e2.db', 'e3.db']);
  });

  it('checks the key before touching anything: after a re-key the backup needs its recovery key, and the refusal names --key-file and the recovery key', async () => {
    const { dir, db, backup, recoveryKey } = await counterWithBackup();
    expect((await cli(['key', 'rekey', '--db', db])).code).toBe(0);
    const newRecovery = join(dir, 'usb', 'kunci-baru.txt');
    expect((await cli(['key', 'export', '--db', db, '--out', newRecovery])).code).toBe(0);
    const before = snapshotDir(dir);

    const noKey = await cli(['restore', '--from', backup, '--db', db]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/kunci pemulihan yang disimpan saat cadangan itu dibuat: --key-file BERKAS; basis data yang sekarang tidak diubah/);
    const wrongKey = await cli(['restore', '--from', backup, '--key-file', newRecovery, '--db', db, '--lang', 'en']);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/does not open the backup .*recovery key saved when that backup was made \(--key-file FILE\)/);
    expect(snapshotDir(dir)).toEqual(before);

    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect((await cli(['antrean', '--unit', 'UMUM', '--db', db])).stdout).toContain('SITI AMINAH');
  });

  it('without --key-file uses a key that opens the backup (the database\'s own, when no re-key came since), and leaves the backup as it was', async () => {
    const { db, backup } = await counterWithBackup();
    const backupFiles = snapshotDir(join(backup, '..'));
    const restored = await cli(['restore', '--from', backup, '--db', db, '--json']);
    expect(restored.code, restored.stderr).toBe(0);
    const report = JSON.parse(restored.stdout) as { keySource: string; patients: number; lists: { name: string; edition: number }[] };
    expect(report).toMatchObject({ keySource: 'beside-database', patients: 1, lists: [{ name: 'PBI', edition: 1 }] });
    expect(snapshotDir(join(backup, '..'))).toEqual(backupFiles);
  });

  it('onto a PC with no database yet (a lost Windows profile): the backup and its recovery key become the database, nothing to move aside', async () => {
    const { backup, recoveryKey } = await counterWithBackup();
    const fresh = join(tempDir(), 'Loket');
    const db = join(fresh, 'loket.db');
    const restored = await cli(['restore', '--from', backup, '--key-file', recoveryKey, '--db', db, '--lang', 'en']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('There was no database there yet; nothing was moved.');
    // Nothing says what the lost database was: the report says the restored one is not enrolled at a hub.
    expect(restored.stdout).toContain('The restored database is not enrolled at a facility hub: this counter works alone.');
    expect(restored.stdout).toMatch(/It holds 1 patients, 1 visits\./);
    expect(asideFolders(fresh)).toEqual([]);
    expect((await cli(['antrean', '--unit', 'UMUM', '--db', db])).stdout).toContain('SITI AMINAH');
  });

  it('refuses a backup without its lists folder, and the database itself as the backup, changing nothing', async () => {
    const { dir, db, backup, recoveryKey } = await counterWithBackup();
    const lonely = join(tempDir(), 'cadangan.db');
    copyFileSync(backup, lonely);
    const before = snapshotDir(dir);
    const noLists = await cli(['restore', '--from', lonely, '--key-file', recoveryKey, '--db', db]);
    expect(noLists.code).toBe(1);
    expect(noLists.stderr).toMatch(/e1\.db tidak ada di .*cadangan\.db\.lists/);
    const itself = await cli(['restore', '--from', db, '--db', db]);
    expect(itself.code).toBe(1);
    expect(itself.stderr).toMatch(/basis data yang akan diganti itu sendiri/);
    expect(snapshotDir(dir)).toEqual(before);
  });
});

describe('a database that does not open names what to check, not an unset $LOKET_DB_KEY', () => {
  it('the documented copy over a stale -wal (what loket restore prevents): the message says the key file, --key-file and loket restore', async () => {
    const { db, backup, recoveryKey } = await counterWithBackup();
    await crashAfterMoreVisits(db, 3);
    // The old recipe: the backup copied over loket.db, the stale -wal/-shm left beside it.
    copyFileSync(backup, db);
    rmSync(`${db}.lists`, { recursive: true });
    cpSync(`${backup}.lists`, `${db}.lists`, { recursive: true });
    copyFileSync(recoveryKey, keyFilePathOf(db));
    const broken = await cli(['lists', '--db', db]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).not.toContain('LOKET_DB_KEY');
    expect(broken.stderr).toMatch(/Periksa berkas kunci di sampingnya .*loket\.db\.key\) atau berikan --key-file BERKAS .*loket restore/);
  });

  it('a backup opened without a key says --key-file and the recovery key (finding 11)', async () => {
    const { backup } = await counterWithBackup();
    const copy = join(tempDir(), 'b1.db');
    copyFileSync(backup, copy);
    const refused = await cli(['lists', '--db', copy]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/terenkripsi, tetapi tidak ada kunci yang diberikan\. Berikan --key-file BERKAS \(kunci pemulihan yang disimpan saat cadangan dibuat\)/);
    expect(refused.stderr).not.toContain('LOKET_DB_KEY');
  });
});
