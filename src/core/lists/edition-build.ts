import type { ImportIssue } from '../../shared/lists';
import Database from 'better-sqlite3';
import { applyKey, buildingPath, editionPath, editionsDir, fsyncDir, openBuildingFile, removeFileQuietly, renameFile, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { FlushInSteps } from '../store/flush-in-steps';
import { createMemberTableSql } from './member-table';
import { pauseAt } from './test-pause';

/**
 * One edition's file while it is built: `e<id>.db.building`, written without journal or fsync
 * and locked exclusively until it is closed (its lock is what tells recovery the import is
 * alive). `seal()` makes it durable while still locked; `closeAndRename()` is called by the
 * switch, inside the main file's write transaction, so recovery (which takes the same lock)
 * never sees the file between unlocked and renamed.
 */
export class EditionBuild {
  private open = true;
  private renamed = false;

  private constructor(
    private readonly store: EditionStore,
    readonly editionId: number,
    readonly db: Db,
    /** An import's file goes to disk as it grows (flush-in-steps.ts); an adopted one is already there. */
    private readonly flush?: FlushInSteps,
  ) {}

  /** Creates the building file (with its tables) and takes its lock. */
  static create(store: EditionStore, editionId: number): EditionBuild {
    const db = openBuildingFile(store, editionId);
    let flush: FlushInSteps | undefined;
    try {
      db.exec(createMemberTableSql());
      flush = new FlushInSteps(buildingPath(store, editionId));
    } catch (error) {
      db.close();
      removeFileQuietly(buildingPath(store, editionId));
      throw error;
    }
    return new EditionBuild(store, editionId, db, flush);
  }

  /**
   * A finished file made elsewhere (an edition fetched from the hub, already checked and
   * encrypted with this database's key) becomes this edition's building file: renamed to
   * `e<id>.db.building` and locked exactly as an import's, so the switch and recovery treat it
   * the same. Called inside beginEdition's transaction.
   */
  static adopt(store: EditionStore, editionId: number, readyFile: string): EditionBuild {
    const path = buildingPath(store, editionId);
    renameFile(readyFile, path);
    let db: Db | undefined;
    try {
      db = new Database(path, { fileMustExist: true, ...(store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}) });
      applyKey(db, store.key);
      db.pragma('locking_mode = EXCLUSIVE');
      db.unsafeMode(true);
      db.pragma('journal_mode = OFF');
      db.unsafeMode(false);
      // A write takes the exclusive lock now and keeps it until close, as openBuildingFile does.
      db.prepare(`INSERT OR REPLACE INTO edition_meta (key, value) VALUES ('adopted', ?)`).run(new Date().toISOString());
      return new EditionBuild(store, editionId, db);
    } catch (error) {
      db?.close();
      removeFileQuietly(path);
      throw error;
    }
  }

  saveIssues(rejects: readonly ImportIssue[], warnings: readonly ImportIssue[]): void {
    const insert = this.db.prepare('INSERT INTO import_issues (row, severity, code, detail) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      // The detail as found (a reason code, a row number, a cell): worded when exported, in the caller's language.
      for (const r of rejects) insert.run(r.row, 'reject', r.code, r.params.detail);
      for (const w of warnings) insert.run(w.row, 'warning', w.code, w.params.detail);
    })();
  }

  /** What is committed so far starts for the disk, on the thread pool (after each chunk of rows and each index). */
  flushSoon(): void {
    this.flush?.soon();
  }

  /** Resolves once what is committed is on disk: seal()'s fsync then has almost nothing left to write. */
  flushed(): Promise<void> {
    return this.flush?.settle() ?? Promise.resolve();
  }

  /**
   * Everything on disk, lock still held: with synchronous FULL the last commit fsyncs the file
   * (and with it every page the unsynced commits before left in the OS cache; after flushed(),
   * few). Done through SQLite: the steps' own handle is closed only after SQLite's connection,
   * since closing a handle of the file would drop SQLite's POSIX lock, and with it the sign
   * that this import is alive.
   */
  seal(): void {
    this.db.pragma('synchronous = FULL');
    this.db.prepare(`INSERT OR REPLACE INTO edition_meta (key, value) VALUES ('complete', ?)`).run(new Date().toISOString());
    pauseAt('complete');
  }

  /** Inside the main file's write transaction: unlock, then give the file its final name. */
  closeAndRename(): string {
    this.closeConnection();
    renameFile(buildingPath(this.store, this.editionId), editionPath(this.store, this.editionId));
    this.renamed = true;
    fsyncDir(editionsDir(this.store));
    return editionPath(this.store, this.editionId);
  }

  /** The import failed or stopped: no file of it stays. */
  discard(): void {
    this.closeConnection();
    removeFileQuietly(buildingPath(this.store, this.editionId));
    if (this.renamed) removeFileQuietly(editionPath(this.store, this.editionId));
  }

  private closeConnection(): void {
    if (!this.open) return;
    this.open = false;
    this.db.close();
    this.flush?.close();
  }
}
