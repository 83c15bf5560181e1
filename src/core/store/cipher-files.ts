import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { applyKey, EDITION_FILE_PATTERN, fsyncFile, listsDirOf } from './edition-store';
import type { Db } from './open-database';
import { rekeyTo } from './sqlcipher';

/**
 * File-level work shared by the conversion, the re-key and the backup: which files make up a
 * database, and how one file's copy is encrypted under a key and checked.
 *
 * better-sqlite3-multiple-ciphers has no `sqlcipher_export`; what it has: `PRAGMA rekey` on a
 * connection in a rollback-journal mode (refused in WAL), which encrypts a plain file or changes
 * the key of an encrypted one, and `VACUUM INTO`, whose copy keeps the source's key.
 */
export interface FileOptions {
  nativeBinding?: string;
}

export function openRaw(path: string, key: string | undefined, options: FileOptions, readonly = false): Db {
  const db = new Database(path, { fileMustExist: true, readonly, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The main file and its finished edition files (not an import's building files: recovery deletes those). */
export function databaseFiles(dbPath: string): string[] {
  const dir = listsDirOf(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^e\d+\.db$/.test(name));
  } catch {
    names = [];
  }
  return [dbPath, ...names.sort().map((name) => join(dir, name))];
}

/** The import lock (lists/import-lock.ts): a plain SQLite file holding no data; an old one made under a key is replaced. */
export const importLockOf = (dbPath: string): string => `${dbPath}.import-lock`;

/** Plain leftovers an import left in the lists folder (building files, staged name keys, journals). */
export function editionLeftovers(dbPath: string): string[] {
  const dir = listsDirOf(dbPath);
  try {
    return readdirSync(dir)
      .filter((name) => EDITION_FILE_PATTERN.test(name) && !/^e\d+\.db$/.test(name))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Row counts of every table: what a converted or re-keyed copy must still hold. Virtual tables
 * are left out (a contentless FTS5 index cannot be scanned); their shadow tables are counted.
 */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) counts[name] = db.prepare(`SELECT count(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
  return counts;
}

/** Leaves a file's content all in the file itself: its WAL folded in and removed. */
export function foldJournal(path: string, key: string | undefined, options: FileOptions): void {
  const db = openRaw(path, key, options);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  removeJournals(path);
}

export function removeJournals(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Copies `source` (under `fromKey`, undefined = plain) to `target` under `toKey`, checks every
 * table's row count against the source and fsyncs the copy. Throws CipherCopyMismatch when a
 * count differs. The source is only read.
 */
export function copyUnderKey(source: string, fromKey: string | undefined, target: string, toKey: string, options: FileOptions): void {
  rmSync(target, { force: true });
  removeJournals(target);
  const src = openRaw(source, fromKey, options, true);
  let expected: Record<string, number>;
  try {
    expected = rowCounts(src);
  } finally {
    src.close();
  }
  copyFileSync(source, target);
  const copy = openRaw(target, fromKey, options);
  try {
    copy.pragma('journal_mode = DELETE');
    rekeyTo(copy, toKey);
  } finally {
    copy.close();
  }
  removeJournals(target);
  const check = openRaw(target, toKey, options, true);
  try {
    const found = rowCounts(check);
    if (JSON.stringify(found) !== JSON.stringify(expected)) throw new CipherCopyMismatch(target);
  } finally {
    check.close();
  }
  fsyncFile(target);
}

export class CipherCopyMismatch extends Error {
  constructor(readonly path: string) {
    super(`the encrypted copy ${path} does not hold the same rows as its source`);
    this.name = 'CipherCopyMismatch';
  }
}
