import { copyFileSync, cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFileState, keyFilePathOf } from '../../../src/core/store/database-key';
import { keyBeside, rawBytesHold } from '../../helpers/keyed-database';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { loket, requireBuiltCli } from '../../helpers/loket-command';

/** Without a key from this shell's environment unless the test gives one. */
const cli = (args: string[], env: Record<string, string> = {}) => loket(args, { LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '', ...env });

const tempDir = useTempDir();

beforeAll(requireBuiltCli);

describe('loket and the database key', () => {
  it('a new database is encrypted with a key beside it (one line says so); key export, backup and a copy opened elsewhere with --key-file', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const made = await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/Kunci basis data baru dibuat di .*loket\.db\.key\. Kunci di samping data hanya melindungi dari penyalinan basis data saja/);
    expect(databaseFileState(db)).toBe('encrypted');
    if (process.platform !== 'win32') expect(statSync(keyFilePathOf(db)).mode & 0o777).toBe(0o600);

    const away = tempDir();
    const keyOut = join(away, 'kunci.txt');
    const exported = await cli(['key', 'export', '--db', db, '--out', keyOut, '--lang', 'en']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/recovery key was written to/);
    expect(readFileSync(keyOut, 'utf8')).toContain(keyBeside(db));

    const backup = join(away, 'cadangan.db');
    const backedUp = await cli(['backup', '--db', db, '--out', backup, '--json']);
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(JSON.parse(backedUp.stdout)).toMatchObject({ name: 'cadangan.db', editions: 1 });
    expect(rawBytesHold(backup, SITI.nik)).toBe(false);

    // Another PC: the backup alone does not open; with the recovery key it does.
    expect((await cli(['cek', SITI.nik, '--db', backup, '--lang', 'en'])).stderr).toMatch(/is encrypted, but no key was given/);
    const found = await cli(['cek', SITI.nik, '--db', backup, '--key-file', keyOut, '--json']);
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).verdict).not.toBe('unknown');
    expect(existsSync(keyFilePathOf(backup))).toBe(false); // --key-file: no key file is made beside the copy
  });

  it('key rekey writes a new key to the key file; the old key no longer opens the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db])).code).toBe(0);
    const oldKey = keyBeside(db);
    const copy = join(tempDir(), 'lama.db');
    const rekeyed = await cli(['key', 'rekey', '--db', db]);
    expect(rekeyed.code, rekeyed.stderr).toBe(0);
    expect(keyBeside(db)).not.toBe(oldKey);
    expect(JSON.parse((await cli(['cek', SITI.nik, '--db', db, '--json'])).stdout).verdict).not.toBe('unknown');
    copyFileSync(db, copy);
    cpSync(`${db}.lists`, `${copy}.lists`, { recursive: true });
    expect((await cli(['lists', '--db', copy], { LOKET_DB_KEY: oldKey })).stderr).toMatch(/kunci yang diberikan salah/);
  });

  it('usage: key needs rekey or export; export and backup need --out', async () => {
    const db = join(tempDir(), 'loket.db');
    expect((await cli(['key', '--db', db])).code).toBe(2);
    expect((await cli(['key', 'export', '--db', db, '--lang', 'en'])).stderr).toMatch(/key export needs --out FILE/);
    expect((await cli(['backup', '--db', db])).code).toBe(2);
  });
});
