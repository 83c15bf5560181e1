import type { Db } from '../store/open-database';
import type { ListKind } from '../../shared/lists';
import { dropEditionTablesSql } from './member-table';

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
}

const EDITION_COLUMNS = `e.id, e.list_id AS listId, l.name AS listName, l.kind, e.edition, e.state, e.as_of AS asOf,
  e.source_file AS sourceFile, e.source_sha256 AS sourceSha256, e.imported_at AS importedAt, e.rows_imported AS rowsImported`;

/** An import whose heartbeat is older than this belonged to a process that died. */
const ABANDONED_AFTER_MS = 10 * 60_000;

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

/** Registers an edition in state 'importing'; it is invisible to look-ups until switched to. */
export function beginEdition(db: Db, e: NewEdition): { editionId: number; edition: number } {
  return db.transaction(() => {
    db.prepare('INSERT INTO lists (name, kind, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET kind = excluded.kind').run(e.list, e.kind, e.now);
    const list = db.prepare('SELECT id FROM lists WHERE name = ?').get(e.list) as { id: number };
    const { next } = db.prepare('SELECT coalesce(max(edition), 0) + 1 AS next FROM list_editions WHERE list_id = ?').get(list.id) as { next: number };
    const info = db
      .prepare(`INSERT INTO list_editions (list_id, edition, state, as_of, source_file, source_sha256, source_format, started_at, heartbeat_at, mapping_json)
                VALUES (?, ?, 'importing', ?, ?, ?, ?, ?, ?, ?)`)
      .run(list.id, next, e.asOf, e.sourceFile, e.sourceSha256, e.sourceFormat, e.now, e.now, e.mappingJson);
    return { editionId: Number(info.lastInsertRowid), edition: next };
  })();
}

export function heartbeat(db: Db, editionId: number, now: string, rowsRead: number): void {
  db.prepare('UPDATE list_editions SET heartbeat_at = ?, rows_read = ? WHERE id = ?').run(now, rowsRead, editionId);
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
 * The atomic switch: the new edition becomes current, the current one becomes the rollback
 * copy, and the one before that is dropped. Either all of it happens or none.
 */
export function switchToEdition(db: Db, editionId: number, counts: EditionCounts, now: string): void {
  db.transaction(() => {
    const { listId } = db.prepare('SELECT list_id AS listId FROM list_editions WHERE id = ?').get(editionId) as { listId: number };
    const old = db.prepare(`SELECT id FROM list_editions WHERE list_id = ? AND state = 'previous'`).all(listId) as { id: number }[];
    for (const { id } of old) retireEdition(db, id);
    db.prepare(`UPDATE list_editions SET state = 'previous' WHERE list_id = ? AND state = 'current'`).run(listId);
    db.prepare(
      `UPDATE list_editions SET state = 'current', imported_at = ?, heartbeat_at = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?,
       rows_warned = ?, rows_skipped = ?, rows_damaged = ? WHERE id = ?`,
    ).run(now, now, counts.read, counts.imported, counts.rejected, counts.warnings, counts.skipped, counts.damagedNik, editionId);
  })();
}

function retireEdition(db: Db, editionId: number): void {
  db.exec(dropEditionTablesSql(editionId));
  db.prepare(`UPDATE list_editions SET state = 'retired' WHERE id = ?`).run(editionId);
  db.prepare('DELETE FROM import_issues WHERE edition_id = ?').run(editionId);
}

/** Rollback: the current edition is retired and the previous one is current again. */
export function rollbackToPrevious(db: Db, listName: string): boolean {
  return db.transaction(() => {
    const previous = readEditionOfList(db, listName, 'previous');
    const current = readEditionOfList(db, listName, 'current');
    if (!previous) return false;
    if (current) retireEdition(db, current.id);
    db.prepare(`UPDATE list_editions SET state = 'current' WHERE id = ?`).run(previous.id);
    return true;
  })();
}

export function failEdition(db: Db, editionId: number, failure: string): void {
  db.transaction(() => {
    db.exec(dropEditionTablesSql(editionId));
    db.prepare(`UPDATE list_editions SET state = 'failed', failure = ? WHERE id = ?`).run(failure.slice(0, 2000), editionId);
  })();
}

/** Crash recovery: tables of imports whose process died are dropped; the current editions are untouched. */
export function cleanAbandonedImports(db: Db, now: Date): number {
  const cutoff = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString();
  const abandoned = db.prepare(`SELECT id FROM list_editions WHERE state = 'importing' AND heartbeat_at < ?`).all(cutoff) as { id: number }[];
  for (const { id } of abandoned) failEdition(db, id, 'abandoned: the importing process stopped before finishing');
  return abandoned.length;
}
