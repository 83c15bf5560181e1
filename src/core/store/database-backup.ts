import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LoketError } from '../errors';
import { openRaw, removeJournals, type FileOptions } from './cipher-files';
import { EDITION_FILE_PATTERN, editionPath, editionStoreOf, fsyncFile, listsDirOf } from './edition-store';
import type { Db } from './open-database';
import { privateFile, tightenFile } from './private-files';

/**
 * An online backup of a database in use, laid out as a database itself: the main file at
 * `target` (VACUUM INTO: one consistent snapshot, written by SQLite3MultipleCiphers under the
 * source's own key, so an encrypted database gives an encrypted copy) and the current and
 * previous editions' files in `<target>.lists/` (copied as they are: never written again after
 * their switch, and encrypted with the same key). It opens with `loket ... --db <target>
 * --key-file <recovery key>` like the original; restoring is copying both back.
 *
 * The caller has checked `target` (files/save-target.ts): never the database's own files, in a
 * folder that exists. What is replaced there: `target` and its -wal/-shm/-journal (the person
 * chose to overwrite it), and in `<target>.lists/` only edition files, as a previous backup
 * left them. A `<target>.lists` holding anything else is not a backup's: refused before
 * anything is deleted (`backup/lists-folder-taken`), never swept.
 */
export function backupDatabase(db: Db, target: string, options: FileOptions): { editions: number } {
  const lists = listsDirOf(target);
  const previous = previousEditions(lists);
  for (const stale of [target, ...['-wal', '-shm', '-journal'].map((s) => target + s)]) rmSync(stale, { force: true });
  for (const name of previous) rmSync(join(lists, name), { force: true });
  if (existsSync(lists)) rmdirSync(lists); // empty now: made again below when the snapshot names editions
  try {
    // Made empty with mode 0600 first (VACUUM INTO fills an empty file): a backup is as private as the database.
    privateFile(target);
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw writeFailure(error, target);
  }
  tightenFile(target);
  fsyncFile(target);
  const store = editionStoreOf(db);
  // The editions the snapshot names: an edition switched in after it is not in the copy's list.
  const copy = openRaw(target, store.key, options, true);
  let ids: number[];
  try {
    ids = copy.prepare(`SELECT id FROM list_editions WHERE state IN ('current', 'previous') AND file IS NOT NULL`).pluck().all() as number[];
  } finally {
    copy.close();
  }
  removeJournals(target);
  let copied = 0;
  for (const id of ids) {
    const source = editionPath(store, id);
    if (!existsSync(source)) continue; // retired since the snapshot: the copy's recovery tidies its row
    mkdirSync(lists, { recursive: true, mode: 0o700 });
    const to = join(lists, basename(source));
    copyFileSync(source, to);
    tightenFile(to);
    fsyncFile(to);
    copied++;
  }
  return { editions: copied };
}

/** The edition files a previous backup left in `<target>.lists/`; anything else there is refused. */
function previousEditions(lists: string): string[] {
  let stat;
  try {
    stat = lstatSync(lists);
  } catch {
    return []; // no such folder: nothing to replace
  }
  if (!stat.isDirectory()) throw new LoketError('backup/lists-folder-taken', { folder: lists });
  const names = readdirSync(lists, { withFileTypes: true });
  if (names.some((entry) => !entry.isFile() || !EDITION_FILE_PATTERN.test(entry.name))) throw new LoketError('backup/lists-folder-taken', { folder: lists });
  return names.map((entry) => entry.name);
}

/** A folder that cannot be written (read-only USB stick, no permission) in words, not SQLite's "unable to open database". */
function writeFailure(error: unknown, target: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LoketError('file/folder-not-writable', { folder: dirname(target) });
  }
  return error;
}
