import type Database from 'better-sqlite3';
import type { SourceKind } from '../../shared/lists';
import { readEditions } from '../lists/editions.repo';
import { MEMBERS, NAMES } from '../lists/member-table';
import { editionPath, editionStoreOf, openEditionReadOnly, removeFileQuietly, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { keyLookupSql, keyTablesOf } from '../lists/key-tables';

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

interface OpenEdition {
  edition: CurrentEdition;
  db: Db;
}

const MEMBER_COLUMNS = 'm.id, m.nik, m.card, m.dob, m.flags, m.name, m.detail';

/**
 * The current editions, each read through a read-only connection of its own to the edition's
 * file. Why a connection per edition rather than ATTACH on the main connection: ATTACH is
 * limited to 10 files per connection and cannot run inside a transaction, and DETACH fails
 * while any statement of the connection is running; a connection per file has no limit, never
 * touches the register's connection, and a retired file is let go by closing its connection.
 *
 * Refreshed only when another connection (the import worker, the CLI) has committed to the main
 * file: PRAGMA data_version is a cheap way to know, so the hot path does no query. On refresh,
 * editions no longer current are closed at once (a deleted file is never kept open).
 */
export class EditionCatalog {
  private dataVersion = -1;
  private editions: CurrentEdition[] = [];
  private readonly open = new Map<number, OpenEdition>();
  private readonly readDataVersion: Database.Statement;
  private readonly store: EditionStore;

  constructor(private readonly db: Db) {
    this.readDataVersion = db.prepare('PRAGMA data_version').pluck();
    this.store = editionStoreOf(db);
  }

  current(): CurrentEdition[] {
    const version = this.readDataVersion.get() as number;
    if (version !== this.dataVersion) {
      this.dataVersion = version;
      this.reload();
    }
    return this.editions;
  }

  /**
   * Call after this connection itself changed the editions (data_version only sees other
   * connections). Refreshes at once, so a file this change retired is let go now, not at the
   * next look-up (which may be hours away at night). A switch made by another process is noticed
   * at the next look-up.
   */
  invalidate(): void {
    this.dataVersion = -1;
    this.current();
  }

  /** Closes every edition file (the core is closing). */
  close(): void {
    for (const { db } of this.open.values()) db.close();
    this.open.clear();
    this.editions = [];
    this.dataVersion = -1;
  }

  private reload(): void {
    const rows = readEditions(this.db, ['current']).filter((e) => e.file !== null);
    const wanted = new Set(rows.map((e) => e.id));
    for (const [id, { db }] of this.open) {
      if (wanted.has(id)) continue;
      db.close();
      this.open.delete(id);
      // Retired while open here: on Windows its deletion failed while this connection held it.
      const state = this.db.prepare('SELECT state FROM list_editions WHERE id = ?').pluck().get(id);
      if (state === 'retired' || state === 'failed') removeFileQuietly(editionPath(this.store, id));
    }
    const editions: CurrentEdition[] = [];
    for (const e of rows) {
      let entry = this.open.get(e.id);
      if (!entry) {
        const opened = this.openEdition(e.id);
        if (!opened) continue;
        entry = { db: opened, edition: this.prepare(opened, e.id) };
        this.open.set(e.id, entry);
      }
      entry.edition.list = { name: e.listName, kind: e.kind, asOf: e.asOf, edition: e.edition };
      editions.push(entry.edition);
    }
    this.editions = editions;
  }

  /** A current edition whose file cannot be opened (deleted by hand, damaged) answers nothing rather than failing every look-up. */
  private openEdition(editionId: number): Db | null {
    try {
      return openEditionReadOnly(this.store, editionId);
    } catch {
      this.dataVersion = -1; // try again on the next look-up
      return null;
    }
  }

  private prepare(db: Db, editionId: number): CurrentEdition {
    const tables = keyTablesOf(db);
    return {
      editionId,
      list: { name: '', kind: 'other', asOf: '', edition: 0 },
      byNik: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${keyLookupSql('nik', tables.nik)}`),
      byCard: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${keyLookupSql('card', tables.card)}`),
      byNameKeys: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${NAMES} f JOIN ${MEMBERS} m ON m.id = f.rowid WHERE ${NAMES} MATCH ? LIMIT ?`),
    };
  }
}
