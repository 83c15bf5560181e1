/**
 * The NIK and card indexes of an edition, as tables built from keys kept during the load.
 *
 * An edition used to get two B-tree indexes after its load, each a CREATE INDEX on the edition's
 * connection, one after the other (one writer per file) while the other core idled: 1.2–1.8 s
 * each per million members, about half of it SQLite's sort, and each a scan of the whole table.
 * They are now tables, `members_by_nik_number (nik_number, id)` and `members_by_card (card, id)`,
 * WITHOUT ROWID: B-trees keyed exactly as the indexes were. The writer keeps each member's NIK
 * and card as it loads (KeyColumn: two 32-bit halves a key, ids implicit), sorts them when the
 * load ends (sortedKeys: a radix sort, ~0.1 s per million) and writes each table in key order,
 * which SQLite appends without searching: the NIK table into the edition file on the import's
 * thread, the card table at the same time into the staging file on the name index's thread
 * (names-aside.ts), copied in afterwards (~0.1 s).
 *
 * The NIK table keys a NIK by a number, not its text: 16 digits bound as text cost SQLite and
 * the binding ~2.5 times as much as an integer (1 M sorted keys into an encrypted table: 1.0–1.2 s
 * against 0.36–0.45 s), and take 30 % more pages. A NIK's value can exceed 2^53, JavaScript's
 * exact integers, so the table holds the NIK minus 10^15 (NIK_NUMBER_OFFSET): every 16-digit
 * string then lands exactly within ±2^53, and SQL computes the same number from the text with
 * CAST (64-bit). Editions of the first version with key tables have the text table `members_by_nik (nik, id)`
 * instead; editions from before that have the indexes `members_nik`, `members_card`. Look-ups,
 * the duplicate search and the verification read all three kinds (keyTablesOf).
 *
 * Look-ups and the duplicate search reach members through these tables (`keyLookupSql`). A
 * table only ever narrows: a look-up joins on the member's own NIK or card too, so an entry that
 * does not match its member (a damaged or forged file) shows nobody it should not; the
 * verification of a fetched edition checks every entry (sync/edition-verify.ts).
 */
import type { Db } from '../store/open-database';
import { MEMBERS } from './member-table';
import { PairInserter } from './pair-inserter';

export type KeyKind = 'nik' | 'card';

/** A key table: its name, its key column, and the SQL of that key for a member's NIK or card expression. */
export interface KeyTable {
  kind: KeyKind;
  table: string;
  column: string;
  keyOf(expression: string): string;
}

/** What the NIK table holds for a NIK: its number minus this (see above). */
export const NIK_NUMBER_OFFSET = 1e15;
const OFFSET_SQL = '1000000000000000';

/** The key tables an import writes today. */
export const KEY_TABLE: Record<KeyKind, KeyTable> = {
  nik: { kind: 'nik', table: 'members_by_nik_number', column: 'nik_number', keyOf: (e) => `CAST(${e} AS INTEGER) - ${OFFSET_SQL}` },
  card: { kind: 'card', table: 'members_by_card', column: 'card', keyOf: (e) => e },
};

/** The NIK table of the first version with key tables: the NIK as text. Read, never written. */
export const TEXT_NIK_TABLE: KeyTable = { kind: 'nik', table: 'members_by_nik', column: 'nik', keyOf: (e) => e };

export function createKeyTableSql(kind: KeyKind): string {
  const { table, column } = KEY_TABLE[kind];
  return `CREATE TABLE ${table} (${column} INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (${column}, id)) WITHOUT ROWID`;
}

/** Which key tables an edition file has (null: an edition from before them, with indexes). */
export function keyTablesOf(db: Db): Record<KeyKind, KeyTable | null> {
  const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  const has = (t: KeyTable): KeyTable | null => (tables.has(t.table) ? t : null);
  return { nik: has(KEY_TABLE.nik) ?? has(TEXT_NIK_TABLE), card: has(KEY_TABLE.card) };
}

