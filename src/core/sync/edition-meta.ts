import { createHash } from 'node:crypto';
import { LIST_KINDS, type ListKind } from '../../shared/lists';
import { hasDobLists } from '../lists/dob-lists';
import { MEMBERS } from '../lists/member-table';
import type { Db } from '../store/open-database';

/**
 * What a finished edition file says about itself, in its table `edition_meta` (key, value), so
 * the file can travel (counter → hub → other counters, district hub → facility hubs) and be
 * checked on arrival without the main database it was built beside.
 */
export interface EditionMeta {
  list: string;
  kind: ListKind;
  asOf: string;
  /** Rows in `members`. */
  members: number;
  sourceFile: string;
  sourceSha256: string;
  sourceFormat: string;
  /** SHA-256 (hex) of the canonical form of `members` (contentHashOf). */
  contentHash: string;
}

/**
 * The edition's format, which its content hash is made under (contentHashOf) and its metadata
 * carries as `contentHashVersion`:
 * - '1': birth dates are found through a token in the FTS5 name index;
 * - '2': through the birth-date lists (lists/dob-lists.ts) instead; the name index has no such token.
 * A file's format follows from its tables, and the hash covers it, so metadata that claims
 * another format than the file has fails the hash check. A Loket from before format 2 reads
 * only '1' and refuses a format-2 file ('edition/no-meta') rather than search it for a token it
 * lacks, where every search with a birth date would find nobody.
 */
export const EDITION_FORMATS = ['1', '2'] as const;
export type EditionFormat = (typeof EDITION_FORMATS)[number];

export const editionFormatOf = (db: Db): EditionFormat => (hasDobLists(db) ? '2' : '1');

/** The format a file's metadata declares (checked against editionFormatOf by the verification). */
export const declaredFormatOf = (db: Db): string | undefined =>
  db.prepare(`SELECT value FROM edition_meta WHERE key = 'contentHashVersion'`).pluck().get() as string | undefined;

const MEMBER_COLUMNS = ['id', 'nik', 'card', 'dob', 'flags', 'name', 'detail', 'row', 'name_keys'];
/** Rows per page: one query and one hash update per page keeps the per-row work inside SQLite. */
const ROWS_PER_PAGE = 16_384;

/**
 * SHA-256 over the canonical form of `members`: one line per row in id order, each value as
 * SQLite's quote() writes it (integers as digits, text single-quoted with quotes doubled, NULL
 * as NULL), so no value can borrow another's bytes (the packed `detail` holds separators of its
 * own). The ids are part of it: the name index points to members by id. The lines are built by
 * SQLite a page at a time (group_concat), which costs about as much as reading the table once;
 * measured by test/bench/edition-transfer.ts.
 */
export function contentHashOf(db: Db): { contentHash: string; members: number } {
  const hash = createHash('sha256');
  hash.update(`loket-edition-content-v${editionFormatOf(db)}\n`);
  const line = MEMBER_COLUMNS.map((c) => `quote(${c})`).join(`||','||`);
  const page = db.prepare(
    `SELECT max(id) AS last, count(*) AS n, CAST(group_concat(${line}, char(10) ORDER BY id) AS BLOB) AS text
     FROM (SELECT * FROM ${MEMBERS} WHERE id > ? ORDER BY id LIMIT ${ROWS_PER_PAGE})`,
  );
  let members = 0;
  let last = Number.MIN_SAFE_INTEGER;
  for (;;) {
    // As a BLOB the page's UTF-8 bytes reach the hash as they are: no round trip through a JS string (~20% of the time).
    const { last: pageLast, n, text } = page.get(last) as { last: number | null; n: number; text: Buffer | null };
    if (pageLast === null || text === null) break;
    hash.update(text);
    hash.update('\n');
    members += n;
    last = pageLast;
  }
  // Rows the pages cannot reach (ids below the first page's bound: only a forged file has them) must not go unhashed.
  const total = db.prepare(`SELECT count(*) FROM ${MEMBERS}`).pluck().get() as number;
  if (total !== members) throw new Error(`members outside the hashable id range: ${total - members}`);
  return { contentHash: hash.digest('hex'), members };
}

const META_KEYS = ['list', 'kind', 'asOf', 'members', 'sourceFile', 'sourceSha256', 'sourceFormat', 'contentHash'] as const;

/** Writes the metadata into the file's edition_meta (created by openBuildingFile; created here if absent). */
export function writeEditionMeta(db: Db, meta: EditionMeta): void {
  db.exec('CREATE TABLE IF NOT EXISTS edition_meta (key TEXT PRIMARY KEY, value TEXT)');
  const put = db.prepare('INSERT OR REPLACE INTO edition_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const key of META_KEYS) put.run(key, String(meta[key]));
    put.run('contentHashVersion', editionFormatOf(db));
  })();
}

/** The metadata a file carries, or null when any of it is missing or malformed (a file from before, or forged). */
export function readEditionMeta(db: Db): EditionMeta | null {
  let rows: { key: string; value: string | null }[];
  try {
    rows = db.prepare('SELECT key, value FROM edition_meta').all() as { key: string; value: string | null }[];
  } catch {
    return null;
  }
  const values = new Map(rows.map((r) => [r.key, r.value]));
  if (!EDITION_FORMATS.some((f) => f === values.get('contentHashVersion'))) return null;
  const text = (key: string): string | null => {
    const v = values.get(key);
    return typeof v === 'string' && v.length > 0 ? v : null;
  };
  const list = text('list');
  // A plain check, not the contract's zod schema: the import's worker thread loads this file, and zod costs it ~75 ms.
  const kindText = text('kind');
  const kind = LIST_KINDS.find((k) => k === kindText);
  const asOf = text('asOf');
  const members = Number(text('members'));
  const sourceFile = text('sourceFile');
  const sourceSha256 = text('sourceSha256');
  const sourceFormat = text('sourceFormat');
  const contentHash = text('contentHash');
  if (!list || !kind || !asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !Number.isSafeInteger(members) || members < 0) return null;
  if (!sourceFile || !sourceSha256 || !sourceFormat || !contentHash || !/^[0-9a-f]{64}$/.test(contentHash)) return null;
  return { list, kind, asOf, members, sourceFile, sourceSha256, sourceFormat, contentHash };
}

export type EditionIdentity = Omit<EditionMeta, 'members' | 'contentHash'>;

/**
 * Called by the import before the seal: what the file is (list, kind, as-of, source). Not the
 * content hash: it costs a full read of the members (seconds at 1M rows) that a clerk waiting
 * for the import would pay for, and only a file that travels needs it. The portable copy made
 * for an upload computes it (edition-portable.ts), and the hub and the receiving counter check it.
 */
export function stampEditionIdentity(db: Db, identity: EditionIdentity): void {
  db.exec('CREATE TABLE IF NOT EXISTS edition_meta (key TEXT PRIMARY KEY, value TEXT)');
  const put = db.prepare('INSERT OR REPLACE INTO edition_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const key of ['list', 'kind', 'asOf', 'sourceFile', 'sourceSha256', 'sourceFormat'] as const) put.run(key, identity[key]);
  })();
}

/** The source format an import stamped, when the file has one. */
export function stampedSourceFormat(db: Db): string | null {
  try {
    return (db.prepare(`SELECT value FROM edition_meta WHERE key = 'sourceFormat'`).pluck().get() as string | undefined) ?? null;
  } catch {
    return null;
  }
}
