import { existsSync } from 'node:fs';
import { databaseFileState, keyFilePathOf, newDatabaseKey, nextKeyPathOf, planDatabaseKey, readKeyFile, writeKeyFileAtomic } from './database-key';
import { DatabaseKeyError } from './database-key-error';

/**
 * The database key where no OS key store can be reached (the `loket` command, the browser
 * harness), in this order:
 *   1. LOKET_DB_KEY (the key itself);
 *   2. `--key-file PATH` or LOKET_DB_KEY_FILE (a recovery key file, or any key file in plain form);
 *   3. `<db>.key` beside the database, when it is in plain form (a sealed one is the app's:
 *      refused with `key-sealed`, the recovery key opens it);
 *   4. none: a new database (or a plain one, converted at open) gets a new key in `<db>.key`,
 *      0600, and `made` asks the caller to warn that a key beside the data protects only against
 *      copying the database alone.
 */
export interface FileKeyRequest {
  dbPath: string;
  env?: NodeJS.ProcessEnv;
  /** --key-file */
  keyFile?: string;
  /** The command may start a new database (import, the harness): a key is made for it. */
  mayCreate: boolean;
}

export interface FileKey {
  key?: string;
  nextKey?: string;
  keyFile?: { path: string; sealed: false };
  convertPlain?: boolean;
  /** A new key file was written beside the database. */
  made: boolean;
}

const KEY_FILE_COMMENT = 'Loket database key (plain form). Keep a copy away from this computer; never beside a copy of the database.';

export function resolveFileKey(request: FileKeyRequest): FileKey {
  const env = request.env ?? process.env;
  const given = env['LOKET_DB_KEY'];
  if (given) return { key: given, made: false };
  const explicit = request.keyFile ?? (env['LOKET_DB_KEY_FILE'] || undefined);
  if (explicit) {
    if (!existsSync(explicit)) throw new DatabaseKeyError('key-file-damaged', explicit);
    return { ...keyFromFile(explicit), made: false };
  }
  const beside = keyFilePathOf(request.dbPath);
  const plan = planDatabaseKey(request.dbPath, existsSync(beside));
  if (plan.kind === 'use') return { ...keyFromFile(beside), convertPlain: plan.convertPlain, made: false };
  if (plan.kind === 'none') return { made: false };
  if (databaseFileState(request.dbPath) === 'missing' && !request.mayCreate) return { made: false };
  const key = newDatabaseKey();
  writeKeyFileAtomic(beside, key, KEY_FILE_COMMENT);
  return { key, keyFile: { path: beside, sealed: false }, convertPlain: plan.convertPlain, made: true };
}

function keyFromFile(path: string): Omit<FileKey, 'made'> {
  const content = readKeyFile(path)!;
  if (content.form === 'sealed') throw new DatabaseKeyError('key-sealed', path);
  const next = readKeyFile(nextKeyPathOf(path));
  if (next?.form === 'sealed') throw new DatabaseKeyError('key-sealed', nextKeyPathOf(path));
  return { key: content.key, ...(next ? { nextKey: next.key } : {}), keyFile: { path, sealed: false } };
}

/** The key fields of CoreConfig (and of readyDatabaseFiles) for a resolved key. */
export function keyConfigOf(fileKey: FileKey): { key?: string; nextKey?: string; keyFile?: { path: string; sealed: boolean }; convertPlain?: boolean } {
  return {
    ...(fileKey.key ? { key: fileKey.key } : {}),
    ...(fileKey.nextKey ? { nextKey: fileKey.nextKey } : {}),
    ...(fileKey.keyFile ? { keyFile: fileKey.keyFile } : {}),
    ...(fileKey.convertPlain ? { convertPlain: true } : {}),
  };
}
