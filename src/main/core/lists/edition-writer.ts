import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/open-database';
import { MemberFlags, createMemberIndexesSql, createMemberTableSql, memberTable } from './member-table';
import type { MemberInsert } from './row-validator';

/** The order of MemberInsert's fields. */
const COLUMNS = '(nik, card, dob, flags, name, name_keys, detail, row)';
const PARAMS_PER_ROW = 8;
/** Rows per INSERT statement: one multi-row statement is ~30% cheaper than as many single-row runs. */
const ROWS_PER_STATEMENT = 64;

/**
 * Bulk-loads one edition's member table. The table is invisible to look-ups until the switch,
 * so each batch commits on its own: the WAL stays small and memory stays bounded, and a crash
 * leaves only an orphan table that recovery drops.
 */
export class EditionWriter {
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly params: unknown[] = new Array(ROWS_PER_STATEMENT * PARAMS_PER_ROW);

  constructor(
    private readonly db: Db,
    readonly editionId: number,
  ) {
    db.exec(createMemberTableSql(editionId));
    const table = memberTable(editionId);
    const oneRow = `(${new Array(PARAMS_PER_ROW).fill('?').join(',')})`;
    this.insertMany = db.prepare(`INSERT INTO ${table} ${COLUMNS} VALUES ${new Array(ROWS_PER_STATEMENT).fill(oneRow).join(',')}`);
    this.insertOne = db.prepare(`INSERT INTO ${table} ${COLUMNS} VALUES ${oneRow}`);
  }

  /** Writes one batch in one transaction. */
  write(members: readonly MemberInsert[]): void {
    this.db.transaction(() => {
      const params = this.params;
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= members.length; i += ROWS_PER_STATEMENT) {
        let p = 0;
        for (let j = i; j < i + ROWS_PER_STATEMENT; j++) p = bind(params, p, members[j]!);
        this.insertMany.run(params);
      }
      for (; i < members.length; i++) this.insertOne.run(members[i]!);
    })();
  }

  /** Indexes after the load; then marks rows whose NIK or card appears more than once. Returns [row, otherRow] pairs. */
  finish(): { duplicates: { row: number; other: number }[] } {
    this.db.pragma('threads = 2');
    this.db.exec(createMemberIndexesSql(this.editionId));
    return { duplicates: this.markDuplicates() };
  }

  private markDuplicates(): { row: number; other: number }[] {
    const t = memberTable(this.editionId);
    // Duplicate keys first (an ordered scan of each index), then their rows through the index:
    // duplicates are rare, so this stays proportional to them, not to the list.
    const rows: { id: number; row: number; key: string }[] = [];
    for (const column of ['nik', 'card'] as const) {
      const keys = this.db.prepare(`SELECT ${column} AS k FROM ${t} WHERE ${column} IS NOT NULL GROUP BY ${column} HAVING count(*) > 1`).pluck().all();
      const byKey = this.db.prepare(`SELECT id, row FROM ${t} WHERE ${column} = ? ORDER BY row`);
      for (const key of keys) for (const r of byKey.all(key) as { id: number; row: number }[]) rows.push({ ...r, key: `${column}:${String(key)}` });
    }
    if (rows.length === 0) return [];
    const mark = this.db.prepare(`UPDATE ${t} SET flags = flags | ${MemberFlags.duplicate} WHERE id = ?`);
    this.db.transaction(() => rows.forEach((r) => mark.run(r.id)))();
    const firstRowOfKey = new Map<string, number>();
    const pairs = new Map<number, number>();
    for (const r of rows) {
      const first = firstRowOfKey.get(r.key);
      if (first === undefined) firstRowOfKey.set(r.key, r.row);
      else if (!pairs.has(r.row)) pairs.set(r.row, first);
    }
    return [...pairs].map(([row, other]) => ({ row, other })).sort((a, b) => a.row - b.row);
  }
}

function bind(params: unknown[], p: number, m: MemberInsert): number {
  for (let k = 0; k < PARAMS_PER_ROW; k++) params[p + k] = m[k];
  return p + PARAMS_PER_ROW;
}
