import type Database from 'better-sqlite3';
import type { Db } from '../store/open-database';

/** Rows per INSERT statement (two parameters each). */
const ROWS_PER_STATEMENT = 256;

/**
 * Two-column rows INSERTed 256 to a statement: one multi-row statement costs far less than as
 * many single-row runs. `end()` writes the rows left over one by one. For the bulk loads of an
 * edition's key tables (key-tables.ts); the FTS5 name index takes a batch's keys as one JSON
 * array instead (names-aside.ts), strings being dearer to bind than integers.
 */
export class PairInserter {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly params: unknown[] = new Array(ROWS_PER_STATEMENT * 2);
  private p = 0;

  /** `into`: `INSERT INTO table (a, b) VALUES`. */
  constructor(db: Db, into: string) {
    this.many = db.prepare(`${into} ${new Array(ROWS_PER_STATEMENT).fill('(?,?)').join(',')}`);
    this.one = db.prepare(`${into} (?, ?)`);
  }

  add(a: unknown, b: unknown): void {
    const { params } = this;
    params[this.p++] = a;
    params[this.p++] = b;
    if (this.p === params.length) {
      // Spread, not the array: better-sqlite3 reads an array's elements through V8's object
      // API one by one, the arguments directly (edition-writer.ts measured it).
      this.many.run(...params);
      this.p = 0;
    }
  }

  end(): void {
    for (let i = 0; i < this.p; i += 2) this.one.run(this.params[i], this.params[i + 1]);
    this.p = 0;
  }
}
