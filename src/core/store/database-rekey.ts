import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { databaseFiles, openRaw, type FileOptions } from './cipher-files';
import { nextKeyPathOf } from './database-key';
import { DatabaseKeyError } from './database-key-error';
import { editionStoreOf, fsyncDir } from './edition-store';
import { keyPauseAt } from './key-test-pause';
import type { Db } from './open-database';
import { rekeyTo } from './sqlcipher';

/**
 * Changing the database key (the main file and every edition file) so that a crash at any
 * moment can be finished at the next start:
 *   1. the new key is written to `<key file>.next` (sealed like the key file) before any file
 *      changes: from then on both keys are known;
 *   2. each file is re-keyed in place with `PRAGMA rekey`, one transaction per file under
 *      SQLite's rollback journal (the main file leaves WAL for it and returns after): a file
 *      killed mid-way rolls back to the old key when next opened with it;
 *   3. `<key file>.next` is renamed over the key file: the re-key is done.
 * At start, a `.next` file means step 3 never happened: finishRekey tries each file with the
 * old key first (which also rolls back a half-written one), re-keys those still on it, then
 * renames. Never rolled back: the new key is already safe on disk, so forward is always possible.
 */
export type WriteKeyFile = (path: string, key: string) => Promise<void>;

export interface RekeyPlan {
  dbPath: string;
  /** The key file the new key goes to (its `.next` first). */
  keyFile: string;
  oldKey: string;
  newKey: string;
  options: FileOptions;
  /** Writes the key (sealed by the OS store in the app, plain otherwise) to a path. */
  writeKey: WriteKeyFile;
}

/** Re-keys a database in use: `db` is the core's own connection; nothing else may hold an edition file open. */
export async function rekeyLive(db: Db, plan: RekeyPlan): Promise<void> {
  // Leaving WAL needs the main file to itself: another process using it (the CLI) refuses here, before anything changed.
  const mode = String(db.pragma('journal_mode', { simple: true }));
  if (mode === 'wal') db.pragma('journal_mode = DELETE');
  try {
    await plan.writeKey(nextKeyPathOf(plan.keyFile), plan.newKey);
    keyPauseAt('rekey-next-written');
    const [, ...editions] = keyedFiles(plan.dbPath);
    editions.forEach((file, index) => {
      rekeyFile(file, plan.oldKey, plan.newKey, plan.options);
      if (index === 0) keyPauseAt('rekey-one-file');
    });
    rekeyConnection(db, plan.newKey);
    editionStoreOf(db).key = plan.newKey;
  } catch (error) {
    undoLive(plan);
    throw error;
  } finally {
    if (mode === 'wal') db.pragma('journal_mode = WAL');
  }
  keyPauseAt('rekey-all-files');
  switchKeyFile(plan.keyFile);
}

/**
 * A re-key that failed in a running core (a file busy in another process): the files already on
 * the new key go back to the old one and `.next` is removed, so this core keeps working with the
 * key it has. If even that fails, `.next` stays and the next start finishes the re-key.
 */
function undoLive(plan: RekeyPlan): void {
  try {
    for (const file of keyedFiles(plan.dbPath)) if (opensWith(file, plan.newKey, plan.options)) rekeyFile(file, plan.newKey, plan.oldKey, plan.options);
    rmSync(nextKeyPathOf(plan.keyFile), { force: true });
  } catch {
    // left for finishRekey at the next start
  }
}

/** At start, before the database opens: finishes a re-key a crash interrupted. No `.next` file: nothing to do. */
export function finishRekey(dbPath: string, keyFile: string, oldKey: string, newKey: string, options: FileOptions = {}): boolean {
  if (!existsSync(nextKeyPathOf(keyFile))) return false;
  for (const file of keyedFiles(dbPath)) {
    if (opensWith(file, oldKey, options)) rekeyFile(file, oldKey, newKey, options);
    else if (!opensWith(file, newKey, options)) throw new DatabaseKeyError('wrong-key', file);
  }
  switchKeyFile(keyFile);
  return true;
}

/** The main file first, then its editions (the import lock is plain: it holds no data). */
function keyedFiles(dbPath: string): string[] {
  return databaseFiles(dbPath);
}

function switchKeyFile(keyFile: string): void {
  renameSync(nextKeyPathOf(keyFile), keyFile);
  fsyncDir(dirname(keyFile));
}

function opensWith(file: string, key: string, options: FileOptions): boolean {
  try {
    openRaw(file, key, options).close();
    return true;
  } catch {
    return false;
  }
}

function rekeyFile(file: string, oldKey: string, newKey: string, options: FileOptions): void {
  const db = openRaw(file, oldKey, options);
  try {
    rekeyConnection(db, newKey);
  } finally {
    db.close();
  }
}

/** PRAGMA rekey is refused in WAL: the connection leaves it for the re-key and returns to the mode it had. */
function rekeyConnection(db: Db, newKey: string): void {
  const mode = String(db.pragma('journal_mode', { simple: true }));
  if (mode === 'wal') db.pragma('journal_mode = DELETE');
  rekeyTo(db, newKey);
  if (mode === 'wal') db.pragma('journal_mode = WAL');
}
