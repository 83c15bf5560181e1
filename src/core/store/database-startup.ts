import { ConversionFailed, convertToEncrypted, recoverConversion } from './database-convert';
import { databaseFileState } from './database-key';
import { finishRekey } from './database-rekey';

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
}

/**
 * Before the database opens: a re-key or a conversion a crash interrupted is finished or undone,
 * and a plain database the key management found without a key file is encrypted. A failed
 * conversion leaves the database plain and working (an emergency is never blocked by it); the
 * status says so and the next start tries again.
 */
export function readyDatabaseFiles(start: KeyedStart): StartedKey {
  if (start.dbPath === ':memory:' || databaseFileState(start.dbPath) === 'missing') return { key: start.key, conversion: null };
  const options = start.nativeBinding ? { nativeBinding: start.nativeBinding } : {};
  let key = start.key;
  if (key && start.nextKey && start.keyFile) {
    if (finishRekey(start.dbPath, start.keyFile.path, key, start.nextKey, options)) key = start.nextKey;
  }
  // A conversion cut short is undone first (the plain files come back): then it runs again, whatever the header said before.
  const rolledBack = recoverConversion(start.dbPath) === 'rolled-back';
  if (!key || !(start.convertPlain || rolledBack) || databaseFileState(start.dbPath) !== 'plain') return { key, conversion: null };
  try {
    convertToEncrypted(start.dbPath, key, options);
    return { key, conversion: 'converted' };
  } catch (error) {
    if (!(error instanceof ConversionFailed)) throw error;
    console.error('Loket: the database stays plain for now:', error.message);
    return { key: undefined, conversion: 'failed' };
  }
}
