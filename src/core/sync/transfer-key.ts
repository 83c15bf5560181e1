import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { applyKey } from '../store/edition-store';
import { rekeyTo } from '../store/sqlcipher';

/**
 * The key of an edition's travelling copy. Each counter encrypts its files with its own key and
 * the hub has none of them, so the copy that travels (counter → hub → counters, district hub →
 * facility hubs) is encrypted with a key of its own: 32 random bytes (hex), made by the counter
 * that uploads it, sent with the upload's headers over the pinned TLS connection, kept by the
 * hub with the edition (hub_editions.transfer_key) and handed with the manifest to the enrolled
 * counters that may fetch it. No counter ever writes an unencrypted copy of an edition to disk:
 * the copy is made with the counter's key and re-keyed to the transfer key in place; a received
 * copy is re-keyed from the transfer key to the counter's own key before it is installed.
 */
export const newTransferKey = (): string => randomBytes(32).toString('hex');

/**
 * Re-keys a SQLite file nobody else has open, in place: from `fromKey` (undefined: the file is
 * plain) to `toKey` (undefined: plain, for a counter that does not encrypt its files). SQLCipher's
 * rekey rewrites every page, so the old pages are overwritten, not left beside the new ones.
 */
export function rekeyFile(path: string, fromKey: string | undefined, toKey: string | undefined, nativeBinding?: string): void {
  if (fromKey === toKey) return;
  const db = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    if (fromKey) applyKey(db, fromKey);
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // a wrong key fails here, before any page is rewritten
    rekeyTo(db, toKey);
  } finally {
    db.close();
  }
}
