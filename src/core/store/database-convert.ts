import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { copyUnderKey, databaseFiles, editionLeftovers, foldJournal, importLockOf, removeJournals, type FileOptions } from './cipher-files';
import { fsyncDir, fsyncFile } from './edition-store';
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
  constructor(override readonly cause: unknown) {
    super(`the database could not be encrypted; it was kept plain: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ConversionFailed';
  }
}

/** Encrypts the plain database at `dbPath` under `key`. On failure the plain files are back in place and ConversionFailed is thrown. */
export function convertToEncrypted(dbPath: string, key: string, options: FileOptions = {}): void {
  recoverConversion(dbPath);
  const files = databaseFiles(dbPath);
  try {
    // Everything into the files themselves: a WAL beside a file would be left plain.
    for (const file of files) foldJournal(file, undefined, options);
    // An import's leftovers are plain too, and recovery would delete them anyway.
    for (const leftover of editionLeftovers(dbPath)) rmSync(leftover, { force: true });
    // The import lock holds no data; made again (under the key) by the next import. Nothing runs yet at start.
    rmSync(importLockOf(dbPath), { force: true });
    backUp(files, dbPath);
  } catch (error) {
    // Nothing in place has changed (a checkpoint changes no row): a half-made backup goes.
    rmSync(partialDirOf(dbPath), { recursive: true, force: true });
    throw new ConversionFailed(error);
  }
  keyPauseAt('convert-backed-up');
  try {
    for (const file of files) copyUnderKey(file, undefined, file + ENCRYPTING, key, options);
  } catch (error) {
    // Nothing in place has changed: drop the copies and the backup, the originals stay as they were.
    for (const file of files) rmSync(file + ENCRYPTING, { force: true });
    discardBackup(dbPath);
    throw new ConversionFailed(error);
  }
  keyPauseAt('convert-encrypted-copies');
  try {
    files.forEach((file, index) => {
      removeJournals(file);
      renameSync(file + ENCRYPTING, file);
      if (index === 0) keyPauseAt('convert-renamed-one');
    });
    for (const dir of new Set(files.map((file) => dirname(file)))) fsyncDir(dir);
  } catch (error) {
    recoverConversion(dbPath);
    throw new ConversionFailed(error);
  }
  keyPauseAt('convert-renamed-all');
  discardBackup(dbPath);
}

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
