import { databaseFileState } from './file-head';

/**
 * Why SQLite said "file is not a database", in the terms an IT officer can act on. A plain
 * SQLite file starts with "SQLite format 3\0"; an encrypted one (SQLCipher) looks like noise.
 *   wrong-key      a key was given and the file is encrypted: it is the other key
 *   key-missing    no key was given but the file is encrypted
 *   not-encrypted  a key was given but the file is plain SQLite
 *   not-a-database the file is neither (another program's file, or damaged)
 * and, found by the key management before SQLite opens anything (store/database-key.ts):
 *   database-missing  a key file shows a database was here, but the database file is gone
 *   key-sealed        the key file is sealed by an OS key store this program cannot reach (the CLI)
 *   key-file-damaged  the key file holds no key
 */
export type DatabaseKeyProblem = 'wrong-key' | 'key-missing' | 'not-encrypted' | 'not-a-database' | 'database-missing' | 'key-sealed' | 'key-file-damaged';

export class DatabaseKeyError extends Error {
  constructor(
    readonly problem: DatabaseKeyProblem,
    readonly path: string,
  ) {
    super(`cannot open ${path}: ${problem}`);
    this.name = 'DatabaseKeyError';
  }
}

export function diagnoseNotADatabase(path: string, keyGiven: boolean): DatabaseKeyProblem {
  let state;
  try {
    state = databaseFileState(path);
  } catch {
    return 'not-a-database';
  }
  if (state === 'plain') return keyGiven ? 'not-encrypted' : 'not-a-database';
  if (state !== 'encrypted') return 'not-a-database';
  return keyGiven ? 'wrong-key' : 'key-missing';
}
