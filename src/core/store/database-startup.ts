import { ConversionFailed, convertToEncrypted, recoverConversion, type FileSetAside } from './database-convert';
import { databaseFileState } from './database-key';
import { finishRekey } from './database-rekey';
import { tightenDataFiles } from './tighten-data-files';

/** What createCore is told about the key (CoreConfig's key fields). */
export interface KeyedStart {
  dbPath: string;
  key?: string;
  nextKey?: string;
  keyFile?: { path: string; sealed: boolean };
  convertPlain?: boolean;
  nativeBinding?: string;
}

export interface StartedKey {
  /** The key the database opens with now (undefined: plain). */
  key: string | undefined;
  /** 'converted': this start encrypted a plain database; 'failed': it tried, and the database stayed plain. */
  conversion: 'converted' | 'failed' | null;
  /** The file a failed conversion could not encrypt, and why (SQLite's words). */
  failed?: { file: string; cause: string };
  /** Edition files this start's conversion could not read, set aside plain (never deleted). */
  setAside: FileSetAside[];
  /** Key files beside the database that other users of the PC can still read (tighten-data-files.ts). */
  looseKeyFiles: string[];
}

/**
 * Before the database opens: the files beside it are made private (tighten-data-files.ts), a
 * re-key or a conversion a crash interrupted is finished or undone, and a plain database the key
 * management found without a key file is encrypted. An edition file that cannot be read is set
 * aside and the rest encrypted; when the main file cannot be, the database stays plain and
 * working (an emergency is never blocked by it), the status says which file, and the next start
 * tries again. The caller words what it finds (security-notices.ts): nothing is printed here.
 */
export function readyDatabaseFiles(start: KeyedStart, now: Date = new Date()): StartedKey {
  if (start.dbPath === ':memory:' || databaseFileState(start.dbPath) === 'missing') return { key: start.key, conversion: null, setAside: [], looseKeyFiles: [] };
  const looseKeyFiles = tightenDataFiles(start.dbPath);
  const options = start.nativeBinding ? { nativeBinding: start.nativeBinding } : {};
  let key = start.key;
  if (key && start.nextKey && start.keyFile) {
    if (finishRekey(start.dbPath, start.keyFile.path, key, start.nextKey, options)) key = start.nextKey;
  }
  // A conversion cut short is undone first (the plain files come back): then it runs again, whatever the header said before.
  const rolledBack = recoverConversion(start.dbPath) === 'rolled-back';
  if (!key || !(start.convertPlain || rolledBack) || databaseFileState(start.dbPath) !== 'plain') return { key, conversion: null, setAside: [], looseKeyFiles };
  try {
    const setAside = convertToEncrypted(start.dbPath, key, options, now);
    return { key, conversion: 'converted', setAside, looseKeyFiles };
  } catch (error) {
    if (!(error instanceof ConversionFailed)) throw error;
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    return { key: undefined, conversion: 'failed', failed: { file: error.file, cause }, setAside: [], looseKeyFiles };
  }
}
