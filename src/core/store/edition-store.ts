import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { setFileAside } from './file-aside';
import { privateDir, privateFile } from './private-files';
export { fsyncDir } from './private-files';
import { join } from 'node:path';
import { LoketError } from '../errors';
import { MEMBERS } from '../lists/member-table';
import type { Db } from './open-database';
import { setKey } from './sqlcipher';

/**
 * Where a database's list editions live and how their files are opened.
 *
 * Layout: every edition of every list is one SQLite file in a folder beside the main database,
 * named after it: `<dir>/loket.db` keeps the register, patients, queue, settings and the editions'
 * metadata; `<dir>/loket.db.lists/e<editionId>.db` holds one edition's members, its indexes and
 * its import issues. The folder is named after the database file (not a shared `lists/`), so
 * two databases in one folder (the bench, tests) never sweep each other's files.
 *
 * While an import runs, its file is `e<id>.db.building`, held with an exclusive SQLite lock for
 * the whole run: a process that dies loses the lock, which is how recovery tells a dead import
 * from a live one (see lists/edition-recovery.ts).
 */
export interface EditionStore {
  /** The folder of the edition files; null for an in-memory database (no edition can be stored). */
  dir: string | null;
  key?: string;
  nativeBinding?: string;
  /** The database should be encrypted and is not yet (its conversion failed): no new edition is written (plain). */
  plainRefused?: boolean;
}

export const listsDirOf = (dbPath: string): string => `${dbPath}.lists`;
export const editionFileName = (editionId: number): string => `e${editionId}.db`;
export const BUILDING_SUFFIX = '.building';
/** Every file name this module ever makes in the folder (final, building, or a journal beside one). */
export const EDITION_FILE_PATTERN = /^e(\d+)(\.db|\.db\.building|\.names\.building|\.cards\.building)(-journal|-wal|-shm)?$/;

const stores = new WeakMap<Db, EditionStore>();

