/**
 * The birth-date lists of an edition: table `members_by_dob (dob, ids)`, one row per birth date,
 * `ids` the JSON array of the members born that day, in id order. A name search with a birth date
 * ranks everyone born that day (lookup/name-search.ts), so this is how it finds them.
 *
 * Editions before format 2 (edition-meta.ts) found them through a token ` D<yyyymmdd>` in the
 * FTS5 name index, one per member: half of the work of filling that index on a million-member
 * import (1 M keys: 1.26–1.39 s with the token, 0.68 s without; its merge 0.20 s against 0.08 s),
 * on a thread that was busy ~90 % of the load. A list per day is a few tens of thousands of rows
 * (people are born on ~36,500 days a century), made when the load ends from a day number kept
 * per member (DobListsBuilder) and written in ~0.15 s. A table of (dob, id) pairs like the key
 * tables (key-tables.ts) would cost a million B-tree entries, ~0.4 s more in the import's tail.
 *
 * JSON, not a packed blob, so SQL reads it as it is (json_each): a look-up, the verification of a
 * fetched edition and the removal of a repeated row are each one statement, and a maintainer sees
 * the lists in any SQLite browser. Like the key tables the lists only ever narrow: a look-up joins
 * on the member's own birth date too, and the verification checks every entry (dobListsWhole).
 */
import type { Db } from '../store/open-database';
import { FIRST_YEAR, LAST_YEAR } from '../../shared/text-rules';
import { MEMBERS } from './member-table';
import { dobAt, type PackedMembers } from './packed-members';
import { PairInserter } from './pair-inserter';

export const DOB_LISTS = 'members_by_dob';

export function createDobListsSql(): string {
  return `CREATE TABLE ${DOB_LISTS} (dob INTEGER PRIMARY KEY, ids TEXT NOT NULL)`;
}

/** Whether an edition file has birth-date lists (format 2 and later) or the FTS5 token instead. */
export function hasDobLists(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(DOB_LISTS) !== undefined;
}

/** The members born on the one parameter's day, at most the second parameter of them, as SELECT … FROM over `m`. */
export const dobLookupSql = (columns: string): string =>
  `SELECT ${columns} FROM ${DOB_LISTS} d JOIN json_each(d.ids) j JOIN ${MEMBERS} m ON m.id = j.value AND m.dob = d.dob WHERE d.dob = ? LIMIT ?`;

/** Days dayIndex numbers. */
const DAYS = (LAST_YEAR - FIRST_YEAR + 1) * 12 * 31;

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * The lists as an import's rows arrive (ids ascending), then written in date order. While the rows
 * load, each member's day goes into a column by id (written in order, 4 bytes a member); the lists
 * are made when the load ends, by a counting sort over the days. A list per day filled as the rows
 * came cost ~0.7 s per million members on the name index's thread, its busiest: every member
 * touched a random one of ~36,000 growing arrays, and a Map keyed by the date itself (a number
 * read from a Float64Array) took V8's slow path for heap numbers.
 */
export class DobListsBuilder {
  /** dayIndex + 1 of each member by id - 1 (0: no birth date, or one outside the days), in chunks. */
  private readonly days: Uint32Array[] = [];
  private count = 0;
  /** Dates outside FIRST_YEAR..LAST_YEAR (none from a list the validator read; kept all the same). */
  private readonly others = new Map<number, number[]>();

  /** A batch as the writer wrote it, its first member with id `firstId` (ids ascend across calls, from 1). */
  addBatch(members: PackedMembers, firstId: number): void {
    for (let i = 0; i < members.count; i++) {
      const dob = dobAt(members, i);
      if (dob === dob) this.add(firstId + i, dob); // NaN: no birth date
    }
  }

  add(id: number, dob: number): void {
    const day = dayIndex(dob);
    if (day < 0) {
      const ids = this.others.get(dob);
      if (ids) ids.push(id);
      else this.others.set(dob, [id]);
      return;
    }
    const chunk = (id - 1) >>> CHUNK_BITS;
    while (this.days.length <= chunk) this.days.push(new Uint32Array(CHUNK));
    this.days[chunk]![(id - 1) & (CHUNK - 1)] = day + 1;
    this.count = id; // ids ascend
  }