/**
 * The members whose NIK or card is the one parameter, as FROM … over `m`, for any kind of
 * edition file. The parameter is read once (`q`), since the key table may need it as a number
 * and the member's own column as it is.
 */
export function keyLookupSql(kind: KeyKind, table: KeyTable | null): string {
  if (table === null) return `${MEMBERS} m WHERE m.${kind} = ?`;
  return `(SELECT ? AS v) q JOIN ${table.table} k ON k.${table.column} = ${table.keyOf('q.v')} JOIN ${MEMBERS} m ON m.id = k.id AND m.${kind} = q.v`;
}

/**
 * A key split in two decimal halves, each below 10^8 (< 2^27): a NIK's 16 digits as 8 + 8, a
 * card's 13 as 5 + 8. Compared half by half they order as the whole key does (a NIK always has
 * 16 digits, so text order is number order).
 */
const HALF = 1e8;

export function nikHalves(nik: string): [hi: number, lo: number] {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 8; i++) hi = hi * 10 + nik.charCodeAt(i) - 48;
  for (let i = 8; i < 16; i++) lo = lo * 10 + nik.charCodeAt(i) - 48;
  return [hi, lo];
}

export const nikOfHalves = (hi: number, lo: number): string => String(hi).padStart(8, '0') + String(lo).padStart(8, '0');
/** What the NIK table holds for the NIK of these halves: exact, since |result| < 9.0000001e15 < 2^53. */
export const nikNumberOfHalves = (hi: number, lo: number): number => (hi - NIK_NUMBER_OFFSET / HALF) * HALF + lo;
export const cardOfHalves = (hi: number, lo: number): number => hi * HALF + lo;

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
/** A member without this key. */
const NONE = 0xffffffff;

/** The keys of a load, by id (id 1 first), in chunks (no doubling, no copy as it grows). */
export interface TakenKeys {
  hi: Uint32Array[];
  lo: Uint32Array[];
  count: number;
}

/** Each member's key as the rows load, 8 bytes a member. */
export class KeyColumn {
  private hi: Uint32Array[] = [];
  private lo: Uint32Array[] = [];
  private count = 0;

  /** `id`s come in ascending order, each once. */
  set(id: number, hi: number, lo: number): void {
    const chunk = (id - 1) >>> CHUNK_BITS;
    while (this.hi.length <= chunk) {
      this.hi.push(new Uint32Array(CHUNK).fill(NONE));
      this.lo.push(new Uint32Array(CHUNK));
    }
    const at = (id - 1) & (CHUNK - 1);
    this.hi[chunk]![at] = hi;
    this.lo[chunk]![at] = lo;
    if (id > this.count) this.count = id;
  }

  setNik(id: number, nik: string | null): void {
    if (nik !== null) this.set(id, ...nikHalves(nik));
  }

  setCard(id: number, card: number | null): void {
    if (card !== null) this.set(id, Math.floor(card / HALF), card % HALF);
  }

  /** Everything kept (its buffers can be transferred to another thread); the column is empty after. */
  take(): TakenKeys {
    const taken = { hi: this.hi, lo: this.lo, count: this.count };
    this.hi = [];
    this.lo = [];
    this.count = 0;
    return taken;
  }
}

export const transferablesOfKeys = (keys: TakenKeys): ArrayBuffer[] => [...keys.hi, ...keys.lo].map((a) => a.buffer as ArrayBuffer);

const DIGIT_BITS = 14;
const DIGITS = 1 << DIGIT_BITS;

/** The members that have a key, ordered by key then id: their ids and the key's halves side by side. */
export interface SortedKeys {
  ids: Int32Array;
  hi: Uint32Array;
  lo: Uint32Array;
}

/**
 * The keys kept, in key order: a stable LSD radix sort, two 14-bit digits per half (lo first).
 * Each pass moves the halves with the ids, so it reads its input in order: looking each id's key
 * up in the columns instead (random reads over 8 MB per million) took twice as long.
 */
