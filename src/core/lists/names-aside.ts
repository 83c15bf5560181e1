/**
 * The FTS5 name index of an edition, built aside on the other core.
 *
 * SQLite has one writer per file, so the edition's own connection builds its NIK and card
 * indexes one after the other while the other core idles (the reader thread has finished).
 * The name keys are therefore staged, while the rows load, in a file of their own
 * (`e<id>.names.building`, same key as the edition); when the load ends another thread builds
 * the FTS5 index there, at the same time as the key indexes, and the edition's connection then
 * copies the finished index's few rows (its segments are large blobs: ~1,500 rows for 1 M
 * members, 10 ms) into the edition file. The edition file comes out as before: look-ups never
 * know the index was built elsewhere.
 *
 * Rows dropped as repeats after the load are deleted from the copied index with FTS5's 'delete'
 * command (a contentless index needs the keys it was given, which the staging file still has).
 */
import type Database from 'better-sqlite3';
import { namesStagingPath, openNamesStaging, removeFileQuietly, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { NAMES, createNameIndexTableSql } from './member-table';

const STAGED = 'staged_names';
/** Rows per INSERT statement (two parameters each). */
const ROWS_PER_STATEMENT = 256;
const ROWS_PER_COMMIT = 50_000;

/** What the thread building the index needs to open the staging file. */
export interface NamesJob {
  store: EditionStore;
  editionId: number;
}

/**
 * The staging table, on whichever thread holds it: (member id, name keys) rows, committed in
 * chunks so the cache stays bounded.
 */
export class StagedNames {
  private readonly db: Db;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly params: unknown[] = new Array(ROWS_PER_STATEMENT * 2);
  private uncommitted = 0;

  constructor(job: NamesJob) {
    this.db = openNamesStaging(job.store, job.editionId, true);
    this.db.exec(`CREATE TABLE ${STAGED} (id INTEGER PRIMARY KEY, keys TEXT NOT NULL)`);
    this.insertMany = this.db.prepare(`INSERT INTO ${STAGED} (id, keys) VALUES ${new Array(ROWS_PER_STATEMENT).fill('(?,?)').join(',')}`);
    this.insertOne = this.db.prepare(`INSERT INTO ${STAGED} (id, keys) VALUES (?, ?)`);
  }

  /** `ids[i]` is the member whose keys are `keys[i]`. */
  insert(ids: ArrayLike<number>, keys: readonly string[]): void {
    if (!this.db.inTransaction) this.db.exec('BEGIN');
    const { params } = this;
    const whole = keys.length - (keys.length % ROWS_PER_STATEMENT);
    let p = 0;
    for (let i = 0; i < whole; i++) {
      params[p++] = ids[i];
      params[p++] = keys[i];
      if (p === params.length) {
        this.insertMany.run(params);
        p = 0;
      }
    }
    for (let i = whole; i < keys.length; i++) this.insertOne.run(ids[i], keys[i]);
    this.uncommitted += keys.length;
    if (this.uncommitted >= ROWS_PER_COMMIT) {
      this.db.exec('COMMIT');
      this.uncommitted = 0;
    }
  }

  /** Everything staged is on disk and the file closed: the index can be built from it. */
  close(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}

/** Builds the FTS5 index inside the staging file, from the staged keys (on whichever thread calls it). */
export function buildStagedNameIndex(job: NamesJob): void {
  const db = openNamesStaging(job.store, job.editionId, false);
  try {
    // The builder's sort threads cost more than they gave here (see edition-writer.ts).
    db.pragma('threads = 0');
    db.exec(`${createNameIndexTableSql()}
      INSERT INTO ${NAMES}(rowid, keys) SELECT id, keys FROM ${STAGED};`);
  } finally {
    db.close();
  }
}

/**
 * Copies the index built in the staging file into the edition (its connection `edition`), then
 * deletes from it the members dropped since the load (`droppedIds`), and removes the staging file.
 */
export function installStagedNameIndex(job: NamesJob, edition: Db, droppedIds: readonly number[]): void {
  const staging = openNamesStaging(job.store, job.editionId, false);
  try {
    edition.exec(createNameIndexTableSql());
    // The shadow tables are written directly, which defensive mode forbids.
    edition.unsafeMode(true);
    try {
      edition.transaction(() => {
        for (const shadow of ['data', 'idx', 'config'] as const) {
          const table = `${NAMES}_${shadow}`;
          const rows = staging.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
          edition.exec(`DELETE FROM ${table}`);
          if (rows.length === 0) continue;
          const insert = edition.prepare(`INSERT INTO ${table} VALUES (${rows[0]!.map(() => '?').join(',')})`);
          for (const row of rows) insert.run(row);
        }
        const keysOf = staging.prepare(`SELECT keys FROM ${STAGED} WHERE id = ?`).pluck();
        const remove = edition.prepare(`INSERT INTO ${NAMES}(${NAMES}, rowid, keys) VALUES ('delete', ?, ?)`);
        for (const id of droppedIds) {
          const keys = keysOf.get(id) as string | undefined;
          if (keys !== undefined) remove.run(id, keys);
        }
      })();
    } finally {
      edition.unsafeMode(false);
    }
  } finally {
    staging.close();
  }
  removeNamesStaging(job);
}

export function removeNamesStaging(job: NamesJob): void {
  const path = namesStagingPath(job.store, job.editionId);
  removeFileQuietly(path);
  removeFileQuietly(`${path}-journal`);
}
