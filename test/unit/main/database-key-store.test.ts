import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyFilePathOf, nextKeyPathOf } from '../../../src/core/store/database-key';

/** safeStorage faked as in secret-box.test.ts: "encryption" reverses the bytes. */
const fake = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', failDecrypt: false }));
vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: async () => fake.available,
    getSelectedStorageBackend: () => fake.backend,
    encryptStringAsync: async (plain: string) => Buffer.from(plain, 'utf8').reverse(),
    decryptStringAsync: async (sealed: Buffer) => {
      if (fake.failDecrypt) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: Buffer.from(sealed).reverse().toString('utf8'), shouldReEncrypt: false };
    },
  },
}));
const { createSecretBox } = await import('../../../src/main/secret-box');
const { resolveAppDatabaseKey, sealRestoredKeyFile } = await import('../../../src/main/database-key-store');

let dir = '';
let dbPath = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loket-dbkey-'));
  dbPath = join(dir, 'loket.db');
  Object.assign(fake, { available: true, backend: 'gnome_libsecret', failDecrypt: false });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const box = () => createSecretBox(join(dir, 'loket-secret.key'));
const SQLITE_PLAIN = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]);
const ENCRYPTED = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256));

describe('the app keeps the database key sealed by the OS store', () => {
  it('first start: a random key, written sealed (os1:) to <db>.key with mode 0600; the key itself is not in the file', async () => {
    const resolved = await resolveAppDatabaseKey(dbPath, await box(), {});
    expect(resolved.key).toMatch(/^raw:[0-9a-f]{64}$/);
    expect(resolved).toMatchObject({ keyFile: { path: keyFilePathOf(dbPath), sealed: true }, convertPlain: false });
    const text = readFileSync(keyFilePathOf(dbPath), 'utf8');
    expect(text).toMatch(/^os1:/m);
    expect(text).not.toContain(resolved.key);
    if (process.platform !== 'win32') expect(statSync(keyFilePathOf(dbPath)).mode & 0o777).toBe(0o600);
    writeFileSync(dbPath, ENCRYPTED);
    // The next start unseals the same key.
    expect(await resolveAppDatabaseKey(dbPath, await box(), {})).toMatchObject({ key: resolved.key, keyFile: { sealed: true } });
  });

  it('no real store (Linux basic_text): the key in plain form, and the core is told it is not sealed (its status warns)', async () => {
    fake.backend = 'basic_text';
    const resolved = await resolveAppDatabaseKey(dbPath, await box(), {});
    expect(resolved.keyFile).toEqual({ path: keyFilePathOf(dbPath), sealed: false });
    expect(readFileSync(keyFilePathOf(dbPath), 'utf8')).toContain(resolved.key);
  });

  it('a plain database without a key file: a key is made and the core converts it', async () => {
    writeFileSync(dbPath, SQLITE_PLAIN);
    expect(await resolveAppDatabaseKey(dbPath, await box(), {})).toMatchObject({ convertPlain: true, keyFile: { sealed: true } });
  });

  it('LOKET_DB_KEY wins: no key file is made', async () => {
    expect(await resolveAppDatabaseKey(dbPath, await box(), { LOKET_DB_KEY: 'kunci-ti' })).toEqual({ key: 'kunci-ti', convertPlain: false });
    expect(existsSync(keyFilePathOf(dbPath))).toBe(false);
  });

  it('an interrupted re-key: the sealed .next key is unsealed too, for the core to finish', async () => {
    const b = await box();
    writeFileSync(dbPath, ENCRYPTED);
    writeFileSync(keyFilePathOf(dbPath), `${await b.seal('a'.repeat(64))}\n`);
    writeFileSync(nextKeyPathOf(keyFilePathOf(dbPath)), `${await b.seal('b'.repeat(64))}\n`);
    expect(await resolveAppDatabaseKey(dbPath, b, {})).toMatchObject({ key: 'a'.repeat(64), nextKey: 'b'.repeat(64) });
  });

  it('refuses without touching anything: an encrypted database with no key file, a key file with no database, a key sealed elsewhere', async () => {
    writeFileSync(dbPath, ENCRYPTED);
    await expect(resolveAppDatabaseKey(dbPath, await box(), {})).rejects.toMatchObject({ problem: 'key-missing' });
    expect(existsSync(keyFilePathOf(dbPath))).toBe(false);

    writeFileSync(keyFilePathOf(dbPath), 'os1:AAAA\n');
    fake.failDecrypt = true;
    await expect(resolveAppDatabaseKey(dbPath, await box(), {})).rejects.toMatchObject({ problem: 'key-sealed' });
    fake.failDecrypt = false;
    fake.available = false; // the store is gone (another Windows account): the sealed key cannot be read
    await expect(resolveAppDatabaseKey(dbPath, await box(), {})).rejects.toMatchObject({ problem: 'key-sealed' });

    rmSync(dbPath);
    await expect(resolveAppDatabaseKey(dbPath, await box(), {})).rejects.toMatchObject({ problem: 'database-missing' });
    expect(existsSync(dbPath)).toBe(false);
  });

  it('after a restore the plain key file (the recovery key) is sealed where the OS store is real, and opens the same key; elsewhere it stays', async () => {
    writeFileSync(dbPath, ENCRYPTED);
    const key = `raw:${'c'.repeat(64)}`;
    writeFileSync(keyFilePathOf(dbPath), `# installed by loket restore\n${key}\n`);
    expect(await sealRestoredKeyFile(dbPath, await box(), { LOKET_DB_KEY: 'given' })).toBe(false);
    expect(readFileSync(keyFilePathOf(dbPath), 'utf8')).toContain(key);
    fake.available = false;
    expect(await sealRestoredKeyFile(dbPath, await box(), {})).toBe(false);
    expect(readFileSync(keyFilePathOf(dbPath), 'utf8')).toContain(key);
    fake.available = true;
    expect(await sealRestoredKeyFile(dbPath, await box(), {})).toBe(true);
    expect(readFileSync(keyFilePathOf(dbPath), 'utf8')).not.toContain(key);
    expect(await resolveAppDatabaseKey(dbPath, await box(), {})).toMatchObject({ key, keyFile: { sealed: true } });
    expect(await sealRestoredKeyFile(dbPath, await box(), {})).toBe(false); // already sealed
  });
});
