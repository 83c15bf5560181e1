import { copyFileSync, existsSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LoketError } from '../errors';
import { isOwnFile, ownFilesOf } from '../files/own-files';
import { openRaw, type FileOptions } from './cipher-files';
import { databaseFileState, keyFilePathOf, readKeyFile } from './database-key';
import { DatabaseKeyError } from './database-key-error';
import { editionFileName, listsDirOf } from './edition-store';
import { SCHEMA_VERSION } from './migrations';
import type { Db } from './open-database';
import { tightenFile } from './private-files';

/**
 * The checks of a backup that refuse a restore before anything beside the database changes,
 * shared by the restore itself (database-restore.ts, with nothing holding the database) and the
 * running core's check before it is stopped for one (restore-precheck.ts).
 */
export type RestoreKeySource = 'key-file' | 'env-key' | 'beside-backup' | 'beside-database' | 'none';

/** What the key search needs of a restore request. */
export interface KeyRequest {
  dbPath: string;
  from: string;
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
}

/** The backup's main file exists, is a file, is not the database itself or its parts, and is a SQLite file (plain or encrypted). */
export function checkBackupFile(from: string, dbPath: string): void {
  let stat;
  try {
    stat = statSync(from);
  } catch {
    throw new LoketError('restore/backup-missing', { path: from });
  }
  if (stat.isDirectory()) throw new LoketError('restore/backup-is-folder', { path: from });
  if (isOwnFile(from, ownFilesOf(dbPath))) throw new LoketError('restore/backup-is-database', { path: from });
  const state = databaseFileState(from);
  if (state === 'foreign' || state === 'empty') throw new LoketError('restore/not-a-backup', { path: from });
}

/** The backup's main file, with a -wal of its own if one was left beside it (it holds part of its content). */
export function copyBackupMain(from: string, staged: string): void {
  copyFileSync(from, staged);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${staged}-wal`);
  tightenFile(staged);
}

/** copyBackupMain on Node's thread pool: for a core that goes on serving the counter meanwhile. */
export async function copyBackupMainAsync(from: string, staged: string): Promise<void> {
  await copyFile(from, staged);
  if (existsSync(`${from}-wal`)) await copyFile(`${from}-wal`, `${staged}-wal`);
  tightenFile(staged);
}

/**
 * The key that opens the copy: the --key-file given (or LOKET_DB_KEY_FILE), and only it; else
 * the first that opens it of LOKET_DB_KEY, a key file beside the backup (FILE.key) and the
 * database's own key file (a backup made since the last re-key opens with it).
 */
export function findKey(staged: string, request: KeyRequest, options: FileOptions): { key: string | undefined; source: RestoreKeySource } {
  if (databaseFileState(staged) === 'plain') return { key: undefined, source: 'none' };
  const env = request.env ?? process.env;
  const explicit = request.keyFile ?? (env['LOKET_DB_KEY_FILE'] || undefined);
  if (explicit) {
    const content = readKeyFile(explicit);
    if (content === null) throw new LoketError('restore/key-file-missing', { keyFile: explicit });
    if (content.form === 'sealed') throw new DatabaseKeyError('key-sealed', explicit);
    if (!opens(staged, content.key, options)) throw new LoketError('restore/wrong-key', { path: request.from, keyFile: explicit });
    return { key: content.key, source: 'key-file' };
  }
  const candidates: { key: string; source: RestoreKeySource }[] = [];
  if (env['LOKET_DB_KEY']) candidates.push({ key: env['LOKET_DB_KEY'], source: 'env-key' });
  for (const [path, source] of [
    [keyFilePathOf(request.from), 'beside-backup'],
    [keyFilePathOf(request.dbPath), 'beside-database'],
  ] as const) {
    let content;
    try {
      content = readKeyFile(path);
    } catch {
      content = null; // a damaged key file beside it: not this backup's key
    }
    if (content?.form === 'plain') candidates.push({ key: content.key, source });
  }
  const fits = candidates.find((candidate) => opens(staged, candidate.key, options));
  if (fits) return fits;
  throw new LoketError('restore/key-missing', { path: request.from });
}

function opens(path: string, key: string, options: FileOptions): boolean {
  try {
    openRaw(path, key, options, true).close();
    return true;
  } catch {
    return false;
  }
}

/** A list edition the backup names as current or previous; `file` null for one still inside the main file (before 007). */
export interface NamedEdition {
  id: number;
  file: string | null;
  state: string;
}

/** The copy opened is a Loket database this version can open; answers the editions it names. */
export function checkBackupShape(db: Db, from: string): NamedEdition[] {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new LoketError('database-too-new', { found: version });
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('list_editions', 'lists')`).pluck().all();
  if (tables.length < 2) throw new LoketError('restore/not-a-backup', { path: from });
  const hasFile = (db.prepare(`SELECT count(*) FROM pragma_table_info('list_editions') WHERE name = 'file'`).pluck().get() as number) > 0;
  return hasFile ? (db.prepare(`SELECT id, file, state FROM list_editions WHERE state IN ('current', 'previous')`).all() as NamedEdition[]) : [];
}

/**
 * The file of an edition beside the backup, or null for one that may be missing (the previous
 * edition is only a way back). Refuses when a current edition's file is missing: without it the
 * list cannot be searched.
 */
export function editionSource(from: string, edition: NamedEdition): string | null {
  if (edition.file === null) return null;
  const folder = listsDirOf(from);
  const name = editionFileName(edition.id);
  const source = join(folder, name);
  if (existsSync(source)) return source;
  if (edition.state === 'previous') return null;
  throw new LoketError('restore/lists-missing', { path: from, folder, file: name });
}

/** What refuses a restore unless forced, of the database it replaces. */
export interface ReplacedFacts {
  enrolled: boolean;
  unsent: number;
  unsentRegistrations: number;
}

/**
 * Refuses (unless forced) what would lose data or silently change the counter: changes the hub
 * has not received (they would stay only in the moved-aside folder), or a backup from before the
 * enrolment of an enrolled counter (it would number alone again).
 */
export function refuseUnlessForced(replaced: ReplacedFacts, backupEnrolled: boolean, request: { dbPath: string; from: string; force?: boolean }): void {
  if (request.force) return;
  if (replaced.unsent > 0) throw new LoketError('restore/unsent', { path: request.dbPath, changes: replaced.unsent, registrations: replaced.unsentRegistrations });
  if (replaced.enrolled && !backupEnrolled) throw new LoketError('restore/before-enrolment', { path: request.from });
}
