import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { latestToday } from '../../../src/cli/checks';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { builtFile, repoRoot, useTempDir } from '../../helpers/temp';

const run = promisify(execFile);
const tempDir = useTempDir();
const loket = join(repoRoot, 'bin', 'loket.js');

/** Runs the built `loket` command as a user would; never throws on a non-zero exit. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [loket, ...args], { env: { ...process.env, LOKET_LANG: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
/** No Node internals in what a person reads. */
const NODE_NOISE = /ENOENT|EISDIR|EACCES|SqliteError|SQLITE_|at .*\.js:\d+|TypeError|ERR_PARSE_ARGS|node:internal/;

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});

describe('loket help', () => {
  it('help, help COMMAND and COMMAND --help print that usage and exit 0, in the language asked', async () => {
    const all = await cli(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^Pemakaian:/);
    for (const c of ['import', 'lists', 'cek', 'help']) expect(all.stdout).toContain(`loket ${c}`);

    const cek = await cli(['help', 'cek', '--lang', 'en']);
    expect(cek.code).toBe(0);
    expect(cek.stdout).toMatch(/^Usage:\n {2}loket cek QUERY/);
    expect(cek.stdout).not.toContain('loket import');
    expect((await cli(['cek', '--help', '--lang', 'en'])).stdout).toBe(cek.stdout);
    expect((await cli(['import', '-h'])).stdout).toMatch(/^Pemakaian:\n {2}loket import BERKAS --list NAMA --kind pbi-apbn\|pbi-apbd\|jamkesda\|bpjs\|other/);
    expect((await cli(['--help'])).stdout).toBe(all.stdout);

    const unknown = await cli(['help', 'frobnicate', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no help for "frobnicate"; the commands are: import, lists, rollback, cek, daftar, antrean, gabung, sync, account, hub, enroll, audit, key, backup, restore, help/);
    const nothing = await cli([]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^Pemakaian:/);
  });

  it('an unknown --lang is refused naming id and en; an unknown command or option is a usage mistake in words', async () => {
    const fr = await cli(['lists', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toMatch(/--lang "fr" tidak dikenal; pilih salah satu: id, en\n\nPemakaian:\n {2}loket lists/);
    // Only that command's usage (hub tester 11: every command's, ~120 lines), whichever side --lang stands.
    const before = await cli(['--lang', 'xx', 'lists']);
    expect(before.stderr).toBe(fr.stderr.replace('"fr"', '"xx"'));
    expect(fr.stderr).not.toContain('loket import');
    expect((await cli(['lists'], { LOKET_LANG: 'de' })).stderr).toMatch(/--lang "de" tidak dikenal/);
    const cmd = await cli(['frobnicate', '--lang', 'en']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command "frobnicate"; the commands are: import, lists, rollback, cek, daftar, antrean, gabung, sync, account, hub, enroll, audit, key, backup, restore, help/);
    const opt = await cli(['lists', '--bogus', '--lang', 'en']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/^unknown option --bogus\n\nUsage:\n {2}loket lists/);
    const noValue = await cli(['cek', '--db']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toMatch(/opsi --db perlu nilai/);
    for (const r of [fr, cmd, opt, noValue]) expect(r.stderr).not.toMatch(NODE_NOISE);
  });
});

describe('loket import arguments', () => {
  it('names a wrong --kind with the allowed kinds; refuses an impossible or future --as-of; accepts today', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const file = writeSampleCsv(dir);
    const base = ['import', file, '--list', 'PBI', '--db', db];
    const kind = await cli([...base, '--kind', 'pbi', '--as-of', '2026-11-01', '--lang', 'en']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/--kind "pbi" is not a known kind of list; use one of: pbi-apbn, pbi-apbd, jamkesda, bpjs, other/);
    const month13 = await cli([...base, '--kind', 'pbi-apbd', '--as-of', '2026-13-01']);
    expect(month13.code).toBe(2);
    expect(month13.stderr).toMatch(/--as-of "2026-13-01" bukan tanggal yang benar/);
    expect((await cli([...base, '--kind', 'pbi-apbd', '--as-of', '2026-02-30'])).code).toBe(2);
    // Nothing was made by the refused calls.
    expect(existsSync(db)).toBe(false);
    // A future as-of date is no usage mistake (it may be the PC's clock): refused in words, exit 1.
    const future = await cli([...base, '--kind', 'pbi-apbd', '--as-of', '2099-01-01', '--lang', 'en']);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/The as-of date 2099-01-01 is after today's date on this computer \(\d{4}-\d{2}-\d{2}\).*check this computer's date/);
    expect(future.stderr).not.toContain('--kind pbi-apbn|');

    const today = await cli([...base, '--kind', 'pbi-apbd', '--as-of', latestToday(), '--json']);
    expect(today.code).toBe(0);
    const lists = JSON.parse((await cli(['lists', '--db', db, '--json'])).stdout);
    expect(lists[0]).toMatchObject({ asOf: latestToday(), stale: false });
    expect(lists[0].ageDays).toBeLessThanOrEqual(0);
    expect(lists[0].ageDays).toBeGreaterThanOrEqual(-1);
  });

  it('a missing file, a folder given as the file: failures in words, exit 1', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const missing = await cli(['import', join(dir, 'tidak-ada.csv'), '--list', 'X', '--kind', 'other', '--as-of', '2026-11-01', '--db', db, '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'file/not-found', message: expect.stringMatching(/^Berkas daftar tidak ditemukan: .*tidak-ada\.csv/) } });
    const folder = await cli(['import', dir, '--list', 'X', '--kind', 'other', '--as-of', '2026-11-01', '--db', db, '--lang', 'en']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/List file .* is a folder, not a file/);
    for (const r of [missing, folder]) expect(r.stderr).not.toMatch(NODE_NOISE);
  });
});

describe('loket cek arguments and files', () => {
  it('goes through the contract like the app: a query the contract refuses is refused in words, in --lang', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    // The contract allows queries of at most 200 characters; the core function alone would not check.
    const long = await cli(['cek', 'SITI '.repeat(50), '--db', db, '--lang', 'en', '--json']);
    expect(long.code).toBe(1);
    expect(JSON.parse(long.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(long.stderr).toMatch(/200/);
    expect(long.stderr).not.toMatch(NODE_NOISE);
  });

  it('--dob must be a real date, not in the future', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    const bad = await cli(['cek', 'Siti Aminah', '--dob', '1985-02-30', '--db', db, '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--dob "1985-02-30" is not a real date/);
    expect((await cli(['cek', 'Siti Aminah', '--dob', '2099-01-01', '--db', db])).code).toBe(2);
    const ok = await cli(['cek', 'Siti Aminah', '--dob', SITI.dob, '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/lahir 1985-03-12/);
  });

  it('a missing, folder or unreadable batch file; a missing database, a folder, a file that is not a database', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    const results = [];

    const noBatch = await cli(['cek', '--batch', join(dir, 'pasien.txt'), '--db', db, '--lang', 'en']);
    expect(noBatch.stderr).toMatch(/Query file not found: .*pasien\.txt/);
    const dirBatch = await cli(['cek', '--batch', dir, '--db', db]);
    expect(dirBatch.stderr).toMatch(/Berkas kueri .* adalah folder, bukan berkas/);
    results.push(noBatch, dirBatch);
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = join(dir, 'rahasia.txt');
      writeFileSync(locked, `${SITI.nik}\n`);
      chmodSync(locked, 0o000);
      const unreadable = await cli(['cek', '--batch', locked, '--db', db, '--lang', 'en']);
      expect(unreadable.stderr).toMatch(/Query file .*rahasia\.txt cannot be read \(EACCES\)/);
      results.push(unreadable);
    }

    const noDb = await cli(['lists', '--db', join(dir, 'salah.db')]);
    expect(noDb.stderr).toMatch(/Basis data tidak ditemukan: .*salah\.db/);
    expect(existsSync(join(dir, 'salah.db'))).toBe(false);
    const sub = join(dir, 'folder.db');
    mkdirSync(sub);
    const dirDb = await cli(['cek', SITI.nik, '--db', sub, '--lang', 'en']);
    expect(dirDb.stderr).toMatch(/Database .*folder\.db is a folder, not a file/);
    const text = join(dir, 'catatan.db');
    writeFileSync(text, 'bukan basis data, hanya catatan '.repeat(200));
    const notDb = await cli(['lists', '--db', text, '--json']);
    expect(JSON.parse(notDb.stdout)).toMatchObject({ ok: false, error: { code: 'database/not-a-database', message: expect.stringMatching(/bukan basis data Loket/) } });
    // An encrypted database: a wrong key, or none, is said to be the key.
    const encrypted = join(dir, 'rahasia.db');
    const made = await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', encrypted], { LOKET_DB_KEY: 'kunci-benar' });
    expect(made.code).toBe(0);
    const wrongKey = await cli(['lists', '--db', encrypted], { LOKET_DB_KEY: 'kunci-salah' });
    expect(wrongKey.stderr).toMatch(/kunci yang diberikan salah/);
    const noKey = await cli(['lists', '--db', encrypted, '--lang', 'en']);
    expect(noKey.stderr).toMatch(/is encrypted, but no key was given/);
    results.push(noDb, dirDb, notDb, wrongKey, noKey);
    for (const r of results) {
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(NODE_NOISE);
    }
  });
});
