/**
 * Worker-thread entry for an enrolled counter's edition step (edition-sync-step.ts): the
 * portable copy, gzip, download, hashing, verification and re-encryption of list editions are
 * seconds of CPU for a large list, so they run here, on a connection of this thread's own, never
 * on the thread that answers the clerk's look-ups. Talks to its parent only by messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { yieldToCounter } from '../lists/thread-priority';
import { openDatabase } from '../store/open-database';
import { transportFor } from './enroll';
import { failureOf, type EditionJob, type EditionWorkerMessage } from './edition-sync-run';
import { runEditionStepLocked } from './edition-sync-step';

async function run(job: EditionJob): Promise<void> {
  const post = (message: EditionWorkerMessage): void => parentPort?.postMessage(message);
  let db;
  try {
    const files = { ...(job.key ? { key: job.key } : {}), ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) };
    db = openDatabase(job.dbPath, files);
    const result = await runEditionStepLocked(db, transportFor(job.credential), { dbPath: job.dbPath, ...files });
    post({ type: 'done', result });
  } catch (error) {
    post({ type: 'error', failure: failureOf(error) });
  } finally {
    db?.close();
  }
}

yieldToCounter();
void run(workerData as EditionJob);
