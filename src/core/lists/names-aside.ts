/**
 * The FTS5 name index and the card table of an edition, built aside on the other core.
 *
 * SQLite has one writer per file, so the edition's own connection would build its indexes one
 * after the other while the other core idles (the reader thread has finished by then). Instead,
 * each batch of members goes, once written, to a thread of its own (name-sink.ts) that makes
 * their name keys (name-keys.ts) and fills the FTS5 index in a file of its own (`e<id>.names.building`, same key as the
 * edition, no journal), in one transaction so
 * FTS5 writes a segment per full in-memory buffer rather than per commit: ids arrive in
 * ascending order, the cheapest way to fill it. When the load ends that index is complete; the
 * edition's connection copies its few rows (its segments are large blobs: ~1,500 rows for
 * 1 M members, ~10 ms) into the edition file. The card table (key-tables.ts) is written into
 * the same staging file when the load ends, while the edition's connection writes the NIK table,
 * and copied in with the name index.
 *
 * Rows dropped as repeats after the load are deleted from the copied index with FTS5's 'delete'
 * command, which a contentless index accepts with the keys it was given: a repeat has, word for
 * word, the name and birth date of the row it repeats, so the same keys.
 */
import { namesStagingPath, openNamesStaging, removeFileQuietly, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { attachFile } from '../store/sqlcipher';
import { KEY_TABLE, createKeyTableSql, writeKeyTable, type TakenKeys } from './key-tables';
import { NAMES, createNameIndexTableSql } from './member-table';
import { NameKeys } from './name-keys';
import { forEachNameAndDob, type PackedMembers } from './packed-members';
import { PairInserter } from './pair-inserter';

/** What the thread building the index needs to open its file. */
export interface NamesJob {
  store: EditionStore;
  editionId: number;
}

/** The name index while it fills, on whichever thread holds it. */
export class NameIndexBuilder {
  private readonly db: Db;
  private readonly inserter: PairInserter;
  private readonly nameKeys = new NameKeys();

  constructor(job: NamesJob) {
    this.db = openNamesStaging(job.store, job.editionId, true);
    this.db.exec(createNameIndexTableSql());
    // No merging of segments while the load runs (FTS5 merges incrementally by default, which
    // cost ~0.4 s per million members here); finish() merges them all once.
    this.db.exec(`INSERT INTO ${NAMES}(${NAMES}, rank) VALUES ('automerge', 0)`);
    this.inserter = new PairInserter(this.db, `INSERT INTO ${NAMES} (rowid, keys) VALUES`);
    // One transaction for the whole load: a commit would make FTS5 write a segment of its own.
    this.db.exec('BEGIN');
  }

  /** A batch of members as the writer wrote them, the first with id `firstId` (ids ascend across calls), under their name keys. */
  insertMembers(members: PackedMembers, firstId: number): void {
    const { inserter, nameKeys } = this;
    forEachNameAndDob(members, (i, name, dob) => {
      const keys = nameKeys.of(name, dob);
      if (keys !== null) inserter.add(firstId + i, keys);
    });
  }

  /**
   * The load ended: the name index's segments merged, the card table written in key order
   * (key-tables.ts), all on disk (no fsync: it is copied, then deleted) and the file closed.
   * Answers the cards found on more than one member.
   */
  finish(cards: TakenKeys): (string | number)[] {
    this.inserter.end();
    // One merge of every segment into one (~0.2 s per million): cheaper than merging as the load
    // went, and a name search then reads one segment (measured: p95 0.69 ms against 0.85 ms).
    this.db.exec(`INSERT INTO ${NAMES}(${NAMES}) VALUES ('optimize')`);
    this.db.exec(`INSERT INTO ${NAMES}(${NAMES}, rank) VALUES ('automerge', 4)`); // FTS5's default again
    const shared = writeKeyTable(this.db, 'card', cards);
    this.close();
    return shared;
  }

  /** Closes the file as it is (a failed or stopped import discards it). */
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

const STAGING = 'staging';

/**
 * Copies the finished name index and card table from the staging file into the edition (both
 * tables whole, by SQL over an ATTACH: FTS5's shadow tables are a few large blobs, the card table
 * arrives in key order) and deletes the staging file.
 */
export function installStagedIndexes(job: NamesJob, edition: Db): void {
  attachFile(edition, namesStagingPath(job.store, job.editionId), STAGING, job.store.key);
  try {
    edition.exec(createNameIndexTableSql());
    edition.exec(createKeyTableSql('card'));
    // The shadow tables are written directly, which defensive mode forbids.
    edition.unsafeMode(true);
    try {
      edition.transaction(() => {
        for (const shadow of ['data', 'idx', 'config'] as const) {
          const table = `${NAMES}_${shadow}`;
          edition.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM ${STAGING}.${table}`);
        }
        // Same definition on both sides and an empty target: SQLite copies the records as they are, in order.
        edition.exec(`INSERT INTO main.${KEY_TABLE.card.table} SELECT * FROM ${STAGING}.${KEY_TABLE.card.table}`);
      })();
    } finally {
      edition.unsafeMode(false);
    }
  } finally {
    edition.exec(`DETACH ${STAGING}`);
  }
  removeNamesStaging(job);
}

/** Rows dropped after the load leave the name index: FTS5's 'delete' with the keys they were indexed under. */
export function forgetNames(edition: Db, dropped: readonly DroppedName[]): void {
  if (dropped.length === 0) return;
  const remove = edition.prepare(`INSERT INTO ${NAMES}(${NAMES}, rowid, keys) VALUES ('delete', ?, ?)`);
  edition.transaction(() => dropped.forEach(({ id, keys }) => remove.run(id, keys)))();
}

export function removeNamesStaging(job: NamesJob): void {
  const path = namesStagingPath(job.store, job.editionId);
  removeFileQuietly(path);
  removeFileQuietly(`${path}-journal`);
}