  /** Creates the table in `db` and writes every list, in date order (SQLite appends them without searching). */
  write(db: Db): void {
    db.exec(createDobListsSql());
    const inserter = new PairInserter(db, `INSERT INTO ${DOB_LISTS} (dob, ids) VALUES`);
    const { starts, ids } = this.sortedByDay();
    for (let day = 0; day < DAYS; day++) {
      const start = starts[day + 1]!;
      const end = starts[day + 2]!;
      if (end > start) inserter.add(dobOfDay(day), `[${ids.subarray(start, end).join(',')}]`);
    }
    for (const [dob, list] of this.others) inserter.add(dob, `[${list.join(',')}]`); // out of order: fine for a rowid table, and rare
    inserter.end();
    this.days.length = 0;
    this.others.clear();
  }

  /** The ids grouped by day in ascending order: day d's (stored d + 1) are ids[starts[d + 1]..starts[d + 2]). */
  private sortedByDay(): { starts: Uint32Array; ids: Uint32Array } {
    const dayOf = (id: number): number => this.days[(id - 1) >>> CHUNK_BITS]![(id - 1) & (CHUNK - 1)]!;
    const starts = new Uint32Array(DAYS + 2);
    for (let id = 1; id <= this.count; id++) starts[dayOf(id) + 1]!++;
    for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
    // starts[d] is now where stored day d's ids begin; filling moves each to the next day's start.
    const ids = new Uint32Array(this.count);
    const next = starts.slice();
    for (let id = 1; id <= this.count; id++) ids[next[dayOf(id)]!++] = id;
    return { starts, ids };
  }
}

/**
 * A yyyymmdd birth date as a small index, one a day (31 to a month), in date order, or -1 for
 * anything else (years outside FIRST_YEAR..LAST_YEAR, a month or day out of range, a fraction).
 */
export function dayIndex(dob: number): number {
  const year = Math.floor(dob / 10_000);
  const month = Math.floor(dob / 100) % 100;
  const day = dob % 100;
  if (!Number.isInteger(dob) || year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
}

/** The yyyymmdd date of a dayIndex. */
export function dobOfDay(day: number): number {
  const dayOfMonth = (day % 31) + 1;
  const months = Math.floor(day / 31);
  return (FIRST_YEAR + Math.floor(months / 12)) * 10_000 + ((months % 12) + 1) * 100 + dayOfMonth;
}

/** Members dropped after the load (repeated rows) leave their day's list. */
export function forgetDobs(db: Db, dropped: readonly { id: number; dob: number | null }[]): void {
  const byDob = new Map<number, number[]>();
  for (const { id, dob } of dropped) {
    if (dob === null) continue;
    const ids = byDob.get(dob);
    if (ids) ids.push(id);
    else byDob.set(dob, [id]);
  }
  if (byDob.size === 0) return;
  const remove = db.prepare(
    `UPDATE ${DOB_LISTS} SET ids = (SELECT json_group_array(value ORDER BY key) FROM json_each(ids) WHERE value NOT IN (SELECT value FROM json_each(?))) WHERE dob = ?`,
  );
  db.transaction(() => byDob.forEach((ids, dob) => remove.run(JSON.stringify(ids), dob)))();
}

/**
 * The lists hold exactly each member with a birth date, once, under that date: as many entries
 * as such members, and each entry a distinct member born on its list's day. A wrong entry could
 * only hide a member from a search; this finds it before the edition is used. Throws on a list
 * that is not JSON (the caller counts that as damage).
 */
export function dobListsWhole(db: Db): boolean {
  if (db.pragma(`integrity_check(${DOB_LISTS})`, { simple: true }) !== 'ok') return false;
  const withDob = db.prepare(`SELECT count(*) FROM ${MEMBERS} WHERE dob IS NOT NULL`).pluck().get() as number;
  const { entries, matching } = db
    .prepare(
      `SELECT count(*) AS entries, count(DISTINCT m.id) AS matching
       FROM ${DOB_LISTS} d JOIN json_each(d.ids) j LEFT JOIN ${MEMBERS} m ON m.id = j.value AND j.type = 'integer' AND m.dob = d.dob`,
    )
    .get() as { entries: number; matching: number };
  return entries === withDob && matching === withDob;
}