/** Called by openDatabase: the edition files of a connection follow its path and key. */
export function registerEditionStore(db: Db, dbPath: string, options: { key?: string; nativeBinding?: string }): void {
  stores.set(db, {
    dir: dbPath === ':memory:' || dbPath === '' ? null : listsDirOf(dbPath),
    ...(options.key ? { key: options.key } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

export function editionStoreOf(db: Db): EditionStore {
  const store = stores.get(db);
  if (!store) throw new Error('this connection was not opened by openDatabase: its edition files are unknown');
  return store;
}

/** After a failed conversion (core.ts): imports and the hub's editions are refused until a start encrypts the database. */
export function refusePlainEditions(db: Db): void {
  editionStoreOf(db).plainRefused = true;
}

/** Throws `security/edition-not-encrypted` when no new edition may be written (refusePlainEditions). */
export function requireEditionsWritable(store: EditionStore): void {
  if (store.plainRefused) throw new LoketError('security/edition-not-encrypted');
}

export function editionsDir(store: EditionStore): string {
  if (store.dir === null) throw new Error('an in-memory database cannot hold list editions (they live in files beside it)');
  return store.dir;
}

export const editionPath = (store: EditionStore, editionId: number): string => join(editionsDir(store), editionFileName(editionId));
export const buildingPath = (store: EditionStore, editionId: number): string => editionPath(store, editionId) + BUILDING_SUFFIX;
/** What an import still running builds aside, each in a staging file of its own (lists/names-aside.ts): its name index, its card table. */
export const STAGED_PARTS = ['names', 'cards'] as const;
export type StagedPart = (typeof STAGED_PARTS)[number];
export const stagingName = (editionId: number, part: StagedPart): string => `e${editionId}.${part}${BUILDING_SUFFIX}`;
export const stagingPath = (store: EditionStore, editionId: number, part: StagedPart): string => join(editionsDir(store), stagingName(editionId, part));

/** Unlocks an encrypted SQLite file (SQLCipher-compatible, legacy 4): the main database, every edition file, the import lock. */
export function applyKey(db: Db, key: string | undefined): void {
  if (!key) return;
  setKey(db, key);
  // SQLite3 Multiple Ciphers does not encrypt temporary files (sorts, temp tables, a statement
  // journal): an encrypted connection keeps them in memory, never in a plain file in TMPDIR.
  db.pragma('temp_store = MEMORY');
}

function openFile(store: EditionStore, path: string, readonly: boolean): Db {
  const db = new Database(path, {
    readonly,
    fileMustExist: readonly,
    ...(store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}),
  });
  try {
    applyKey(db, store.key);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A finished edition for look-ups: read-only, never written again after its rename, so no
 * journal and no lock beyond a shared one per read.
 */
export function openEditionReadOnly(store: EditionStore, editionId: number): Db {
  const db = openFile(store, editionPath(store, editionId), true);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // a wrong key or a damaged file fails here
    db.pragma('query_only = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Whether an edition's file opens as the look-ups open it (the key fits, SQLite reads its schema
 * and its members table): false for a file that is missing, damaged at its start, or encrypted
 * with another counter's key. Cheap (no page beyond the first few is read): never a full check.
 */
export function editionOpens(store: EditionStore, editionId: number): boolean {
  return editionPasses(store, editionId, (db) => {
    db.prepare(`SELECT 1 FROM ${MEMBERS} LIMIT 1`).get(); // throws when the table cannot be read
    return true;
  });
}

/**
 * Opens an edition's file read-only and asks `check` about it: false when the file does not
 * open, or `check` throws (a damaged page) or says no. Never throws; the file is always closed.
 */
export function editionPasses(store: EditionStore, editionId: number, check: (db: Db) => boolean): boolean {
  let db: Db | undefined;
  try {
    db = openEditionReadOnly(store, editionId);
    return check(db);
  } catch {
    return false;
  } finally {
    try {
      db?.close();
    } catch {
      // a damaged file's connection closes anyway; nothing was written through it
    }
  }
}

/**
 * Moves an unreadable edition's file out of the way, in the lists folder, under a name the
 * sweep never touches (`e7.db.tidak-terbaca-2026-11-30T2154`; store/file-aside.ts). Returns the
 * new name, or null when there was no file.
 */
export function setEditionFileAside(store: EditionStore, editionId: number, now: Date): string | null {
  return setFileAside(editionPath(store, editionId), now);
}

/**
 * A new edition's temporary file. No journal and no fsync while loading (a crash only loses a
 * file that can be rebuilt), and an exclusive lock kept until close: a live import is told from
 * a dead one by that lock. A stale file of the same name (an earlier dead attempt) is replaced.
 */
export function openBuildingFile(store: EditionStore, editionId: number): Db {
  requireEditionsWritable(store);
  privateDir(editionsDir(store));
  const path = buildingPath(store, editionId);
  rmSync(path, { force: true });
  privateFile(path);
  const db = openFile(store, path, false);
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // better-sqlite3 runs SQLite in defensive mode, which silently keeps the journal on.
    db.unsafeMode(true);
    db.pragma('journal_mode = OFF');
    db.unsafeMode(false);
    db.pragma('synchronous = OFF');
    db.pragma('temp_store = MEMORY');
    // The first write takes the exclusive lock now, before anyone can see the file unlocked.
    db.exec('CREATE TABLE IF NOT EXISTS edition_meta (key TEXT PRIMARY KEY, value TEXT)');
    return db;
  } catch (error) {
    db.close();
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * A staging file of an import (stagingPath: its name index, its card table):
 * like the building file, no journal and no fsync (a crash loses only what recovery deletes), but
 * not locked: it is handed from the import's thread to the thread that builds it and back, never
 * open in two at once. `create` replaces a stale file of the same name.
 */
export function openStagingFile(store: EditionStore, path: string, create: boolean): Db {
  if (create) {
    rmSync(path, { force: true });
    privateFile(path);
  }
  const db = openFile(store, path, false);
  try {
    db.unsafeMode(true);
    db.pragma('journal_mode = OFF');
    db.unsafeMode(false);
    db.pragma('synchronous = OFF');
    db.pragma('temp_store = MEMORY');
    // FTS5 appends its segments and keeps its own buffer: a small page cache does (3 M members: peak memory).
    db.pragma('cache_size = -2000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * True when another live connection holds the file's lock (an import still running in some
 * process or thread). A dead process's lock is released by the OS, so this never waits.
 */
export function isLockedByOther(store: EditionStore, path: string): boolean {
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0, ...(store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}) });
    applyKey(db, store.key);
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED';
  } finally {
    db?.close();
  }
}

/** Flushes a file's content to the disk (the building file, before it is renamed into place). */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}


export function renameFile(from: string, to: string): void {
  renameSync(from, to);
}

/**
 * Deletes a file if it can. On Windows a file another process still has open cannot be
 * deleted; it is left for the sweep at the next start rather than failing the caller.
 */
export function removeFileQuietly(path: string): boolean {
  try {
    rmSync(path, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** The edition files in the folder (empty when it does not exist yet). */
export function listEditionFiles(store: EditionStore): string[] {
  if (store.dir === null) return [];
  try {
    return readdirSync(store.dir).filter((name) => EDITION_FILE_PATTERN.test(name));
  } catch {
    return [];
  }
}
