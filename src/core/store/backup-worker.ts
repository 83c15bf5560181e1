/**
 * Worker-thread entry for a database backup (backup-off-thread.ts): VACUUM INTO of the main
 * file and copies of the edition files are seconds of reading and writing for a database with
 * big lists, so they run here, on a read-only connection of this thread's own, never on the
 * thread that answers the clerk. Posts the result or the error, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../errors';
import { yieldToCounter } from '../lists/thread-priority';
import { backupDatabase } from './database-backup';
import { backupFileOptions, type BackupJob, type BackupWorkerMessage } from './backup-off-thread';
import { openDatabase } from './open-database';

yieldToCounter();
const job = workerData as BackupJob;
const post = (message: BackupWorkerMessage): void => parentPort?.postMessage(message);
let outcome: BackupWorkerMessage;
try {
  const db = openDatabase(job.dbPath, { ...backupFileOptions(job), ...(job.key ? { key: job.key } : {}), readonly: true });
  try {
    outcome = { type: 'done', editions: backupDatabase(db, job.target, backupFileOptions(job)).editions };
  } finally {
    db.close();
  }
} catch (error) {
  outcome = { type: 'error', error: toErrorPayload(error) };
}
// Posted once the connection is closed: the parent stops this thread on its answer.
post(outcome);
