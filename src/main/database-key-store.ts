/**
 * The desktop app's side of the database key (the format is store/database-key.ts): resolved
 * here, before the core process starts, because only the main process can reach the OS key
 * store (safeStorage); the core gets the plain key in its start config and never sees the store.
 *
 *   - LOKET_DB_KEY set: that key, as before (an IT officer's explicit choice; no key file);
 *   - `<db>.key` present: unsealed (os1:) or read as it is; `<db>.key.next` too when a re-key
 *     was interrupted, so the core can finish it;
 *   - no key file: a new random key, sealed by the OS store when it is real (the same test as
 *     the BPJS secrets' box), written in plain form otherwise (the core's status says so). A
 *     plain database found without a key file is encrypted by the core at start (convertPlain).
 * Reads the database's first bytes only: the main process loads no SQLite.
 */
import type { SecretBox } from '../core/secrets/secret-box';
import { DatabaseKeyError } from '../core/store/database-key-error';
import { keyFilePathOf, newDatabaseKey, nextKeyPathOf, planDatabaseKey, readKeyFile, writeKeyFileAtomic, type KeyFileContent } from '../core/store/database-key';
import { existsSync } from 'node:fs';

export interface AppDatabaseKey {
  key: string;
  /** The new key of an interrupted re-key, to be finished by the core. */
  nextKey?: string;
  /** Where the key lives and whether the OS store seals it; absent when LOKET_DB_KEY gave it. */
  keyFile?: { path: string; sealed: boolean };
  convertPlain: boolean;
}

const KEY_FILE_COMMENT = 'Loket database key. Do not copy it beside a copy of the database.';

export async function resolveAppDatabaseKey(dbPath: string, box: SecretBox, env: NodeJS.ProcessEnv = process.env): Promise<AppDatabaseKey> {
  const given = env['LOKET_DB_KEY'];
  if (given) return { key: given, convertPlain: false };
  const path = keyFilePathOf(dbPath);
  const plan = planDatabaseKey(dbPath, existsSync(path));
  if (plan.kind === 'none') throw new DatabaseKeyError('not-a-database', dbPath);
  if (plan.kind === 'make') {
    const key = newDatabaseKey();
    const sealed = box.kind === 'os';
    writeKeyFileAtomic(path, sealed ? await box.seal(key) : key, KEY_FILE_COMMENT);
    return { key, keyFile: { path, sealed }, convertPlain: plan.convertPlain };
  }
  const content = readKeyFile(path)!;
  const key = await unseal(content, path, box);
  const next = readKeyFile(nextKeyPathOf(path));
  return {
    key,
    ...(next ? { nextKey: await unseal(next, nextKeyPathOf(path), box) } : {}),
    keyFile: { path, sealed: content.form === 'sealed' },
    convertPlain: plan.convertPlain,
  };
}

async function unseal(content: KeyFileContent, path: string, box: SecretBox): Promise<string> {
  if (content.form === 'plain') return content.key;
  // Sealed on another PC or Windows account, or the store is gone: the recovery key is the way back.
  if (box.kind !== 'os') throw new DatabaseKeyError('key-sealed', path);
  try {
    return await box.open(content.sealed);
  } catch {
    throw new DatabaseKeyError('key-sealed', path);
  }
}

/**
 * After a restore from the app (core-host.ts) the key file holds the recovery key in plain form
 * (store/database-restore.ts writes it so): sealed by the OS store here, where there is one, so
 * the restored counter is protected as before. Answers whether it sealed it. The recovery key on
 * the USB drive still opens the database and its backups (the key itself is unchanged).
 */
export async function sealRestoredKeyFile(dbPath: string, box: SecretBox, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (box.kind !== 'os' || env['LOKET_DB_KEY']) return false;
  const path = keyFilePathOf(dbPath);
  const content = readKeyFile(path);
  if (content?.form !== 'plain') return false;
  writeKeyFileAtomic(path, await box.seal(content.key), KEY_FILE_COMMENT);
  return true;
}
