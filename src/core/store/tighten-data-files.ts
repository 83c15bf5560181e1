import { readdirSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { keyFilePathOf, nextKeyPathOf } from './database-key';
import { listsDirOf } from './edition-store';
import { tightenDir, tightenFile } from './private-files';

/** The folder a restore keeps the database it replaced in (store/database-restore.ts): `loket.db.sebelum-pemulihan-<date>`. */
const REPLACED_BY_RESTORE = '.sebelum-pemulihan-';

/**
 * At every start, before anything opens them: the files Loket keeps beside the database are made
 * readable by their owner only, also those made by an older version or copied back by hand from
 * a USB stick (0644/0755 with a default umask): the lists folder (0700) and everything in it
 * (0600: every edition, a file set aside), the key file and a re-key's next key (0600), and the
 * folders a restore kept the replaced database in (0700, their files 0600). The main file, its
 * -wal and -shm are tightened by openDatabase.
 *
 * POSIX only: on Windows modes mean nothing (tightenFile does nothing there); the user profile's
 * own permissions protect the data folder.
 *
 * Returns the key files beside the database that other users can still read (not this account's files, a file
 * system without modes): the key opens every file, so the administrator is warned.
 */
export function tightenDataFiles(dbPath: string): string[] {
  tightenTree(listsDirOf(dbPath));
  const dir = dirname(dbPath);
  for (const entry of entriesOf(dir)) {
    if (entry.isDirectory() && entry.name.startsWith(basename(dbPath) + REPLACED_BY_RESTORE)) tightenTree(join(dir, entry.name));
  }
  // Only the key file beside the database: a recovery key given with --key-file is the IT officer's, where they keep it.
  return [keyFilePathOf(dbPath), nextKeyPathOf(keyFilePathOf(dbPath))].filter((file) => !tightenFile(file));
}

function tightenTree(dir: string): void {
  if (!tightenDir(dir)) return; // not ours: nothing in it is either
  for (const entry of entriesOf(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) tightenTree(path);
    else if (entry.isFile()) tightenFile(path);
  }
}

function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
