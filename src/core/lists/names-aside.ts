/**
 * The FTS5 name index of an edition, built aside on the other core.
 *
 * SQLite has one writer per file, so the edition's own connection builds its NIK and card
 * indexes one after the other, and the FTS5 index after them, while the other core idles (the
 * reader thread has finished by then). Instead, each member's id and name keys go, while the
 * rows load, to a thread of its own (name-sink.ts) that fills the FTS5 index in a file of its
 * own (`e<id>.names.building`, same key as the edition, no journal), in one transaction so
 * FTS5 writes a segment per full in-memory buffer rather than per commit: ids arrive in
 * ascending order, the cheapest way to fill it. When the load ends that index is complete; the
 * edition's connection copies its few rows (its segments are large blobs: ~1,500 rows for
 * 1 M members, ~10 ms) into the edition file. The edition file comes out as before: look-ups
 * never know the index was built elsewhere.
 *
 * Rows dropped as repeats after the load are deleted from the copied index with FTS5's 'delete'
 * command, which a contentless index accepts with the keys it was given: a repeat has, word for
 * word, the name and birth date of the row it repeats, so the same keys.
 */
import type Database from 'better-sqlite3';
import { namesStagingPath, openNamesStaging, removeFileQuietly, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { NAMES, createNameIndexTableSql } from './member-table';

/** Rows per INSERT statement (two parameters each). */
const ROWS_PER_STATEMENT = 256;

/** What the thread building the index needs to open its file. */
export interface NamesJob {
  store: EditionStore;
  editionId: number;
}

/** The name index while it fills, on whichever thread holds it. */
export class NameIndexBuilder {
  private readonly db: Db;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly params: unknown[] = new Array(ROWS_PER_STATEMENT * 2);

  constructor(job: NamesJob) {
    this.db = openNamesStaging(job.store, job.editionId, true);
    this.db.exec(createNameIndexTableSql());
    const into = `INSERT INTO ${NAMES} (rowid, keys) VALUES`;
    this.insertMany = this.db.prepare(`${into} ${new Array(ROWS_PER_STATEMENT).fill('(?,?)').join(',')}`);
    this.insertOne = this.db.prepare(`${into} (?, ?)`);
    // One transaction for the whole load: a commit would make FTS5 write a segment of its own.
    this.db.exec('BEGIN');
  }

  /** `ids[i]` is the member whose keys are `keys[i]`; ids ascend across calls. */
  insert(ids: ArrayLike<number>, keys: readonly string[]): void {
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
  }

  /** The index is complete and on disk (no fsync: it is copied, then deleted), the file closed. */
  close(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}

/** A member dropped after the load, with the keys it was indexed under. */
export interface DroppedName {
  id: number;
  keys: string;
}

/**
 * Copies the index built in the staging file into the edition (its connection `edition`), then
 * deletes from it the members dropped since the load, and removes the staging file.
 */
export function installStagedNameIndex(job: NamesJob, edition: Db, dropped: readonly DroppedName[]): void {
  const staging = openNamesStaging(job.store, job.editionId, false);
  try {
    edition.exec(createNameIndexTableSql());
    // The shadow tables are written directly, which defensive mode forbids.
    edition.unsafeMode(true);
    try {
      edition.transaction(() => {
        for (const shadow of ['data', 'idx', 'config'] as const) {
          const table = `${NAMES}_${shadow}`;
          const select = staging.prepare(`SELECT * FROM ${table}`).raw();
          const insert = edition.prepare(`INSERT INTO ${table} VALUES (${select.columns().map(() => '?').join(',')})`);
          edition.exec(`DELETE FROM ${table}`);
          // Row by row: the segments of a 3 M-member index are too big to hold at once.
          for (const row of select.iterate() as IterableIterator<unknown[]>) insert.run(row);
        }
        const remove = edition.prepare(`INSERT INTO ${NAMES}(${NAMES}, rowid, keys) VALUES ('delete', ?, ?)`);
        for (const { id, keys } of dropped) remove.run(id, keys);
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
