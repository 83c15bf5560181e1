import type Database from 'better-sqlite3';
import type { Db } from '../store/open-database';
import type { EditionBuild } from './edition-build';
import { dropRepeatedRows, flagDuplicates, type RowPair } from './duplicates';
import { KeyColumn, keyTableSteps } from './key-tables';
import { MEMBERS } from './member-table';
import { NameKeys } from './name-keys';
import { forgetNames, installStagedCards, installStagedNames } from './names-aside';
import type { NameSink } from './name-sink';
import { forEachMember, type PackedMembers } from './packed-members';
import { pauseAt } from './test-pause';

// name_keys stays empty: the keys go to the name index's staging file (names-aside.ts).
const COLUMNS = '(id, nik, card, dob, flags, name, detail, row)';
const PARAMS_PER_ROW = 8;
/** Rows per INSERT statement: one multi-row statement is ~30% cheaper than as many single-row runs. */
const ROWS_PER_STATEMENT = 64;
/** Rows per transaction: few commits, but a bounded WAL. */
const ROWS_PER_COMMIT = 50_000;
/** NIK table entries per step (~4 MB of pages, about what a chunk of rows writes): see finish(). */
const KEYS_PER_STEP = 200_000;

/**
 * Bulk-loads one edition's member table and its name index into the edition's own building
 * file (edition-build.ts: no journal, no fsync, nobody else reads it until the switch). The load
 * commits in chunks so memory stays bounded; a crash leaves only a building file that recovery
 * deletes.
 *
 * The name keys are made on the name index's thread, which each batch goes to once written
 * (name-sink.ts); NameKeys caches them per word. The NIK and card indexes
 * are tables written once after the load, in key order, from the keys the writer keeps
 * (key-tables.ts): the NIK table here, the card table at the same time on the name index's
 * thread. That thread fills the FTS5 name index as the rows load (names-aside.ts), and the writer
 * copies both finished tables in.
 */
export class EditionWriter {
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly params: unknown[] = new Array(ROWS_PER_STATEMENT * PARAMS_PER_ROW);
  private readonly niks = new KeyColumn();
  private readonly cards = new KeyColumn();
  private uncommitted = 0;
  private written = 0;

  private readonly db: Db;

  /**
   * `build`: the edition's building file, its tables already created. What is committed goes on
   * its way to disk after each commit and each index (EditionBuild.flushSoon), so the file's
   * final fsync never writes it all at once.
   */
  constructor(
    private readonly build: EditionBuild,
    private readonly names: NameSink,
  ) {
    const db = build.db;
    this.db = db;
    const table = MEMBERS;
    const oneRow = `(${new Array(PARAMS_PER_ROW).fill('?').join(',')})`;
    this.insertMany = db.prepare(`INSERT INTO ${table} ${COLUMNS} VALUES ${new Array(ROWS_PER_STATEMENT).fill(oneRow).join(',')}`);
    this.insertOne = db.prepare(`INSERT INTO ${table} ${COLUMNS} VALUES ${oneRow}`);
  }

  write(members: PackedMembers): void {
    // A batch of only rejected rows writes nothing. (It used to open a transaction it never
    // counted, so the next batch's BEGIN failed: "cannot start a transaction within a transaction".)
    if (members.count === 0) return;
    if (!this.db.inTransaction) this.db.exec('BEGIN');
    const { params, niks, cards } = this;
    // Whole statements of ROWS_PER_STATEMENT rows, then the rest one by one.
    const inWholeStatements = members.count - (members.count % ROWS_PER_STATEMENT);
    let i = 0;
    let p = 0;
    // Ids are given, not left to SQLite: the staged name index refers to them.
    const firstId = this.written + 1;
    let id = this.written;
    forEachMember(members, (m) => {
      id++;
      niks.setNik(id, m[0]);
      cards.setCard(id, m[1]);
      if (i++ < inWholeStatements) {
        params[p++] = id;
        for (let k = 0; k < 7; k++) params[p++] = m[k];
        if (p === params.length) {
          // Spread, not the array: better-sqlite3 reads an array's elements one by one through
          // V8's object API, the arguments directly (~25 % less for binding and inserting a row).
          this.insertMany.run(...params);
          p = 0;
        }
      } else this.insertOne.run(id, ...m);
    });
    const { count } = members;
    this.names.add(members, firstId); // the batch is the sink's from here (its buffers may move)
    this.uncommitted += count;
    if (this.uncommitted >= ROWS_PER_COMMIT) this.commit();
    if (this.written === 0) {
      this.commit();
      pauseAt('rows');
    }
    this.written += count;
  }

  /** Resolves when the name index's thread has caught up enough for the next batch (bounded memory). */
  namesCaughtUp(): Promise<void> {
    return this.names.caughtUp();
  }

  /**
   * Indexes after the load, then repeats and duplicates: rows repeated word for word are dropped
   * (and leave both key tables and the name index) and rows still sharing a NIK or card are
   * flagged. Returns [row, otherRow] pairs of both.
   */
  async finish(): Promise<{ duplicates: RowPair[]; repeats: RowPair[] }> {
    this.commit();
    // On another thread when there is one: the card table is sorted and written while the NIK
    // table is here, then the name index merged while the card table is copied in (names-aside.ts).
    const staged = this.names.finish(this.cards.take());
    // Written in steps, each on disk before the next starts: the register's own commits share
    // the disk, and on Linux an fsync of the register waits for the one of this file under way.
    // Written whole, the table's ~19 MB per million (and the rows' last chunk) went in one
    // fsync that took 1.1-1.4 s here while the table grew under it, and a patient's
    // registration once waited 317 ms behind it.
    await this.build.flushed();
    const sharedNiks = await this.inSteps(keyTableSteps(this.db, 'nik', this.niks.take(), KEYS_PER_STEP));
    pauseAt('index-build');
    const sharedCards = await staged.cards;
    installStagedCards(this.names.job, this.db);
    await staged.names;
    installStagedNames(this.names.job, this.db);
    this.build.flushSoon();
    const keys = { nik: sharedNiks, card: sharedCards };
    const repeats = dropRepeatedRows(this.db, keys);
    const duplicates = flagDuplicates(this.db, keys);
    // A repeat has its first copy's name and birth date, so it was indexed under the same keys.
    const nameKeys = new NameKeys();
    forgetNames(this.db, repeats.map((r) => ({ id: r.id, keys: nameKeys.of(r.name), dob: r.dob })));
    return { duplicates, repeats: repeats.map(({ row, other }) => ({ row, other })) };
  }

  /** Stops the load; the caller discards the whole file (no journal: nothing is rolled back), and this discards the staged names. */
  abort(): void {
    this.uncommitted = 0;
    this.names.discard();
  }

  /** Runs `steps` in transactions, one a step, each committed and on disk before the next. */
  private async inSteps<T>(steps: Generator<void, T>): Promise<T> {
    for (;;) {
      this.db.exec('BEGIN');
      const step = steps.next();
      this.db.exec('COMMIT');
      this.build.flushSoon();
      await this.build.flushed();
      if (step.done) return step.value;
    }
  }

  private commit(): void {
    if (this.db.inTransaction) {
      this.db.exec('COMMIT');
      this.build.flushSoon();
    }
    this.uncommitted = 0;
  }
}
