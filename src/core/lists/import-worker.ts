/**
 * Worker-thread entry for list imports: the whole parse-validate-write-index run happens here so
 * the window (or the CLI's progress line) never freezes. Talks to its parent only by messages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../errors';
import { openDatabase } from '../store/open-database';
import { importList } from './import-list';
import type { ImportJob, WorkerMessage } from './run-import';
import { yieldToCounter } from './thread-priority';

async function run(job: ImportJob): Promise<void> {
  const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
  let db;
  try {
    db = openDatabase(job.dbPath, { ...(job.key ? { key: job.key } : {}), ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}) });
    // The reader worker is built next to this file; without it, reading happens on this thread.
    const readerScript = join(__dirname, 'reader-worker.js');
    const report = await importList(db, {
      ...job.options,
      ...(existsSync(readerScript) ? { readerScript } : {}),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', report });
  } catch (error) {
    post({ type: 'error', error: toErrorPayload(error) });
  } finally {
    db?.close();
  }
}

yieldToCounter();
void run(workerData as ImportJob);
