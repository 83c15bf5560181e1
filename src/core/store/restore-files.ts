import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LoketError } from '../errors';
import { keyFilePathOf, nextKeyPathOf, writeKeyFileAtomic } from './database-key';
import { listsDirOf } from './edition-store';
import { fsyncDir } from './private-files';

/**
 * The restore's moves of whole files (database-restore.ts): the database's files set aside into
 * one dated folder, the checked copy put in their place, and everything put back when the
 * placing fails half-way. Renames only, never a copy or a delete of the replaced database.
 */

const KEY_FILE_COMMENT = 'Loket database key (plain form), installed by loket restore from the recovery key. Keep a copy away from this computer.';

/** The files the database is made of, in the order they are moved: the main file first. */
export function databaseParts(dbPath: string): string[] {
  const key = keyFilePathOf(dbPath);
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`, key, nextKeyPathOf(key), listsDirOf(dbPath)];
}

/** `<db>.sebelum-pemulihan-2026-11-30T1900` (the PC's local time), `-2`, `-3`... when taken. */
export function asideFolderFor(dbPath: string, now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}${pad(now.getMinutes())}`;
  const base = `${dbPath}.sebelum-pemulihan-${stamp}`;
  let candidate = base;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

/** The database's files into the folder `aside` (null: nothing to move), main file first; all or none. */
export function moveAside(dbPath: string, aside: string | null): string | null {
  const parts = databaseParts(dbPath).filter((part) => existsSync(part));
  if (parts.length === 0 || aside === null) return null;
  mkdirSync(aside, { mode: 0o700 });
  const moved: string[] = [];
  try {
    for (const part of parts) {
      try {
        renameSync(part, join(aside, basename(part)));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Windows: a file another process holds open cannot be renamed. Only the first move can
        // meet it (the main file goes first), but any refusal puts back what moved and says so.
        if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') throw new LoketError('restore/in-use', { path: dbPath });
        throw error;
      }
      moved.push(part);
    }
  } catch (error) {
    for (const part of moved.reverse()) renameSync(join(aside, basename(part)), part);
    rmSync(aside, { recursive: true, force: true }); // empty again
    throw error;
  }
  fsyncDir(aside);
  fsyncDir(dirname(dbPath));
  return aside;
}

/** The checked copy (and its lists folder) renamed into place, with the key that opened it beside it. */
export function install(staged: string, dbPath: string, key: string | undefined): void {
  if (existsSync(listsDirOf(staged))) renameSync(listsDirOf(staged), listsDirOf(dbPath));
  renameSync(staged, dbPath);
  if (key) writeKeyFileAtomic(keyFilePathOf(dbPath), key, KEY_FILE_COMMENT);
  fsyncDir(dirname(dbPath));
}

/** An installation that failed half-way: what it placed goes, and the replaced files come back from the folder. */
export function putBack(dbPath: string, aside: string | null): void {
  for (const part of databaseParts(dbPath)) rmSync(part, { recursive: true, force: true });
  if (aside === null) return;
  for (const name of readdirSync(aside)) renameSync(join(aside, name), join(dirname(dbPath), name));
  rmSync(aside, { recursive: true, force: true });
}
