import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { secretKeyPath } from '../core-paths';
import { importLockOf } from '../store/cipher-files';
import { backupDirOf } from '../store/database-convert';
import { keyFilePathOf, nextKeyPathOf } from '../store/database-key';
import { listsDirOf } from '../store/edition-store';

/**
 * The files and folders a core lives in: a save (an export, a backup, a recovery key) that
 * lands on one of them destroys the register and the audit trail under the running core. A
 * clerk can pick `loket.db` in a save dialog as easily as any file (the app runs as the clerk's
 * Windows user, who owns the data folder), so every save is checked against this list.
 */
export interface OwnFiles {
  /** Files: the database, its WAL/SHM/journal, its key files, the import lock, the secrets' key. */
  files: string[];
  /** Folders whose whole content is the core's: the list editions, a conversion's plain copy. */
  folders: string[];
}

const SQLITE_SIDES = ['', '-wal', '-shm', '-journal'];

export function ownFilesOf(dbPath: string, keyFile?: string): OwnFiles {
  if (dbPath === '' || dbPath === ':memory:') return { files: [], folders: [] };
  const keys = [keyFilePathOf(dbPath), ...(keyFile ? [keyFile] : [])].flatMap((key) => [key, nextKeyPathOf(key), `${key}.writing`]);
  return {
    files: [
      ...SQLITE_SIDES.map((side) => dbPath + side),
      ...SQLITE_SIDES.map((side) => importLockOf(dbPath) + side),
      `${dbPath}.import-owner`,
      `${dbPath}.encrypting`,
      ...keys,
      secretKeyPath(dbPath),
    ],
    folders: [listsDirOf(dbPath), backupDirOf(dbPath), `${backupDirOf(dbPath)}.partial`, `${backupDirOf(dbPath)}.discard`],
  };
}

/** Whether writing `target` would write one of `own` (or into one of its folders). */
export function isOwnFile(target: string, own: OwnFiles): boolean {
  const path = comparable(canonical(target));
  const files = own.files.map((file) => comparable(canonical(file)));
  if (files.includes(path)) return true;
  for (const folder of own.folders.map((f) => comparable(canonical(f)))) {
    if (path === folder || path.startsWith(folder.endsWith(SEP) ? folder : folder + SEP)) return true;
  }
  // The same file under another name: a hard link, an 8.3 short name on Windows.
  const id = identity(target);
  return id !== null && own.files.some((file) => identity(file) === id);
}

const SEP = process.platform === 'win32' ? '\\' : '/';

/** NTFS and APFS/HFS+ compare names without case by default: LOKET.DB is loket.db there. */
const comparable = (path: string): string => (process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path);

/**
 * The real path a write would reach: symbolic links resolved, also of a file that does not exist
 * yet (its nearest existing folder is resolved and the rest appended), and of a link that points
 * to a file not yet there (the link is followed by hand: writing through it creates its target).
 */
function canonical(path: string, depth = 0): string {
  const absolute = resolve(path);
  try {
    return realpathSync.native(absolute);
  } catch {
    // missing (or a dangling link, or not reachable): resolved piece by piece below
  }
  const parent = dirname(absolute);
  if (parent === absolute) return absolute;
  const realParent = canonical(parent, depth);
  if (depth < 32) {
    try {
      if (lstatSync(absolute).isSymbolicLink()) return canonical(resolve(realParent, readlinkSync(absolute)), depth + 1);
    } catch {
      // not there at all
    }
  }
  return join(realParent, basename(absolute));
}

function identity(path: string): string | null {
  try {
    const s = statSync(path, { bigint: true });
    return s.isFile() ? `${s.dev}:${s.ino}` : null;
  } catch {
    return null;
  }
}
