import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LoketError } from '../errors';
import { openRaw, removeJournals, type FileOptions } from './cipher-files';
import { keyFilePathOf, nextKeyPathOf, readKeyFile } from './database-key';
import { databaseFilesInUse, tryImportLock } from './database-in-use';
import { editionFileName, fsyncFile, listsDirOf } from './edition-store';
import type { Db } from './open-database';
import { tightenFile } from './private-files';
import { checkBackupFile, checkBackupShape, copyBackupMain, editionSource, findKey, refuseUnlessForced, type NamedEdition, type RestoreKeySource } from './restore-checks';
import { carryNumbers, enrolmentOf, readPreviousDatabase, type PreviousDatabase } from './restore-previous';
import { asideFolderFor, databaseParts, install, moveAside, putBack } from './restore-files';
import { recordRestore, type BeyondBackup } from './restore-record';

export type { RestoreKeySource } from './restore-checks';

/**
 * `loket restore --from FILE`: a backup (store/database-backup.ts: FILE and FILE.lists/) put back
 * as the database, so that no step can lose data:
 *   1. refused while any process has the database open (database-in-use.ts) or imports into it;
 *      the import lock is held until the end, so no import starts meanwhile;
 *   2. the backup is copied into `<db>.restoring/` (the backup itself is never opened: opening
 *      writes beside it) and checked there: its key (the recovery key given, else a key that
 *      opens it), SQLite's integrity check, every list edition it names. Nothing beside the
 *      database has changed yet; any refusal here leaves it exactly as it was;
 *   3. the database's files (main file, -wal/-shm/-journal, key file, lists folder) are moved,
 *      never deleted, into one dated folder beside it, main file first: on Windows that move is
 *      refused while Loket has the file open, and then nothing has moved. A stale -wal from an
 *      unclean stop goes with them, so SQLite can never replay it onto the restored file;
 *   4. the database being replaced, when a key at hand opens it (restore-previous.ts, read from a
 *      copy), may refuse the restore unless forced: it holds changes the facility hub has not
 *      received (they would stay only in the moved-aside folder), or it is enrolled at the hub
 *      and the backup is from before the enrolment (the counter would number alone again).
 *      The numbers it has given (RM, queue numbers per day) are carried into the checked copy,
 *      so the restored counter never gives one a second time;
 *   5. the restore is written on the checked copy's audit trail (restore-record.ts): who, from which
*      backup, what the replaced database holds beyond it (its trail's head, how many entries and
 *      registrations came after the backup) and the folder it goes to;
 *   6. the checked copy is renamed into place (the lists folder whole, never nested) and the key
 *      that opened it written as `<db>.key`; then the result is opened again and reported.
 * The core is not running meanwhile (it would hold the files): this is called by the `loket`
 * command with no core, and the app documents that restoring is done with Loket closed.
 */
export interface RestoreRequest {
  dbPath: string;
  /** The backup's main file (its editions in `<from>.lists/`). */
  from: string;
  /** --key-file: the recovery key saved when the backup was made. */
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
  nativeBinding?: string;
  now?: Date;
  /** --force: restore although the replaced database has unsent changes or the backup predates its enrolment. */
  force?: boolean;
  /** Who restores, as the restored trail's `restore` entry names them (the CLI's `cli:<os user>`). */
  actor?: string;
}

/** The database that was replaced, as far as it could be read. */
export type ReplacedDatabase =
  | { state: 'none' }
  /** There, but no key at hand opens it, or it is damaged: nothing of it could be carried. */
  | { state: 'unreadable' }
  | {
      state: 'read';
      enrolled: boolean;
      /** Changes the hub had not received; they stay in the moved-aside folder (only with --force). */
      unsent: number;
      unsentRegistrations: number;
      /** Some number it had given was higher than the backup's and now counts in the restored database. */
      numbersCarried: boolean;
      /** What it holds beyond the backup (audit entries, registrations): kept only in the moved-aside folder. */
      beyond: BeyondBackup;
    };


export interface RestoredList {
  name: string;
  kind: string;
  edition: number;
  asOf: string;
  members: number;
  state: 'current' | 'previous';
}

