import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { DatabaseKeyError, diagnoseNotADatabase } from './database-key-error';
import { privateDir, privateFile, tightenFile } from './private-files';
import { applyKey, registerEditionStore } from './edition-store';
import { migrate } from './migrations';
import { refreshLooseNames } from '../patients/loose-name-keys';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Encryption key (SQLCipher-compatible). Without one the file is plain SQLite. */
  key?: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron passes its own ABI build). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the Loket database at `path`, unlocks it, applies pending
 * migrations and sets the pragmas every connection needs. Throws DatabaseTooNewError when the
 * file was written by a newer Loket: opening it would risk corrupting data we do not understand.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) {
    privateDir(dirname(path));
    privateFile(path);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) tightenFile(file);
  }
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyKey(db, options.key);
    // Touch the schema now so a wrong key fails here with a clear error, not on first query.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // FULL: a registration is on disk when the clerk sees its number (WAL + NORMAL could lose
      // the last commits on a power cut). Cheap now that imports write to files of their own.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    if (!options.readonly) {
      migrate(db);
      // The duplicate check's stored name forms, made again when their definition changed.
      refreshLooseNames(db);
    }
    registerEditionStore(db, path, options);
    return db;
  } catch (error) {
    db.close();
    // "file is not a database" says nothing of keys: tell which of the key cases it is.
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB' && path !== ':memory:') throw new DatabaseKeyError(diagnoseNotADatabase(path, Boolean(options.key)), path);
    throw error;
  }
}

