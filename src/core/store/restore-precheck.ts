import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LoketError } from '../errors';
import { openRaw, type FileOptions } from './cipher-files';
import type { Db } from './open-database';
import { checkBackupFile, checkBackupShape, copyBackupMainAsync, editionSource, findKey, refuseUnlessForced } from './restore-checks';
import { enrolmentOf, replacedFactsOf } from './restore-previous';

export interface PrecheckRequest {
  dbPath: string;
  from: string;
  keyFile: string;
  force: boolean;
}

/**
 * The restore's refusals that the running core can give before it is stopped for a restore from
 * the app (core.restorePlan): the backup file, its key, that it is a Loket database this version
 * opens with the current editions it names beside it, and (unless forced) the database's own
 * unsent changes and enrolment against the backup's. So a wrong key or an unsent change is
 * refused while the counter keeps working, as a clerk's role is (restore-plan.ts).
 *
 * The backup's main file is copied into the restore's staging folder (`<db>.restoring`, which the
 * restore empties first) on Node's thread pool; the rest are short reads. Only SQLite's integrity
 * check, which reads every page, is left to the restore (database-restore.ts), which makes every
 * check again with the core stopped.
 */
export async function precheckRestore(request: PrecheckRequest, live: Db, options: FileOptions): Promise<void> {
  checkBackupFile(request.from, request.dbPath);
  const staging = `${request.dbPath}.restoring`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    const staged = join(staging, basename(request.dbPath));
    await copyBackupMainAsync(request.from, staged);
    const { key } = findKey(staged, { dbPath: request.dbPath, from: request.from, keyFile: request.keyFile, env: {} }, options);
    let db: Db;
    try {
      db = openRaw(staged, key, options);
    } catch {
      throw new LoketError('restore/not-a-backup', { path: request.from });
    }
    let backupEnrolled: boolean;
    try {
      for (const edition of checkBackupShape(db, request.from)) editionSource(request.from, edition);
      backupEnrolled = enrolmentOf(db).enrolled;
    } finally {
      db.close();
    }
    refuseUnlessForced(replacedFactsOf(live), backupEnrolled, request);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