export interface RestoreReport {
  dbPath: string;
  from: string;
  /** When the backup file was last written (its modification time; a copy may keep or reset it). */
  backupFileTime: string;
  /** The last registration the backup holds (UTC instant), null when it holds none. */
  lastRegistration: string | null;
  /** The folder the replaced files were moved into; null when there was no database to replace. */
  aside: string | null;
  keySource: RestoreKeySource;
  lists: RestoredList[];
  patients: number;
  visits: number;
  /** Whether the restored database is enrolled at a facility hub. */
  enrolled: boolean;
  replaced: ReplacedDatabase;
  /** The seq of the `restore` entry on the restored trail; null for a backup from before the trail. */
  recorded: number | null;
}

const STAGING_SUFFIX = '.restoring';

export function restoreDatabase(request: RestoreRequest): RestoreReport {
  const { dbPath, from } = request;
  const options: FileOptions = request.nativeBinding ? { nativeBinding: request.nativeBinding } : {};
  checkBackupFile(from, dbPath);
  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
  if (databaseFilesInUse(dbPath)) throw new LoketError('restore/in-use', { path: dbPath });
  const lock = tryImportLock(dbPath, request.nativeBinding);
  if (!lock) throw new LoketError('restore/in-use', { path: dbPath });
  const staging = `${dbPath}${STAGING_SUFFIX}`;
  try {
    rmSync(staging, { recursive: true, force: true }); // a copy an interrupted restore left: only a copy
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    const staged = join(staging, basename(dbPath));
    copyBackupMain(from, staged);
    const key = findKey(staged, request, options);
    checkCopy(staged, from, key.key, options);
    const previous = readOnly(staged, key.key, options, (backup) => readPreviousDatabase(dbPath, join(staging, 'previous'), previousKeys(request, key.key), options, backup));
    const replaced = weigh(staged, key.key, previous, request, options);
    // Checking a large backup takes a while: Loket may have been started meanwhile (the import lock is ours now).
    if (databaseFilesInUse(dbPath, { importLock: false })) throw new LoketError('restore/in-use', { path: dbPath });
    const now = request.now ?? new Date();
    const asideFolder = databaseParts(dbPath).some((part) => existsSync(part)) ? asideFolderFor(dbPath, now) : null;
    const recorded = record(staged, key.key, options, request, now, asideFolder, replaced);
    const aside = moveAside(dbPath, asideFolder);
    try {
      install(staged, dbPath, key.key);
    } catch (error) {
      putBack(dbPath, aside);
      throw error;
    }
    rmSync(staging, { recursive: true, force: true });
    return { ...describe(dbPath, key.key, options), dbPath, from, backupFileTime: statSync(from).mtime.toISOString(), aside, keySource: key.source, replaced, recorded };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    lock.release();
  }
}

/**
 * Keys that may open the database being replaced: LOKET_DB_KEY, the key file given (the recovery
 * key opens it too when there was no re-key since the backup), its own key file and a re-key's
 * next key when in plain form (a sealed one only the app can read), and the backup's key.
 */
function previousKeys(request: RestoreRequest, backupKey: string | undefined): (string | undefined)[] {
  const env = request.env ?? process.env;
  const keys: (string | undefined)[] = [env['LOKET_DB_KEY'] || undefined, backupKey];
  const keyFile = keyFilePathOf(request.dbPath);
  for (const path of [request.keyFile ?? (env['LOKET_DB_KEY_FILE'] || undefined), keyFile, nextKeyPathOf(keyFile)]) {
    if (!path) continue;
    try {
      const content = readKeyFile(path);
      if (content?.form === 'plain') keys.push(content.key);
    } catch {
      // a damaged key file: not a key
    }
  }
  return [...new Set(keys)];
}

/**
 * Refuses (unless forced) what would lose data or silently change the counter, then carries the
 * replaced database's numbers into the checked copy. Nothing beside the database has changed yet.
 */
