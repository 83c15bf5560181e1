import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { SourceKind, UnreadableReason } from '../../shared/lists';
import { readEditions } from '../lists/editions.repo';
import { MEMBERS, NAMES } from '../lists/member-table';
import { editionPath, editionStoreOf, openEditionReadOnly, removeFileQuietly, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { keyLookupSql, keyTablesOf } from '../lists/key-tables';
import { dobLookupSql, hasDobLists } from '../lists/dob-lists';

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
  /** The members born on a day (yyyymmdd), at most `limit` of them. */
  byDob(dob: number, limit: number): MemberRow[];
}

/** A current edition whose file could not be opened or read: its list is not searched, and says so. */
export interface UnreadableEdition {
  editionId: number;
  list: string;
  reason: UnreadableReason;
}

/**
 * How long an unreadable edition is left alone before a look-up tries its file again. Long
 * enough that a missing file costs no look-up a failed open (the hot path stays a data_version
 * read), short enough that a file restored by the IT officer answers within seconds, without a
 * restart. A change of the lists (an import, a rollback) and the lists screen try at once.
 */
export const UNREADABLE_RETRY_MS = 5_000;

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
  private unreadableEditions: UnreadableEdition[] = [];
  /** When (Date.now()) to try the unreadable editions' files again; only read while there are some. */
  private retryAt = 0;
  private readonly readDataVersion: Database.Statement;
  private readonly store: EditionStore;

  constructor(private readonly db: Db) {
    this.readDataVersion = db.prepare('PRAGMA data_version').pluck();
    this.store = editionStoreOf(db);
  }

  current(): CurrentEdition[] {
    const version = this.readDataVersion.get() as number;
    if (version !== this.dataVersion || (this.unreadableEditions.length > 0 && Date.now() >= this.retryAt)) {
      this.dataVersion = version;
      this.reload();
    }
    return this.editions;
  }

  /** The current editions that could not be read at the last refresh (call after current()). */
  unreadable(): readonly UnreadableEdition[] {
    return this.unreadableEditions;
  }

  /** Tries the unreadable editions' files now (the lists screen, `loket lists`): a restored file is seen at once. */
  retryUnreadable(): void {
    this.retryAt = 0;
    this.current();
  }

  /**
   * A look-up found an edition's file damaged past its first pages (a query failed): its
   * connection is closed and the list is reported unreadable until its file opens and reads
   * again (tried after UNREADABLE_RETRY_MS, or when the lists change).
   */
  markUnreadable(edition: CurrentEdition): void {
    const entry = this.open.get(edition.editionId);
    if (entry?.edition === edition) {
      this.open.delete(edition.editionId);
      closeQuietly(entry.db);
    }
    this.editions = this.editions.filter((e) => e !== edition);
    if (!this.unreadableEditions.some((u) => u.editionId === edition.editionId)) {
      this.unreadableEditions = [...this.unreadableEditions, { editionId: edition.editionId, list: edition.list.name, reason: 'damaged' }];
    }
    this.retryAt = Date.now() + UNREADABLE_RETRY_MS;
  }

  /**
   * A check of the whole file (lists/edition-check.ts, run by the lists) found a current
   * edition's file damaged where the look-ups have not reached yet: it is not searched either,
   * so the look-ups and the lists say the same.
   */
  markUnreadableById(editionId: number): void {
    const edition = this.editions.find((e) => e.editionId === editionId);
    if (edition) this.markUnreadable(edition);
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
    this.unreadableEditions = [];
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
    const unreadable: UnreadableEdition[] = [];
    for (const e of rows) {
      let entry = this.open.get(e.id);
      if (!entry) {
        const opened = this.openEdition(e.id);
        if ('reason' in opened) {
          unreadable.push({ editionId: e.id, list: e.listName, reason: opened.reason });
          continue;
        }
        entry = opened;
        this.open.set(e.id, entry);
      }
      entry.edition.list = { name: e.listName, kind: e.kind, asOf: e.asOf, edition: e.edition };
      editions.push(entry.edition);
    }
    this.editions = editions;
    this.unreadableEditions = unreadable;
    if (unreadable.length > 0) this.retryAt = Date.now() + UNREADABLE_RETRY_MS;
  }

  /**
   * A current edition whose file cannot be opened (the lists folder not restored with the
   * database, a file deleted by hand or damaged) is never silently "not on the list": it is
   * recorded as unreadable, the look-ups say which list was not searched, and the file is tried
   * again later (see UNREADABLE_RETRY_MS). Opening never throws: one bad file must not fail
   * the look-ups on every other list.
   */
  private openEdition(editionId: number): OpenEdition | { reason: UnreadableReason } {
    let db: Db | undefined;
    try {
      db = openEditionReadOnly(this.store, editionId);
      return { db, edition: this.prepare(db, editionId) };
    } catch {
      if (db) closeQuietly(db);
      return { reason: existsSync(editionPath(this.store, editionId)) ? 'damaged' : 'missing' };
    }
  }

  private prepare(db: Db, editionId: number): CurrentEdition {
    const tables = keyTablesOf(db);
    const byNameKeys = db.prepare<[string, number], MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM ${NAMES} f JOIN ${MEMBERS} m ON m.id = f.rowid WHERE ${NAMES} MATCH ? LIMIT ?`);
    // An edition before format 2 has no birth-date lists: its name index holds a token per birth date.
    const byDob = hasDobLists(db) ? db.prepare<[number, number], MemberRow>(dobLookupSql(MEMBER_COLUMNS)) : null;
    return {
      editionId,
      list: { name: '', kind: 'other', asOf: '', edition: 0 },
      byNik: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${keyLookupSql('nik', tables.nik)}`),
      byCard: db.prepare(`SELECT ${MEMBER_COLUMNS} FROM ${keyLookupSql('card', tables.card)}`),
      byNameKeys,
      byDob: byDob ? (dob, limit) => byDob.all(dob, limit) : (dob, limit) => byNameKeys.all(`D${dob}`, limit),
    };
  }
}

function closeQuietly(db: Db): void {
  try {
    db.close();
  } catch {
    // a damaged file's connection closes anyway; nothing is written through it
  }
}
