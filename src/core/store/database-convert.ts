import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { copyUnderKey, databaseFiles, editionLeftovers, foldJournal, importLockOf, openRaw, removeJournals, rowCounts, type FileOptions } from './cipher-files';
import { databaseFileState } from './database-key';
import { fsyncDir, fsyncFile } from './edition-store';
import { setFileAside } from './file-aside';
import { keyPauseAt } from './key-test-pause';

/**
 * Converts a plain database (the main file and every edition file) to encrypted, once, when
 * Loket first starts with a key on a database made before encryption was the default.
 *
 * Crash safety (a SIGKILL at any moment leaves, after the next start, either the plain original
 * or the encrypted result, never a mix and never a lost row):
 *   1. every file is copied into `<db>.plain-backup.partial/`, fsynced, and the folder renamed
 *      to `<db>.plain-backup/`: from then on a complete plain copy exists;
 *   2. each file is copied to `<file>.encrypting`, encrypted there (PRAGMA rekey) and its row
 *      counts checked against the original; nothing in place has changed yet;
 *   3. each `.encrypting` copy is renamed over its original;
 *   4. the backup folder is renamed to `<db>.plain-backup.discard/` (one atomic step: the
 *      conversion is done) and deleted. A plain backup left behind would defeat the purpose.
 * At the next start (recoverConversion): a `.partial` folder is deleted (nothing had changed);
 * a `.plain-backup` folder is copied back over the files (the plain original returns, the
 * conversion runs again); a `.discard` folder is deleted (the conversion had finished).
 *
 * An edition file that cannot be read (cut short by a disk error or a half-done copy) is set
 * aside first, as it is (`e1.db.tidak-terbaca-…`, store/file-aside.ts): one damaged list must
 * not keep the register and every later edition plain at every start. A crash after that rename
 * loses nothing: the file is under its new name, or back under its old one from the backup.
 */
export const backupDirOf = (dbPath: string): string => `${dbPath}.plain-backup`;
const partialDirOf = (dbPath: string): string => `${backupDirOf(dbPath)}.partial`;
const discardDirOf = (dbPath: string): string => `${backupDirOf(dbPath)}.discard`;
const ENCRYPTING = '.encrypting';

export type ConversionRecovery = 'none' | 'rolled-back' | 'finished';

/** Run before anything opens the database: undoes or completes a conversion a crash interrupted. */
export function recoverConversion(dbPath: string): ConversionRecovery {
  const files = databaseFiles(dbPath);
  for (const file of files) rmSync(file + ENCRYPTING, { force: true });
  let outcome: ConversionRecovery = 'none';
  if (existsSync(discardDirOf(dbPath))) {
    rmSync(discardDirOf(dbPath), { recursive: true, force: true });
    outcome = 'finished';
  }
  if (existsSync(partialDirOf(dbPath))) rmSync(partialDirOf(dbPath), { recursive: true, force: true });
  const backup = backupDirOf(dbPath);
  if (existsSync(backup)) {
    restoreFrom(backup, dbPath);
    outcome = 'rolled-back';
  }
  return outcome;
}

export class ConversionFailed extends Error {
  constructor(
    override readonly cause: unknown,
    /** The file that could not be converted (the main file when the failure concerns them all). */
    readonly file: string,
  ) {
    super(`the database could not be encrypted; it was kept plain (${file}): ${causeText(cause)}`);
    this.name = 'ConversionFailed';
  }
}

/** An edition file that could not be read plain, so not encrypted: moved aside (never deleted), the rest converted. */
export interface FileSetAside {
  file: string;
  /** Its new full path, in the same folder (store/file-aside.ts). */
  aside: string;
  cause: string;
}

/**
 * Encrypts the plain database at `dbPath` under `key`. An edition file that cannot be read (a
 * disk error, a half-copied folder) never keeps the others plain: it is set aside as it is
 * (still plain, never deleted) and the rest is converted; the caller says which file and what to
 * do. The main file cannot be set aside (it is the register): when it fails, every plain file is
 * back in place and ConversionFailed names it.
 */
