import { randomBytes } from 'node:crypto';
import type { Db } from './open-database';

/**
 * How a key string becomes SQLCipher's key, in one place (every open, re-key, conversion and
 * transfer goes through here).
 *
 * Two forms of key string exist:
 *   `raw:<64 hex digits>`  a raw 256-bit key, handed to SQLCipher as `x'…'`: no key derivation.
 *                          Every key Loket makes since 2026-11-30 has this form.
 *   anything else          a passphrase, stretched by SQLCipher 4's PBKDF2 (256,000 rounds of
 *                          HMAC-SHA512) at every open: the form of the keys made before, and of
 *                          a passphrase an administrator sets in LOKET_DB_KEY. Still opened as it
 *                          always was, so no database made before becomes unreadable.
 * Why raw: the derivation costs ~100 ms of CPU per file opened (measured here), and Loket opens
 * many files (the main file, every edition, an import's building and staging files); a key of
 * 32 random bytes gains nothing from stretching, which only protects guessable passphrases.
 */
export const RAW_KEY_PREFIX = 'raw:';
const RAW_KEY = /^raw:([0-9a-fA-F]{64})$/;

/** A fresh random key in the raw form: 32 bytes. */
export const newRawKey = (): string => RAW_KEY_PREFIX + randomBytes(32).toString('hex');

/**
 * The key text SQLCipher takes for a key string: `x'…'` for a raw key, else the passphrase.
 * (SQLite3 Multiple Ciphers would also read 'raw:…' as a raw key; `x'…'` is what SQLCipher
 * itself and DB Browser take.)
 */
function keyText(key: string): string {
  const raw = RAW_KEY.exec(key);
  return raw ? `x'${raw[1]!.toLowerCase()}'` : key;
}

/** The SQL literal PRAGMA key/rekey takes for a key string. */
export function keyLiteral(key: string): string {
  const text = keyText(key);
  return text === key ? `'${key.replace(/'/g, "''")}'` : `"${text}"`;
}

/**
 * Attaches another file of the same key to a connection (its cipher settings carry over).
 */
export function attachFile(db: Db, path: string, schema: string, key: string | undefined): void {
  if (!key) {
    db.prepare(`ATTACH ? AS ${schema}`).run(path);
    return;
  }
  db.prepare(`ATTACH ? AS ${schema} KEY ?`).run(path, keyText(key));
}

/** SQLCipher 4's format (SQLite3 Multiple Ciphers' `sqlcipher` scheme, legacy 4): what DB Browser for SQLite and sqlcipher open. */
export function useSqlcipher(db: Db): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
}

/** Unlocks an encrypted file on this connection (checked at its first read). */
export function setKey(db: Db, key: string): void {
  useSqlcipher(db);
  db.pragma(`key=${keyLiteral(key)}`);
}

/** Rewrites every page of the connection's file under `key` (undefined: plain). The connection must not be in WAL. */
export function rekeyTo(db: Db, key: string | undefined): void {
  useSqlcipher(db);
  db.pragma(`rekey=${key ? keyLiteral(key) : "''"}`);
}
