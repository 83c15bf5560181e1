import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseKeyError } from './database-key-error';
import { databaseFileState } from './file-head';
import { fsyncDir } from './private-files';
import { newRawKey } from './sqlcipher';

/**
 * The database key and the file that keeps it.
 *
 * Every Loket database is encrypted (SQLCipher-compatible, store/edition-store.ts applyKey) with
 * a random 256-bit key, written as `raw:` and 64 hex digits and given to SQLCipher as a raw key
 * (store/sqlcipher.ts; keys made before 2026-11-30 are 64 hex digits used as a passphrase and
 * still open as they always did). The key
 * lives in `<db>.key` beside the database, mode 0600, in one of two forms:
 *   `os1:<base64>`  sealed by the operating system's key store (the desktop app: Electron
 *                   safeStorage, DPAPI on Windows): useless on another PC or Windows account;
 *   the key itself  where no real key store exists (the CLI, the harness, Linux without a
 *                   keyring): it protects only against someone copying the database alone.
 * Lines starting with '#' are comments, so a recovery key file (exported for the administrator
 * to keep elsewhere) is itself a valid `--key-file`.
 *
 * A re-key writes the new key to `<db>.key.next` first and renames it over `<db>.key` once every
 * file is re-keyed (store/database-rekey.ts).
 */
export const keyFilePathOf = (dbPath: string): string => `${dbPath}.key`;
export const nextKeyPathOf = (keyFile: string): string => `${keyFile}.next`;

export const SEALED_PREFIX = 'os1:';

export type KeyFileContent = { form: 'plain'; key: string } | { form: 'sealed'; sealed: string };

/** A fresh random key: 32 bytes in the raw form (store/sqlcipher.ts), so no file open pays a key derivation. */
export const newDatabaseKey = (): string => newRawKey();

export function parseKeyFile(text: string): KeyFileContent | null {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#'));
  if (!line) return null;
  return line.startsWith(SEALED_PREFIX) ? { form: 'sealed', sealed: line } : { form: 'plain', key: line };
}

/** Reads a key file; a missing one is null, an empty or unreadable one is a DatabaseKeyError. */
export function readKeyFile(path: string): KeyFileContent | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new DatabaseKeyError('key-file-damaged', path);
  }
  const content = parseKeyFile(text);
  if (!content) throw new DatabaseKeyError('key-file-damaged', path);
  return content;
}

/**
 * Writes a key file so that it is either the old one or the whole new one, never half: a
 * temporary file (0600, fsynced) renamed into place, then the folder fsynced.
 */
export function writeKeyFileAtomic(path: string, line: string, comment?: string): void {
  const temp = `${path}.writing`;
  // A new database's folder may not exist yet (LOKET_DB pointing somewhere new): made private, as openDatabase would.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  rmSync(temp, { force: true });
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${comment ? comment.replace(/^/gm, '# ') + '\n' : ''}${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDir(dirname(path));
}


export { databaseFileState, type DatabaseFileState } from './file-head';

/**
 * What to do with the key of a database before opening it, once the key file (if any) is read.
 * Pure, shared by the app's main process and by the CLI and harness:
 *   - a key file with no database beside it: the database is missing (never a new empty one);
 *   - no key anywhere and an encrypted database: its key is missing;
 *   - no key anywhere and a plain or missing database: make a key (and convert a plain one).
 */
export type KeyPlan = { kind: 'use'; convertPlain: boolean } | { kind: 'make'; convertPlain: boolean } | { kind: 'none' };

export function planDatabaseKey(dbPath: string, keyFileExists: boolean): KeyPlan {
  const state = databaseFileState(dbPath);
  if (keyFileExists) {
    if (state === 'missing') throw new DatabaseKeyError('database-missing', dbPath);
    // A plain database beside our own key file: a conversion that did not finish (or never began).
    return { kind: 'use', convertPlain: state === 'plain' };
  }
  if (state === 'encrypted') throw new DatabaseKeyError('key-missing', dbPath);
  // Not a database at all: no key is made for it; opening it says so.
  if (state === 'foreign') return { kind: 'none' };
  return { kind: 'make', convertPlain: state === 'plain' };
}