export function sortedKeys(keys: TakenKeys): SortedKeys {
  let withKey = 0;
  forEachKept(keys, () => withKey++);
  let sorted: SortedKeys = { ids: new Int32Array(withKey), hi: new Uint32Array(withKey), lo: new Uint32Array(withKey) };
  let k = 0;
  forEachKept(keys, (id, hi, lo) => {
    sorted.ids[k] = id;
    sorted.hi[k] = hi;
    sorted.lo[k++] = lo;
  });
  let spare: SortedKeys = { ids: new Int32Array(withKey), hi: new Uint32Array(withKey), lo: new Uint32Array(withKey) };
  const counts = new Int32Array(DIGITS);
  for (const [half, shift] of [['lo', 0], ['lo', DIGIT_BITS], ['hi', 0], ['hi', DIGIT_BITS]] as const) {
    const digits = sorted[half];
    counts.fill(0);
    for (let j = 0; j < withKey; j++) counts[(digits[j]! >>> shift) & (DIGITS - 1)]!++;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    const { ids, hi, lo } = sorted;
    for (let j = 0; j < withKey; j++) {
      const to = counts[(digits[j]! >>> shift) & (DIGITS - 1)]!++;
      spare.ids[to] = ids[j]!;
      spare.hi[to] = hi[j]!;
      spare.lo[to] = lo[j]!;
    }
    [sorted, spare] = [spare, sorted];
  }
  return sorted;
}

/** Calls `each` for every member with a key, in id order. */
function forEachKept(keys: TakenKeys, each: (id: number, hi: number, lo: number) => void): void {
  for (let chunk = 0, first = 1; first <= keys.count; chunk++, first += CHUNK) {
    const hi = keys.hi[chunk]!;
    const lo = keys.lo[chunk]!;
    const n = Math.min(CHUNK, keys.count - first + 1);
    for (let at = 0; at < n; at++) if (hi[at] !== NONE) each(first + at, hi[at]!, lo[at]!);
  }
}

/**
 * Writes a key table in key order on `db` (inside the caller's transaction, if any). Answers the
 * keys found on more than one member (NIKs as text, cards as numbers: as the members table has
 * them): in key order they are neighbours, so the duplicate search needs no scan of its own.
 */
export function writeKeyTable(db: Db, kind: KeyKind, keys: TakenKeys): (string | number)[] {
  const steps = keyTableSteps(db, kind, keys, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * writeKeyTable a step at a time: pauses after every `pairsPerStep` keys, so that the caller can
 * commit and let what is written reach the disk before going on (edition-writer.ts: a whole
 * table written at once made the one fsync after it take over a second, and the register's
 * commits waited behind it). Returns the keys more than one member shares.
 */
export function* keyTableSteps(db: Db, kind: KeyKind, keys: TakenKeys, pairsPerStep: number): Generator<void, (string | number)[]> {
  db.exec(createKeyTableSql(kind));
  const { ids, hi: his, lo: los } = sortedKeys(keys);
  const stored = kind === 'nik' ? nikNumberOfHalves : cardOfHalves;
  const shown = kind === 'nik' ? nikOfHalves : cardOfHalves;
  const { table, column } = KEY_TABLE[kind];
  const insert = new PairInserter(db, `INSERT INTO ${table} (${column}, id) VALUES`);
  const shared: (string | number)[] = [];
  let previous: number | undefined;
  let previousShared: number | undefined;
  let inStep = 0;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    const hi = his[j]!;
    const lo = los[j]!;
    const key = stored(hi, lo);
    if (key === previous && previousShared !== key) {
      shared.push(shown(hi, lo));
      previousShared = key;
    }
    previous = key;
    insert.add(key, id);
    if (++inStep === pairsPerStep) {
      inStep = 0;
      yield;
    }
  }
  insert.end();
  return shared;
}
