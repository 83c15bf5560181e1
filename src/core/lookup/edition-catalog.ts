import type Database from 'better-sqlite3';
import type { SourceKind } from '../../shared/lists';
import { readEditions } from '../lists/editions.repo';
import { memberTable, nameIndexTable } from '../lists/member-table';
import type { Db } from '../store/open-database';

export interface MemberRow {
  id: number;
  nik: string | null;
  card: number | null;
  dob: number | null;
  flags: number;
  name: string;
  detail: string;
}

/** One current edition with its prepared statements: prepared once, reused for every look-up. */
export interface CurrentEdition {
  editionId: number;
  list: { name: string; kind: SourceKind; asOf: string; edition: number };
  byNik: Database.Statement<[string], MemberRow>;
  byCard: Database.Statement<[number], MemberRow>;
  byNameKeys: Database.Statement<[string, number], MemberRow>;
}

const MEMBER_COLUMNS = 'm.id, m.nik, m.card, m.dob, m.flags, m.name, m.detail';

/**
 * The current editions, refreshed only when another connection (the import worker, the CLI)
 * has committed: PRAGMA data_version is a cheap way to know, so the hot path does no query.
 */
export class EditionCatalog {
  private dataVersion = -1;
  private editions: CurrentEdition[] = [];
  private readonly readDataVersion: Database.Statement;

  constructor(private readonly db: Db) {
    this.readDataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  current(): CurrentEdition[] {
    const version = this.readDataVersion.get() as number;
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.reload();
    }
    return this.editions;
  }

  /** Call after this connection itself changed the editions (data_version only sees other connections). */
  invalidate(): void {
    this.dataVersion = -1;
  }

  private reload(): void {
    this.editions = readEditions(this.db, ['current']).map((e) => {
      const t = memberTable(e.id);
      const f = nameIndexTable(e.id);
      return {
        editionId: e.id,
        list: { name: e.listName, kind: e.kind, asOf: e.asOf, edition: e.edition },
        byNik: this.db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${t} m WHERE m.nik = ?`),
        byCard: this.db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${t} m WHERE m.card = ?`),
        byNameKeys: this.db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${f} f JOIN ${t} m ON m.id = f.rowid WHERE ${f} MATCH ? LIMIT ?`),
      };
    });
  }
}