export function convertToEncrypted(dbPath: string, key: string, options: FileOptions = {}, now: Date = new Date()): FileSetAside[] {
  recoverConversion(dbPath);
  const setAside: FileSetAside[] = [];
  const putAside = (file: string, cause: unknown): void => {
    const name = setFileAside(file, now);
    if (name !== null) setAside.push({ file, aside: join(dirname(file), name), cause: causeText(cause) });
  };
  // Before anything is copied: a damaged edition found now is simply moved out of the way.
  const files = [dbPath];
  for (const file of databaseFiles(dbPath).slice(1)) {
    if (opensUnder(file, key, options)) continue; // already under this key: nothing to convert, nothing to set aside
    const cause = unreadablePlain(file, options);
    if (cause === null) files.push(file);
    else putAside(file, cause);
  }
  let current = dbPath;
  try {
    // Everything into the files themselves: a WAL beside a file would be left plain.
    for (const file of files) {
      current = file;
      foldJournal(file, undefined, options);
    }
    current = dbPath;
    // An import's leftovers are plain too, and recovery would delete them anyway.
    for (const leftover of editionLeftovers(dbPath)) rmSync(leftover, { force: true });
    // The import lock holds no data; made again (under the key) by the next import. Nothing runs yet at start.
    rmSync(importLockOf(dbPath), { force: true });
    backUp(files, dbPath);
  } catch (error) {
    // Nothing in place has changed (a checkpoint changes no row): a half-made backup goes.
    rmSync(partialDirOf(dbPath), { recursive: true, force: true });
    throw new ConversionFailed(error, current);
  }
  keyPauseAt('convert-backed-up');
  const converted: string[] = [];
  for (const file of files) {
    try {
      copyUnderKey(file, undefined, file + ENCRYPTING, key, options);
      converted.push(file);
    } catch (error) {
      rmSync(file + ENCRYPTING, { force: true });
      if (file !== dbPath) {
        // Damaged deeper than the first read found: set aside too (the backup holds a copy until the end).
        putAside(file, error);
        continue;
      }
      // Nothing in place has changed: drop the copies and the backup, the originals stay as they were.
      for (const other of converted) rmSync(other + ENCRYPTING, { force: true });
      discardBackup(dbPath);
      throw new ConversionFailed(error, file);
    }
  }
  keyPauseAt('convert-encrypted-copies');
  try {
    converted.forEach((file, index) => {
      removeJournals(file);
      renameSync(file + ENCRYPTING, file);
      if (index === 0) keyPauseAt('convert-renamed-one');
    });
    for (const dir of new Set(files.map((file) => dirname(file)))) fsyncDir(dir);
  } catch (error) {
    recoverConversion(dbPath);
    throw new ConversionFailed(error, dbPath);
  }
  keyPauseAt('convert-renamed-all');
  discardBackup(dbPath);
  return setAside;
}

function opensUnder(file: string, key: string, options: FileOptions): boolean {
  if (databaseFileState(file) !== 'encrypted') return false;
  try {
    openRaw(file, key, options, true).close();
    return true;
  } catch {
    return false;
  }
}

/** Why a plain edition file cannot be converted (null: it can): it must open, pass SQLite's quick check and count its rows. */
function unreadablePlain(file: string, options: FileOptions): string | null {
  try {
    foldJournal(file, undefined, options);
    const db = openRaw(file, undefined, options, true);
    try {
      const check = db.pragma('quick_check(1)', { simple: true });
      if (check !== 'ok') return String(check);
      rowCounts(db);
    } finally {
      db.close();
    }
    return null;
  } catch (error) {
    return causeText(error);
  }
}

const causeText = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

function backUp(files: string[], dbPath: string): void {
  const partial = partialDirOf(dbPath);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const root = dirname(dbPath);
  for (const file of files) {
    // The main file keeps its name; an edition file keeps its place under the lists folder's name.
    const target = join(partial, relative(root, file));
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    copyFileSync(file, target);
    fsyncFile(target);
  }
  fsyncDir(partial);
  renameSync(partial, backupDirOf(dbPath));
  fsyncDir(root);
}

function discardBackup(dbPath: string): void {
  const discard = discardDirOf(dbPath);
  renameSync(backupDirOf(dbPath), discard);
  fsyncDir(dirname(dbPath));
  rmSync(discard, { recursive: true, force: true });
}

/** Puts every file of the backup back in place (each through a temporary name: a crash here is repeated at the next start). */
function restoreFrom(backup: string, dbPath: string): void {
  const root = dirname(dbPath);
  for (const relativePath of listFilesUnder(backup)) {
    const target = join(root, relativePath);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.restoring`;
    copyFileSync(join(backup, relativePath), temp);
    fsyncFile(temp);
    removeJournals(target);
    renameSync(temp, target);
    fsyncDir(dirname(target));
  }
  discardBackup(dbPath);
}

function listFilesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFilesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}
