/**
 * The FTS5 name index and the card table of an edition, built aside on the other core.
 *
 * SQLite has one writer per file, so the edition's own connection would build its indexes one
 * after the other while the other core idles (the reader thread has finished by then). Instead,
 * each batch of members goes, once written, to a thread of its own (name-sink.ts) that makes
 * their name keys (name-keys.ts) and fills the FTS5 index in a file of its own
 * (`e<id>.names.building`, same key as the edition, no journal), in one transaction so FTS5
 * writes a segment per full in-memory buffer rather than per commit: ids arrive in ascending
 * order, the cheapest way to fill it.
 *
 * When the load ends, that thread first writes the card table (key-tables.ts) into a second
 * staging file (`e<id>.cards.building`) while the edition's connection writes the NIK table, then
 * merges the name index's segments while the edition's connection copies the card table in
 * (~0.2 s per million), and last the edition's connection copies the name index's few rows (its
 * segments are large blobs: ~1,500 rows for 1 M members, ~30 ms). In one file, the card table
 * came after the merge and both were copied at the end: the edition's thread waited ~0.3 s for
 * the other, then copied for ~0.25 s.
 *
 * Rows dropped as repeats after the load are deleted from the copied index with FTS5's 'delete'
 * command, which a contentless index accepts with the keys it was given: a repeat has, word for
 * word, the name and birth date of the row it repeats, so the same keys.
 */
import { STAGED_PARTS, openStagingFile, removeFileQuietly, stagingPath, type EditionStore, type StagedPart } from '../store/edition-store';
import type Database from 'better-sqlite3';
import type { Db } from '../store/open-database';
import { attachFile } from '../store/sqlcipher';
import { DOB_LISTS, DobListsBuilder, createDobListsSql, forgetDobs } from './dob-lists';
import { KEY_TABLE, createKeyTableSql, writeKeyTable, type TakenKeys } from './key-tables';
import { NAMES, createNameIndexTableSql } from './member-table';
import { NameKeys } from './name-keys';
import { forEachName, type PackedMembers } from './packed-members';

/** What the thread building the index needs to open its file. */
export interface NamesJob {
  store: EditionStore;
  editionId: number;
}

/** The name index while it fills, on whichever thread holds it. */
export class NameIndexBuilder {
  private readonly db: Db;
  private readonly insertKeys: Database.Statement;
  private readonly nameKeys = new NameKeys();
  private readonly dobLists = new DobListsBuilder();

  constructor(private readonly job: NamesJob) {
    this.db = openStagingFile(job.store, stagingPath(job.store, job.editionId, 'names'), true);
    this.db.exec(createNameIndexTableSql());
    // No merging of segments while the load runs (FTS5 merges incrementally by default, which
    // cost ~0.4 s per million members here); finish() merges them all once.
    this.db.exec(`INSERT INTO ${NAMES}(${NAMES}, rank) VALUES ('automerge', 0)`);
    // A batch's keys go in as one JSON array, ids counted from the first: binding 2,000 strings
    // one by one cost more than FTS5's own insert (0.62 s against 0.33 s per million here).
    this.insertKeys = this.db.prepare(`INSERT INTO ${NAMES} (rowid, keys) SELECT ? + key, value FROM json_each(?) WHERE value IS NOT NULL`);
    // One transaction for the whole load: a commit would make FTS5 write a segment of its own.
    this.db.exec('BEGIN');
  }

  /**
   * A batch of members as the writer wrote them, the first with id `firstId` (ids ascend across
   * calls): into the name index under their name keys, and into their birth date's list.
   */
  insertMembers(members: PackedMembers, firstId: number): void {
    const { nameKeys } = this;
    const keys: (string | null)[] = new Array(members.count);
    forEachName(members, (i, name) => (keys[i] = nameKeys.of(name)));
    this.insertKeys.run(firstId, JSON.stringify(keys));
    this.dobLists.addBatch(members, firstId);
  }

