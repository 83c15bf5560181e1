import type { Db } from '../store/open-database';
import type { ListKind } from '../../shared/lists';
import { editionFileName, editionPath, editionStoreOf, removeFileQuietly } from '../store/edition-store';
import { legacyMemberTable, legacyNameIndexTable } from './member-table';

export interface EditionRow {
  id: number;
  listId: number;
  listName: string;
  kind: ListKind;
  edition: number;
  state: 'importing' | 'current' | 'previous' | 'retired' | 'failed';
  asOf: string;
  sourceFile: string;
  sourceSha256: string;
  importedAt: string | null;
  rowsImported: number;
  /** The edition's file in the lists folder; null for an edition whose tables are still in the main file (before version 7). */
  file: string | null;
}

const EDITION_COLUMNS = `e.id, e.list_id AS listId, l.name AS listName, coalesce(e.kind, l.kind) AS kind, e.edition, e.state, e.as_of AS asOf,
  e.source_file AS sourceFile, e.source_sha256 AS sourceSha256, e.imported_at AS importedAt, e.rows_imported AS rowsImported, e.file`;

export function readEditions(db: Db, states: readonly EditionRow['state'][]): EditionRow[] {
  const placeholders = states.map(() => '?').join(',');
  return db
    .prepare(`SELECT ${EDITION_COLUMNS} FROM list_editions e JOIN lists l ON l.id = e.list_id WHERE e.state IN (${placeholders}) ORDER BY l.name, e.edition`)
    .all(...states) as EditionRow[];
}

export function readEditionOfList(db: Db, listName: string, state: EditionRow['state']): EditionRow | undefined {
  return db
    .prepare(`SELECT ${EDITION_COLUMNS} FROM list_editions e JOIN lists l ON l.id = e.list_id WHERE l.name = ? AND e.state = ? ORDER BY e.edition DESC LIMIT 1`)
    .get(listName, state) as EditionRow | undefined;
}

export interface NewEdition {
  list: string;
  kind: ListKind;
  asOf: string;
  sourceFile: string;
  sourceSha256: string;
  sourceFormat: string;
  mappingJson: string;
  now: string;
}

/**
 * Registers an edition in state 'importing'; it is invisible to look-ups until switched to.
 * `start` runs inside the same write transaction (it creates and locks the building file), so
 * recovery, which takes the same lock, never sees an importing edition without its locked file.
 */
