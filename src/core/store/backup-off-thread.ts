import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

/**
 * A backup (database-backup.ts) on a thread of its own when the built worker is there (the app,
 * the harness, the `loket` command): the counter's look-ups and registrations are answered
 * meanwhile. Five 137 MB editions took 2.6 s to copy on a slow disk, all of it spent holding the
 * counter when it ran on the core's thread. Without the built worker (tests of the core alone),
 * on this thread with the core's own connection.
 */
export async function backupOffThread(db: Db, job: BackupJob, importWorkerScript: string | null | undefined): Promise<{ editions: number }> {
  const script = importWorkerScript ? join(dirname(importWorkerScript), 'backup-worker.js') : null;
  if (script === null || !existsSync(script)) return backupDatabase(db, job.target, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let settled = false;
    worker.on('message', (message: BackupWorkerMessage) => {
      settled = true;
      if (message.type === 'done') resolve({ editions: message.editions });
      else reject(errorFromPayload(message.error));
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`backup worker stopped (exit code ${code})`));
    });
  });
}
