import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/open-database';
import { MemberFlags, createMemberIndexesSql, createMemberTableSql, memberTable } from './member-table';
import type { MemberInsert } from './row-validator';

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
      for (; i < members.length; i++) {
        const m = members[i]!;
        this.insertOne.run(m.nik, m.card, m.dob, m.flags, m.name, m.nameKeys, m.detail, m.row);
      }
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
    // Both sides of each duplicate pair: the indexes make these group-bys a single ordered scan.
    const rows = this.db
      .prepare(
        `SELECT m.id, m.row, d.first FROM ${t} m JOIN (SELECT nik, min(row) AS first FROM ${t} WHERE nik IS NOT NULL GROUP BY nik HAVING count(*) > 1) d ON d.nik = m.nik
         UNION
         SELECT m.id, m.row, d.first FROM ${t} m JOIN (SELECT card, min(row) AS first FROM ${t} WHERE card IS NOT NULL GROUP BY card HAVING count(*) > 1) d ON d.card = m.card`,
      )
      .all() as { id: number; row: number; first: number }[];
    if (rows.length === 0) return [];
    const mark = this.db.prepare(`UPDATE ${t} SET flags = flags | ${MemberFlags.duplicate} WHERE id = ?`);
    this.db.transaction(() => rows.forEach((r) => mark.run(r.id)))();
    const seen = new Set<number>();
    const pairs: { row: number; other: number }[] = [];
    for (const r of rows) {
      if (r.row === r.first || seen.has(r.row)) continue;
      seen.add(r.row);
      pairs.push({ row: r.row, other: r.first });
    }
    return pairs.sort((a, b) => a.row - b.row);
  }
}

function bind(params: unknown[], p: number, m: MemberInsert): number {
  params[p] = m.nik;
  params[p + 1] = m.card;
  params[p + 2] = m.dob;
  params[p + 3] = m.flags;
  params[p + 4] = m.name;
  params[p + 5] = m.nameKeys;
  params[p + 6] = m.detail;
  params[p + 7] = m.row;
  return p + PARAMS_PER_ROW;
}
