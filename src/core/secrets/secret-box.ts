// Where BPJS secrets rest. The desktop app seals them with the operating system's own store
// (Electron safeStorage: DPAPI on Windows); everywhere else (the command line, the browser
// harness, tests) with AES-256-GCM under a key kept in a file only this user can read.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretBox {
  /** 'os': the operating system's store; 'key-file': a local key file. Shown in the settings screen. */
  readonly kind: 'os' | 'key-file';
  seal(plain: string): Promise<string>;
  /** Rejects with SecretUnreadableError when the value was sealed elsewhere (another machine, another user): re-enter the secret. */
  open(sealed: string): Promise<string>;
}

export class SecretUnreadableError extends Error {
  constructor(detail: string) {
    super(`a saved secret cannot be read here (${detail}); enter it again in the settings`);
    this.name = 'SecretUnreadableError';
  }
}

const PREFIX = 'k1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A box keyed by `LOKET_SECRET_KEY` (64 hex digits) when given, else by the key file at `path`,
 * made on first use with 32 random bytes and mode 0600.
 */
export function keyFileSecretBox(path: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
  let key: Buffer | null = null;
  const getKey = (): Buffer => {
    key ??= loadKey(path, env);
    return key;
  };
  return {
    kind: 'key-file',
    async seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new SecretUnreadableError('sealed by another store');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadableError('damaged');
      const key = getKey(); // a damaged key file is its own error, not "sealed elsewhere"
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadableError('another key');
      }
    },
  };
}

function loadKey(path: string, env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env['LOKET_SECRET_KEY']?.trim();
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) throw new Error('LOKET_SECRET_KEY must be 64 hexadecimal digits (32 bytes)');
    return Buffer.from(fromEnv, 'hex');
  }
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error(`the key file ${path} is damaged: it must hold 64 hexadecimal digits`);
    return Buffer.from(text, 'hex');
  }
  const fresh = randomBytes(KEY_BYTES);
  mkdirSync(dirname(path), { recursive: true });
  // wx: two processes starting at once must not overwrite each other's key.
  try {
    writeFileSync(path, fresh.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(path, env);
    throw error;
  }
  try {
    chmodSync(path, 0o600);
  } catch {
    // Windows ignores POSIX modes; the file sits in the user's own profile folder there.
  }
  return fresh;
}
