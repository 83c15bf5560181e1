/**
 * Worker-thread entry for the whole-file check of one list edition (edition-check.ts): SQLite's
 * quick_check reads every page, about a second per 100 MB, so it runs here and never on the thread
 * that answers the clerk's look-ups. Posts 'ok' or 'damaged' and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { editionFileReads, type EditionCheckJob } from './edition-check';
import { yieldToCounter } from './thread-priority';

yieldToCounter();
const job = workerData as EditionCheckJob;
parentPort?.postMessage(editionFileReads(job.store, job.editionId));
