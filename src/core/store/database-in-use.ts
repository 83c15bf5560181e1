import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { importLockOf } from './cipher-files';
import { privateFile } from './private-files';

/**
 * Whether another process has the database open (the app's core, the harness, a `loket`
 * command, DB Browser), told without its key: a restore must not replace files under a running
 * core, and the database to be replaced may be one nobody can open any more (that is often why
 * it is restored), or be sealed by Windows where only the app can unseal its key.
 *
 * SQLite in WAL mode keeps a shared lock on the database file and on its `-shm` for as long as a
 * connection is open; the operating system drops it when the process dies (a killed app holds
 * nothing). Where those locks can be read without SQLite:
 *   - Linux: /proc/locks lists every POSIX lock by device and inode;
 *   - macOS: `lsof` names the processes holding the files open;
 *   - Windows: SQLite opens its files without FILE_SHARE_DELETE, so renaming `loket.db` away
 *     fails while any process has it open; the restore moves it first (database-restore.ts) and
 *     treats that refusal as "in use", before anything else has moved.
 */
export function databaseFilesInUse(dbPath: string, options: { importLock: boolean } = { importLock: true }): boolean {
  const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, ...(options.importLock ? [importLockOf(dbPath)] : [])].filter((file) => existsSync(file));
  if (files.length === 0) return false;
  if (process.platform === 'linux') return lockedOnLinux(files);
  if (process.platform === 'darwin') return openOnMac(files);
  return false;
}

/** Whether /proc/locks holds a lock on one of the files. */
function lockedOnLinux(files: string[], locks = readProcLocks()): boolean {
  if (locks === null) return false;
  const held = lockedFiles(locks);
  return files.some((file) => {
    const { dev, ino } = statSync(file);
    return held.has(fileId(dev, ino));
  });
}

/**
 * The files /proc/locks shows a lock on, as `major:minor:inode` (decimal). Its lines read
 * `1: POSIX  ADVISORY  READ 29921 fe:00:4243539 128 128`: device in hex, inode in decimal.
 */
export function lockedFiles(procLocks: string): Set<string> {
  const held = new Set<string>();
  for (const line of procLocks.split('\n')) {
    const m = /\s([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (m) held.add(`${parseInt(m[1]!, 16)}:${parseInt(m[2]!, 16)}:${m[3]}`);
  }
  return held;
}

/** A file as /proc/locks names it, from stat's dev and ino. Linux's dev_t: major in bits 8-19, minor in bits 0-7 and 20-31. */
export function fileId(dev: number, ino: number): string {
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & 0xfff00);
  return `${major}:${minor}:${ino}`;
}

function readProcLocks(): string | null {
  try {
    return readFileSync('/proc/locks', 'utf8');
  } catch {
    return null;
  }
}

function openOnMac(files: string[]): boolean {
  try {
    // Exit 0 with PIDs when a process has one of them open; 1 when none does.
    return execFileSync('lsof', ['-t', '--', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}

/**
 * The import lock (lists/import-lock.ts) taken without waiting, for the length of a restore: an
 * import running in another process is "in use", and none can start while the files are swapped.
 * Null when another process holds it.
 */
export function tryImportLock(dbPath: string, nativeBinding?: string): { release(): void } | null {
  const lockPath = importLockOf(dbPath);
  privateFile(lockPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    const db = new Database(lockPath, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      return {
        release: () => {
          if (db.inTransaction) db.exec('COMMIT');
          db.close();
        },
      };
    } catch (error) {
      db.close();
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
      // An old lock file made under a key holds nothing: a plain one replaces it, as an import does.
      if (code !== 'SQLITE_NOTADB' || attempt > 0) throw error;
      rmSync(lockPath, { force: true });
      privateFile(lockPath);
    }
  }
  return null;
}