function weigh(staged: string, key: string | undefined, previous: PreviousDatabase | null, request: RestoreRequest, options: FileOptions): ReplacedDatabase {
  if (previous === null) return { state: existsSync(request.dbPath) ? 'unreadable' : 'none' };
  const db = openRaw(staged, key, options);
  try {
    refuseUnlessForced(previous, enrolmentOf(db).enrolled, request);
    const numbersCarried = carryNumbers(db, previous);
    return { state: 'read', enrolled: previous.enrolled, unsent: previous.unsent, unsentRegistrations: previous.unsentRegistrations, numbersCarried, beyond: previous.beyond };
  } finally {
    db.close();
    removeJournals(staged);
    fsyncFile(staged);
  }
}

function readOnly<T>(path: string, key: string | undefined, options: FileOptions, read: (db: Db) => T): T {
  const db = openRaw(path, key, options, true);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * The restore on the checked copy's own trail (restore-record.ts), before it is put in place: who,
 * from which backup, what the replaced database holds beyond it and the folder it is moved to.
 */
function record(staged: string, key: string | undefined, options: FileOptions, request: RestoreRequest, now: Date, aside: string | null, replaced: ReplacedDatabase): number | null {
  const db = openRaw(staged, key, options);
  try {
    return recordRestore(db, {
      at: now,
      actor: request.actor ?? 'cli:unknown',
      from: request.from,
      backupTime: statSync(request.from).mtime.toISOString(),
      aside,
      replaced: replaced.state === 'read' ? replaced.beyond : replaced.state,
      forced: request.force === true,
    });
  } finally {
    db.close();
    removeJournals(staged);
    fsyncFile(staged);
  }
}

/**
 * The copy is a Loket database this version can open, whole (SQLite's integrity check), and
 * every edition it names is copied beside it and opens. Its WAL is folded in, so the file placed
 * as the database holds everything by itself.
 */
function checkCopy(staged: string, from: string, key: string | undefined, options: FileOptions): void {
  let db: Db;
  try {
    db = openRaw(staged, key, options);
  } catch {
    throw new LoketError('restore/not-a-backup', { path: from });
  }
  let editions: NamedEdition[];
  try {
    editions = checkBackupShape(db, from);
    const problems = db.pragma('integrity_check', { simple: true });
    if (problems !== 'ok') throw new LoketError('restore/damaged', { path: from, detail: String(problems) });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  removeJournals(staged);
  fsyncFile(staged);
  for (const edition of editions) {
    const source = editionSource(from, edition);
    if (source === null) continue;
    const target = join(listsDirOf(staged), editionFileName(edition.id));
    mkdirSync(listsDirOf(staged), { recursive: true, mode: 0o700 });
    copyFileSync(source, target);
    tightenFile(target);
    let edb: Db | undefined;
    try {
      edb = openRaw(target, key, options, true);
      const check = edb.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    } catch (error) {
      throw new LoketError('restore/damaged', { path: source, detail: error instanceof Error ? error.message : String(error) });
    } finally {
      edb?.close();
    }
    fsyncFile(target);
  }
}

/** The restored database opened again: what a person restoring wants to know it holds. */
function describe(dbPath: string, key: string | undefined, options: FileOptions): Pick<RestoreReport, 'lists' | 'patients' | 'visits' | 'lastRegistration' | 'enrolled'> {
  const db = openRaw(dbPath, key, options, true);
  try {
    const lists = db
      .prepare(
        `SELECT l.name, l.kind, e.edition, e.as_of AS asOf, e.rows_imported AS members, e.state
         FROM list_editions e JOIN lists l ON l.id = e.list_id
         WHERE e.state IN ('current', 'previous') ORDER BY l.name, e.state`,
      )
      .all() as RestoredList[];
    const count = (table: string): number => {
      const exists = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as number;
      return exists ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0;
    };
    const hasVisits = count('visits') > 0;
    const lastRegistration = hasVisits ? (db.prepare('SELECT max(registered_at) FROM visits').pluck().get() as string | null) : null;
    return { lists, patients: count('patients'), visits: count('visits'), lastRegistration, enrolled: enrolmentOf(db).enrolled };
  } finally {
    db.close();
  }
}
