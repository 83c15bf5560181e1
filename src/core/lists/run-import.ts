import { Worker } from 'node:worker_threads';
import type { ImportProgress, ImportReport } from '../../shared/lists';
import { errorFromPayload, type ErrorPayload } from '../errors';
import type { ImportListOptions } from './import-list';

export interface ImportJob {
  dbPath: string;
  key?: string;
  nativeBinding?: string;
  options: Omit<ImportListOptions, 'onProgress' | 'now'>;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; error: ErrorPayload };

/** Runs one import in a worker thread; resolves with its report or rejects with a LoketError. */
export function runImportInWorker(workerScript: string, job: ImportJob, onProgress?: (p: ImportProgress) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: job });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') {
        settled = true;
        resolve(message.report);
      } else {
        settled = true;
        reject(errorFromPayload(message.error));
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`import worker stopped (exit code ${code})`));
    });
  });
}
