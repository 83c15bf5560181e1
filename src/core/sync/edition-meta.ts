import { createHash } from 'node:crypto';
import { listKindSchema, type ListKind } from '../../shared/lists';
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

/** Bumped if the canonical form ever changes: a file hashed another way is then told apart. */
export const CONTENT_HASH_VERSION = '1';

const MEMBER_COLUMNS = 'id, nik, card, dob, flags, name, detail, row, name_keys';
/** Rows per hash update: one update per row costs more than the hashing itself. */
const ROWS_PER_UPDATE = 4096;

/**
 * SHA-256 over every member row in id order, each value written as `<type><length>:<text>` so
 * no value can borrow another's bytes (the packed `detail` holds unit separators of its own).
 * The ids are part of it: the name index points to members by id. One sequential scan of the
 * table (measured in test/bench/edition-content-hash.bench.ts).
 */
export function contentHashOf(db: Db): { contentHash: string; members: number } {
  const hash = createHash('sha256');
  hash.update(`loket-edition-content-v${CONTENT_HASH_VERSION}\n`);
  let members = 0;
  let chunk = '';
  let inChunk = 0;
  const rows = db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${MEMBERS} ORDER BY id`).raw(true).iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    for (const value of row) chunk += encodeValue(value);
    chunk += '\n';
    members++;
    if (++inChunk === ROWS_PER_UPDATE) {
      hash.update(chunk);
      chunk = '';
      inChunk = 0;
    }
  }
  hash.update(chunk);
  return { contentHash: hash.digest('hex'), members };
}

function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return 'N;';
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    return `I${text.length}:${text}`;
  }
  const text = String(value);
  return `T${text.length}:${text}`;
}

const META_KEYS = ['list', 'kind', 'asOf', 'members', 'sourceFile', 'sourceSha256', 'sourceFormat', 'contentHash'] as const;

/** Writes the metadata into the file's edition_meta (created by openBuildingFile; created here if absent). */
export function writeEditionMeta(db: Db, meta: EditionMeta): void {
  db.exec('CREATE TABLE IF NOT EXISTS edition_meta (key TEXT PRIMARY KEY, value TEXT)');
  const put = db.prepare('INSERT OR REPLACE INTO edition_meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (const key of META_KEYS) put.run(key, String(meta[key]));
    put.run('contentHashVersion', CONTENT_HASH_VERSION);
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
  if (values.get('contentHashVersion') !== CONTENT_HASH_VERSION) return null;
  const text = (key: string): string | null => {
    const v = values.get(key);
    return typeof v === 'string' && v.length > 0 ? v : null;
  };
  const list = text('list');
  const kind = listKindSchema.safeParse(text('kind'));
  const asOf = text('asOf');
  const members = Number(text('members'));
  const sourceFile = text('sourceFile');
  const sourceSha256 = text('sourceSha256');
  const sourceFormat = text('sourceFormat');
  const contentHash = text('contentHash');
  if (!list || !kind.success || !asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !Number.isSafeInteger(members) || members < 0) return null;
  if (!sourceFile || !sourceSha256 || !sourceFormat || !contentHash || !/^[0-9a-f]{64}$/.test(contentHash)) return null;
  return { list, kind: kind.data, asOf, members, sourceFile, sourceSha256, sourceFormat, contentHash };
}

/** Called by the import once the rows are final (after duplicates are dropped), before the seal. */
export function stampEdition(db: Db, source: Omit<EditionMeta, 'members' | 'contentHash'>): EditionMeta {
  const meta: EditionMeta = { ...source, ...contentHashOf(db) };
  writeEditionMeta(db, meta);
  return meta;
}
