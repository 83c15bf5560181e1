import { builtWorkerBeside, firstAnswerOf } from '../built-workers';
import { errorFromPayload, type ErrorPayload } from '../errors';
import { backupDatabase } from './database-backup';
import type { Db } from './open-database';

/** What the backup worker is given: plain data (the database's path and key), no connection. */
export interface BackupJob {
  dbPath: string;
  target: string;
  key?: string;
  nativeBinding?: string;
}

export type BackupWorkerMessage = { type: 'done'; editions: number } | { type: 'error'; error: ErrorPayload };

/** The backup's file options (database-backup.ts): only the driver's location. */
export const backupFileOptions = (job: BackupJob): { nativeBinding?: string } => (job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});

/**
 * A backup (database-backup.ts) on a thread of its own when the built worker is there (the app,
 * the harness, the `loket` command): the counter's look-ups and registrations are answered
 * meanwhile. Five 137 MB editions took 2.6 s to copy on a slow disk, all of it spent holding the
 * counter when it ran on the core's thread. Without the built worker (tests of the core alone),
 * on this thread with the core's own connection.
 */
export async function backupOffThread(db: Db, job: BackupJob, importWorkerScript: string | null | undefined): Promise<{ editions: number }> {
  const script = builtWorkerBeside(importWorkerScript, 'backup-worker');
  if (script === null) return backupDatabase(db, job.target, backupFileOptions(job));
  const message = await firstAnswerOf<BackupWorkerMessage>(script, job);
  if (message.type === 'done') return { editions: message.editions };
  throw errorFromPayload(message.error);
}
