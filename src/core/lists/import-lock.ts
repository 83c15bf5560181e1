/**
 * One list import at a time per database, whichever process runs it (the app, the `loket`
 * command, a second window). Two imports at once would each take a core of a 2-core counter
 * PC, and the second used to fail with "database is locked". The second now waits its turn,
 * and says for whom.
 *
 * The lock is SQLite's own exclusive lock on a small file beside the database: it crosses
 * processes, and the operating system releases it when its holder dies, so a killed import
 * never leaves the next one waiting forever. The holder writes its list's name in a second file
 * (the locked one cannot be read), for the waiting message.
 */
import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { privateDir, privateFile } from '../store/private-files';

const POLL_MS = 250;

export interface ImportLockHolder {
  release(): void;
}

export interface ImportLockOptions {
  /** The main database file: the lock files sit beside it (not among the edition files, which recovery tidies). */
  dbPath: string;
  /** The list this import is for: told to anyone who has to wait. */
  list: string;
  nativeBinding?: string;
  /**
   * Not used for the lock file: it holds no data, and under a key a waiter was told "file is not
   * a database" instead of "busy" while another process held it. Kept so callers need not change.
   */
  key?: string;
  /** Called once when the lock is taken by someone else: the list they import, if known. */
  onWait?: (holder: string | null) => void;
}

export async function acquireImportLock(options: ImportLockOptions): Promise<ImportLockHolder> {
  privateDir(dirname(options.dbPath));
  const lockPath = `${options.dbPath}.import-lock`;
  const ownerPath = `${options.dbPath}.import-owner`;
  privateFile(lockPath);
  let told = false;
  let staleReplaced = false;
  for (;;) {
    const db = new Database(lockPath, { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      writeFileSync(ownerPath, options.list, { mode: 0o600 });
      return {
        release: () => {
          rmSync(ownerPath, { force: true });
          if (db.inTransaction) db.exec('COMMIT');
          db.close();
        },
      };
    } catch (error) {
      db.close();
      const code = (error as { code?: string }).code;
      // A lock file an older version made under the database key: it holds nothing, a plain one replaces it (once).
      if (code === 'SQLITE_NOTADB' && !staleReplaced) {
        staleReplaced = true;
        rmSync(lockPath, { force: true });
        privateFile(lockPath);
        continue;
      }
      if (code !== 'SQLITE_BUSY') throw error;
    }
    if (!told) {
      told = true;
      options.onWait?.(readOwner(ownerPath));
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function readOwner(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').slice(0, 200) || null;
  } catch {
    return null;
  }
}
