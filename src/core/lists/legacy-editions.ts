import { editionFileName, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { EditionBuild } from './edition-build';
import { dropLegacyTables } from './editions.repo';
import { MEMBERS, createMemberKeyIndexesSql, createNameIndexSql, legacyMemberTable } from './member-table';

const COPY_BATCH = 50_000;

/**
 * Databases written before version 7 keep every edition's members in the main file
 * (`members_e<id>`, `names_e<id>`). The current and previous editions are moved into files of
 * their own, as an import would build them (rows with their ids, then the indexes), and their
 * tables dropped: the main file then holds only the register and shrinks as SQLite reuses the
 * freed pages (no VACUUM needed). Runs inside recovery's write transaction: the drops and the
 * new pointers commit together, and a crash half-way leaves the old tables in place and only
 * unreferenced files, which the next start sweeps before moving again.
 */
export function moveLegacyEditions(db: Db, store: EditionStore): number {
  const editions = db.prepare(`SELECT id FROM list_editions WHERE state IN ('current', 'previous') AND file IS NULL`).pluck().all() as number[];
  let moved = 0;
  for (const id of editions) {
    const table = legacyMemberTable(id);
    const exists = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { n: number };
    if (exists.n === 0) continue;
    const build = EditionBuild.create(store, id);
    try {
      copyRows(db, table, build.db);
      const issues = db.prepare('SELECT row, severity, code, detail FROM import_issues WHERE edition_id = ? ORDER BY rowid').raw().all(id) as unknown[][];
      const insertIssue = build.db.prepare('INSERT INTO import_issues (row, severity, code, detail) VALUES (?, ?, ?, ?)');
      build.db.transaction(() => issues.forEach((i) => insertIssue.run(...i)))();
      build.db.pragma('threads = 0');
      build.db.exec(createMemberKeyIndexesSql());
      build.db.exec(createNameIndexSql());
      build.seal();
      build.closeAndRename();
    } catch (error) {
      build.discard();
      throw error;
    }
    db.prepare('UPDATE list_editions SET file = ? WHERE id = ?').run(editionFileName(id), id);
    dropLegacyTables(db, id);
    db.prepare('DELETE FROM import_issues WHERE edition_id = ?').run(id);
    moved++;
  }
  return moved;
}

function copyRows(from: Db, table: string, to: Db): void {
  const columns = 'id, nik, card, dob, flags, name, detail, row, name_keys';
  const insert = to.prepare(`INSERT INTO ${MEMBERS} (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let pending = 0;
  to.exec('BEGIN');
  for (const row of from.prepare(`SELECT ${columns} FROM ${table} ORDER BY id`).raw().iterate() as IterableIterator<unknown[]>) {
    insert.run(...row);
    if (++pending === COPY_BATCH) {
      to.exec('COMMIT; BEGIN');
      pending = 0;
    }
  }
  to.exec('COMMIT');
}
