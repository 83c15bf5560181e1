import Database from 'better-sqlite3';
import { applyKey } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { DOB_LISTS, dobListsWhole } from '../lists/dob-lists';
import { keyTablesOf, type KeyTable } from '../lists/key-tables';
import { MEMBERS, NAMES } from '../lists/member-table';
import { EDITION_FORMATS, contentHashOf, declaredFormatOf, editionFormatOf, readEditionMeta, type EditionMeta } from './edition-meta';

export type EditionFileProblem =
  /** Not a SQLite file, or not readable with the key given. */
  | 'edition/unreadable'
  /** A table of an edition is missing, or something that does not belong in one is there. */
  | 'edition/bad-schema'
  /** SQLite finds the file damaged (pages, indexes). */
  | 'edition/damaged'
  /** edition_meta is missing or malformed. */
  | 'edition/no-meta'
  /** Its metadata declares a format this Loket does not know (edition-meta.ts): made by a newer one. */
  | 'edition/newer-format'
  /** The members do not hash to the content hash the file declares, or are not as many, or the file is not of the format it declares. */
  | 'edition/content-hash-mismatch';

export type EditionFileCheck = { ok: true; meta: EditionMeta } | { ok: false; code: EditionFileProblem };

const REQUIRED_TABLES = [MEMBERS, NAMES, 'import_issues', 'edition_meta'];

/**
 * A key table (key-tables.ts) holds exactly each member's (key, id): SQLite's check of its
 * B-tree, then the same pairs on both sides (a look-up joins on the member's own key, so a
 * wrong entry could only hide a member; this finds that before the edition is used).
 */
function keyTableWhole(db: Db, key: KeyTable): boolean {
  const { kind, table, column } = key;
  if (db.pragma(`integrity_check(${table})`, { simple: true }) !== 'ok') return false;
  const withKey = db.prepare(`SELECT count(*) FROM ${MEMBERS} WHERE ${kind} IS NOT NULL`).pluck().get() as number;
  const entries = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (withKey !== entries) return false;
  // Probed in the members' order: the members are read once, front to back, and the key
  // table's pages stay in a cache made to hold them (~40 bytes an entry; each probe hits a
  // random page, and a page read again is decrypted again). In the key table's order every probe
  // read a random page of the members instead: 27–50 s for 1 M members, against ~2 s.
  db.pragma(`cache_size = -${Math.max(65_536, Math.ceil((entries * 40) / 1024))}`);
  const matching = db
    .prepare(`SELECT count(*) FROM ${MEMBERS} m WHERE m.${kind} IS NOT NULL AND EXISTS (SELECT 1 FROM ${table} k WHERE k.${column} = ${key.keyOf(`m.${kind}`)} AND k.id = m.id)`)
    .pluck()
    .get() as number;
  return matching === entries;
}

/** Whether the file declares a format later than every one this Loket knows (a number, unlike a forged or broken value). */
function isNewerFormat(db: Db): boolean {
  try {
    const declared = Number(declaredFormatOf(db));
    return Number.isSafeInteger(declared) && EDITION_FORMATS.every((known) => declared > Number(known));
  } catch {
    return false;
  }
}

/**
 * Whether a file is an edition Loket can use as it is: opened read-only (with the key if it is
 * encrypted), its tables there and nothing unexpected (no view or trigger), SQLite's own
 * integrity check of the members table and its indexes, and the content hash recomputed from
 * the rows and compared with the one its metadata declares. Never throws for a bad file.
 */
export function verifyEditionFile(path: string, key?: string, nativeBinding?: string): EditionFileCheck {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return { ok: false, code: 'edition/unreadable' };
  }
  try {
    return check(db, key);
  } finally {
    db.close();
  }
}

function check(db: Db, key: string | undefined): EditionFileCheck {
  let objects: { type: string; name: string }[];
  try {
    applyKey(db, key);
    objects = db.prepare('SELECT type, name FROM sqlite_master').all() as { type: string; name: string }[];
    // The checks below read every page, the indexes' and key tables' by random access: with the
    // default cache each page was read and decrypted many times (1 M members: 23 s for an edition
    // with indexes). 64 MB holds a 1 M-member key table; the cache goes with the connection.
    db.pragma('cache_size = -65536');
    db.pragma('query_only = ON');
  } catch {
    return { ok: false, code: 'edition/unreadable' };
  }
  const tables = new Set(objects.filter((o) => o.type === 'table').map((o) => o.name));
  if (!REQUIRED_TABLES.every((t) => tables.has(t))) return { ok: false, code: 'edition/bad-schema' };
  if (objects.some((o) => o.type === 'view' || o.type === 'trigger')) return { ok: false, code: 'edition/bad-schema' };
  try {
    const result = db.pragma(`integrity_check(${MEMBERS})`, { simple: true });
    if (result !== 'ok') return { ok: false, code: 'edition/damaged' };
    for (const key of Object.values(keyTablesOf(db))) if (key !== null && !keyTableWhole(db, key)) return { ok: false, code: 'edition/damaged' };
    if (tables.has(DOB_LISTS) && !dobListsWhole(db)) return { ok: false, code: 'edition/damaged' };
  } catch {
    return { ok: false, code: 'edition/damaged' };
  }
  const meta = readEditionMeta(db);
  if (!meta) return { ok: false, code: isNewerFormat(db) ? 'edition/newer-format' : 'edition/no-meta' };
  let computed: { contentHash: string; members: number };
  try {
    computed = contentHashOf(db);
  } catch {
    return { ok: false, code: 'edition/bad-schema' }; // a members table without the columns of one
  }
  if (computed.contentHash !== meta.contentHash || computed.members !== meta.members) return { ok: false, code: 'edition/content-hash-mismatch' };
  // The hash is made under the file's own format; metadata declaring another would pass an older Loket's check of it.
  if (declaredFormatOf(db) !== editionFormatOf(db)) return { ok: false, code: 'edition/content-hash-mismatch' };
  return { ok: true, meta };
}