export function beginEdition<T>(db: Db, e: NewEdition, start: (editionId: number) => T): { editionId: number; edition: number; started: T } {
  return db.transaction(() => {
    // A new list takes the kind at once; an existing one keeps its current kind until the
    // switch, so a failed import never changes how the current edition is read.
    db.prepare('INSERT INTO lists (name, kind, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING').run(e.list, e.kind, e.now);
    const list = db.prepare('SELECT id FROM lists WHERE name = ?').get(e.list) as { id: number };
    const { next } = db.prepare('SELECT coalesce(max(edition), 0) + 1 AS next FROM list_editions WHERE list_id = ?').get(list.id) as { next: number };
    const info = db
      .prepare(`INSERT INTO list_editions (list_id, edition, state, as_of, source_file, source_sha256, source_format, started_at, heartbeat_at, mapping_json, kind)
                VALUES (?, ?, 'importing', ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(list.id, next, e.asOf, e.sourceFile, e.sourceSha256, e.sourceFormat, e.now, e.now, e.mappingJson, e.kind);
    const editionId = Number(info.lastInsertRowid);
    db.prepare('UPDATE list_editions SET file = ? WHERE id = ?').run(editionFileName(editionId), editionId);
    return { editionId, edition: next, started: start(editionId) };
  }).immediate();
}

export interface EditionCounts {
  read: number;
  imported: number;
  rejected: number;
  warnings: number;
  skipped: number;
  damagedNik: number;
}

/**
 * The current edition being replaced cannot be read (edition-fetch.ts heals it from the hub):
 * `setAside` moves its file out of the way (store/edition-store.ts, setEditionFileAside).
 */
export interface UnreadableReplaced {
  editionId: number;
  setAside: () => void;
}

/**
 * The switch, in one short write transaction of the main file: `install` closes the building
 * file and renames it into place (under this lock, so recovery never sees it half-way), then the
 * new edition becomes current, the current one the rollback copy, and the one before that is
 * retired; its file is deleted once the switch is committed.
 *
 * When the current edition cannot be read (`unreadable`), it would make a rollback copy that
 * cannot be read either, and push out a previous edition that can: it is retired instead, its
 * file set aside (never deleted), and the previous edition stays the rollback copy.
 */
export function switchToEdition(db: Db, editionId: number, counts: EditionCounts, now: string, install: () => void = () => {}, unreadable?: UnreadableReplaced): void {
  const retired = db.transaction(() => {
    install();
    const { listId } = db.prepare('SELECT list_id AS listId FROM list_editions WHERE id = ?').get(editionId) as { listId: number };
    let old: { id: number }[] = [];
    // Still this list's current edition (a rollback meanwhile made another one current: the plain switch).
    const stillCurrent = unreadable && db.prepare(`SELECT 1 FROM list_editions WHERE id = ? AND list_id = ? AND state = 'current'`).get(unreadable.editionId, listId) !== undefined;
    if (unreadable && stillCurrent) {
      unreadable.setAside();
      retireEdition(db, unreadable.editionId);
    } else {
      old = db.prepare(`SELECT id FROM list_editions WHERE list_id = ? AND state = 'previous'`).all(listId) as { id: number }[];
      for (const { id } of old) retireEdition(db, id);
      db.prepare(`UPDATE list_editions SET state = 'previous' WHERE list_id = ? AND state = 'current'`).run(listId);
    }
    takeEditionKind(db, editionId);
    db.prepare(
      `UPDATE list_editions SET state = 'current', imported_at = ?, heartbeat_at = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?,
       rows_warned = ?, rows_skipped = ?, rows_damaged = ? WHERE id = ?`,
    ).run(now, now, counts.read, counts.imported, counts.rejected, counts.warnings, counts.skipped, counts.damagedNik, editionId);
    return old.map((o) => o.id);
  }).immediate();
  deleteEditionFiles(db, retired);
}

/** The list is read as the kind of the edition that becomes current (an edition from before version 12 has none and keeps the list's). */
function takeEditionKind(db: Db, editionId: number): void {
  db.prepare(`UPDATE lists SET kind = coalesce((SELECT kind FROM list_editions WHERE id = ?), kind)
              WHERE id = (SELECT list_id FROM list_editions WHERE id = ?)`).run(editionId, editionId);
}

/** The source file's hash, known only once the file has been read (it is hashed while it is read). */
export function setSourceSha256(db: Db, editionId: number, sha256: string): void {
  db.prepare('UPDATE list_editions SET source_sha256 = ? WHERE id = ?').run(sha256, editionId);
}

/** Marks an edition retired (its file is deleted after the commit, by deleteEditionFiles). */
function retireEdition(db: Db, editionId: number): void {
  dropLegacyTables(db, editionId);
  db.prepare(`UPDATE list_editions SET state = 'retired' WHERE id = ?`).run(editionId);
  db.prepare('DELETE FROM import_issues WHERE edition_id = ?').run(editionId);
}

/** Tables of an edition written before version 7, if it still has them in the main file. */
export function dropLegacyTables(db: Db, editionId: number): void {
  const exists = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN (?, ?)`).get(legacyMemberTable(editionId), legacyNameIndexTable(editionId)) as { n: number };
  if (exists.n > 0) db.exec(`DROP TABLE IF EXISTS ${legacyNameIndexTable(editionId)}; DROP TABLE IF EXISTS ${legacyMemberTable(editionId)};`);
}

/** Deletes retired editions' files; one still open elsewhere (Windows) is left to the sweep at the next start. */
export function deleteEditionFiles(db: Db, editionIds: readonly number[]): void {
  if (editionIds.length === 0) return;
  const store = editionStoreOf(db);
  if (store.dir === null) return;
  for (const id of editionIds) removeFileQuietly(editionPath(store, id));
}

/**
 * Rollback: the current edition is retired and the previous one is current again: a switch of
 * file. `checkedPrevious` is the previous edition the caller found readable (lists/edition-check.ts,
 * done before this short write transaction, as it reads the whole file): if another process
 * changed the editions meanwhile, nothing is switched onto an edition nobody checked.
 * The current edition's file is deleted only after the commit, once the previous one is in force.
 */
export function rollbackToPrevious(db: Db, listName: string, checkedPrevious?: number): boolean {
  const retired = db.transaction(() => {
    const previous = readEditionOfList(db, listName, 'previous');
    const current = readEditionOfList(db, listName, 'current');
    if (!previous || (checkedPrevious !== undefined && previous.id !== checkedPrevious)) return null;
    if (current) retireEdition(db, current.id);
    db.prepare(`UPDATE list_editions SET state = 'current' WHERE id = ?`).run(previous.id);
    takeEditionKind(db, previous.id);
    return current ? [current.id] : [];
  }).immediate();
  if (retired === null) return false;
  deleteEditionFiles(db, retired);
  return true;
}

/** The import did not finish: the edition is marked failed (its own building file is discarded by the importer). */
export function failEdition(db: Db, editionId: number, failure: string): void {
  db.transaction(() => {
    dropLegacyTables(db, editionId);
    db.prepare(`UPDATE list_editions SET state = 'failed', failure = ? WHERE id = ?`).run(failure.slice(0, 2000), editionId);
  }).immediate();
}