  /**
   * The load ended: the card table written in key order (key-tables.ts) into a staging file of its
   * own, on disk (no fsync: it is copied, then deleted) and closed. Answers the cards found on more
   * than one member. The edition's thread copies that table in while finishNames() runs.
   */
  writeCards(cards: TakenKeys): (string | number)[] {
    const db = openStagingFile(this.job.store, stagingPath(this.job.store, this.job.editionId, 'cards'), true);
    try {
      // One transaction: in autocommit each statement's commit wrote and encrypted its pages
      // again (the table took twice as long).
      return db.transaction(() => writeKeyTable(db, 'card', cards))();
    } finally {
      db.close();
    }
  }

  /** After writeCards(): the birth-date lists written beside the name index, its segments merged, on disk and the file closed. */
  finishNames(): void {
    this.dobLists.write(this.db); // in the load's transaction, still open
    // One merge of every segment into one (~0.3 s per million): cheaper than merging as the load
    // went, and a name search then reads one segment (a 1 M-member bench: name look-ups' p95
    // 12.0 ms against 14.7 ms without the merge, with a birth date 1.3 ms against 1.8 ms).
    this.db.exec(`INSERT INTO ${NAMES}(${NAMES}) VALUES ('optimize')`);
    this.db.exec(`INSERT INTO ${NAMES}(${NAMES}, rank) VALUES ('automerge', 4)`); // FTS5's default again
    this.close();
  }

  /** Closes the file as it is (a failed or stopped import discards it). */
  close(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}

/** A member dropped after the load, with the name keys it was indexed under (null: none) and its birth date. */
export interface DroppedName {
  id: number;
  keys: string | null;
  dob: number | null;
}

const STAGING = 'staging';

/**
 * Copies the finished card table from its staging file into the edition (the whole table, by SQL
 * over an ATTACH: it arrives in key order) and deletes the file.
 */
export function installStagedCards(job: NamesJob, edition: Db): void {
  copyStaged(job, 'cards', edition, () => {
    edition.exec(createKeyTableSql('card'));
    // Same definition on both sides and an empty target: SQLite copies the records as they are, in order.
    edition.exec(`INSERT INTO main.${KEY_TABLE.card.table} SELECT * FROM ${STAGING}.${KEY_TABLE.card.table}`);
  });
}

/**
 * Copies the finished name index from its staging file into the edition (FTS5's shadow tables
 * whole: a few large blobs), and the birth-date lists with it, and deletes the file.
 */
export function installStagedNames(job: NamesJob, edition: Db): void {
  copyStaged(job, 'names', edition, () => {
    edition.exec(createNameIndexTableSql());
    edition.exec(createDobListsSql());
    // The shadow tables are written directly, which defensive mode forbids.
    edition.unsafeMode(true);
    try {
      edition.transaction(() => {
        for (const shadow of ['data', 'idx', 'config'] as const) {
          const table = `${NAMES}_${shadow}`;
          edition.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM ${STAGING}.${table}`);
        }
        edition.exec(`INSERT INTO main.${DOB_LISTS} SELECT * FROM ${STAGING}.${DOB_LISTS}`);
      })();
    } finally {
      edition.unsafeMode(false);
    }
  });
}

/** Runs `copy` with the staging file of `part` attached to the edition as STAGING, then deletes that file. */
function copyStaged(job: NamesJob, part: StagedPart, edition: Db, copy: () => void): void {
  const path = stagingPath(job.store, job.editionId, part);
  attachFile(edition, path, STAGING, job.store.key);
  try {
    copy();
  } finally {
    edition.exec(`DETACH ${STAGING}`);
  }
  removeStagingFile(path);
}

/** Rows dropped after the load leave the name index (FTS5's 'delete' with the keys they were indexed under) and the birth-date lists. */
export function forgetNames(edition: Db, dropped: readonly DroppedName[]): void {
  if (dropped.length === 0) return;
  const remove = edition.prepare(`INSERT INTO ${NAMES}(${NAMES}, rowid, keys) VALUES ('delete', ?, ?)`);
  edition.transaction(() => dropped.forEach(({ id, keys }) => keys !== null && remove.run(id, keys)))();
  forgetDobs(edition, dropped);
}

/** Every staging file of an import, whatever state it is in. */
export function removeStagingFiles(job: NamesJob): void {
  for (const part of STAGED_PARTS) removeStagingFile(stagingPath(job.store, job.editionId, part));
}

function removeStagingFile(path: string): void {
  removeFileQuietly(path);
  removeFileQuietly(`${path}-journal`);
}
