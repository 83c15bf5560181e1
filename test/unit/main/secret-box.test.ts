import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretUnreadableError, keyFileSecretBox } from '../../../src/core/secrets/secret-box';

/** safeStorage faked: "encryption" reverses the bytes, so a sealed value never equals the secret. */
const fake = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  failDecrypt: false,
}));
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

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loket-secret-'));
  Object.assign(fake, { available: true, backend: 'gnome_libsecret', failDecrypt: false });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop app seals secrets with the operating system', () => {
  it('seals and opens through safeStorage; the sealed value is not the secret; no key file is made', async () => {
    const box = await createSecretBox(join(dir, 'loket-secret.key'));
    expect(box.kind).toBe('os');
    const sealed = await box.seal('rahasia-konsumen');
    expect(sealed).toMatch(/^os1:/);
    expect(sealed).not.toContain('rahasia');
    expect(await box.open(sealed)).toBe('rahasia-konsumen');
    expect(existsSync(join(dir, 'loket-secret.key'))).toBe(false);
  });

  it('a value sealed by another Windows user cannot be opened: it says to enter it again', async () => {
    const box = await createSecretBox(join(dir, 'loket-secret.key'));
    const sealed = await box.seal('x');
    fake.failDecrypt = true;
    await expect(box.open(sealed)).rejects.toBeInstanceOf(SecretUnreadableError);
  });

  it('without a real system store (none, or Linux "basic_text") it uses the key file, and still opens key-file values later', async () => {
    fake.available = false;
    const keyFile = join(dir, 'loket-secret.key');
    const fallback = await createSecretBox(keyFile);
    expect(fallback.kind).toBe('key-file');
    const sealed = await fallback.seal('kunci');
    fake.available = true;
    fake.backend = 'basic_text';
    expect((await createSecretBox(keyFile)).kind).toBe('key-file');
    fake.backend = 'gnome_libsecret';
    const os = await createSecretBox(keyFile);
    expect(os.kind).toBe('os');
    expect(await os.open(sealed)).toBe('kunci');
  });
});

describe('the key-file box (command line, harness)', () => {
  it('makes a 0600 key file on first use, seals with AES-GCM, and refuses another key', async () => {
    const path = join(dir, 'sub', 'loket-secret.key');
    const box = keyFileSecretBox(path, {});
    const a = await box.seal('rahasia');
    const b = await box.seal('rahasia');
    expect(a).not.toBe(b); // a fresh IV each time
    expect(a).not.toContain('rahasia');
    expect(await box.open(a)).toBe('rahasia');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const other = keyFileSecretBox(join(dir, 'other.key'), {});
    await expect(other.open(a)).rejects.toBeInstanceOf(SecretUnreadableError);
    await expect(box.open('os1:AAAA')).rejects.toBeInstanceOf(SecretUnreadableError);
    await expect(box.open(a.slice(0, -4) + 'AAAA')).rejects.toBeInstanceOf(SecretUnreadableError); // tampered
  });

  it('LOKET_SECRET_KEY (64 hex digits) replaces the file; anything else is refused clearly', async () => {
    const key = 'ab'.repeat(32);
    const one = keyFileSecretBox(join(dir, 'unused.key'), { LOKET_SECRET_KEY: key });
    const two = keyFileSecretBox(join(dir, 'unused-too.key'), { LOKET_SECRET_KEY: key });
    expect(await two.open(await one.seal('s'))).toBe('s');
    expect(existsSync(join(dir, 'unused.key'))).toBe(false);
    await expect(keyFileSecretBox(join(dir, 'x.key'), { LOKET_SECRET_KEY: 'short' }).seal('s')).rejects.toThrow(/64 hexadecimal/);
  });
});
