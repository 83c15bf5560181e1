import { Worker } from 'node:worker_threads';
import { errorFromPayload, type ErrorPayload } from '../errors';
import type { ListFileInfo } from './list-reader';
import type { ValidatedBatch, ValidatedSource } from './validated-batches';

export interface ReaderJob {
  path: string;
  overrides?: Partial<Record<string, string>>;
  today: string;
}

export type ReaderMessage =
  | { type: 'info'; info: ListFileInfo }
  | { type: 'batch'; batch: ValidatedBatch }
  | { type: 'end'; sha256: string }
  | { type: 'error'; error: ErrorPayload };

/**
 * Validated batches read by a reader worker (reader-worker.ts). Resolves once the file is
 * recognised (its header found), so a file that is not a list fails before anything is written.
 */
export async function workerSource(readerScript: string, job: ReaderJob): Promise<ValidatedSource> {
  // A larger young generation lets each batch's rows die young instead of being promoted.
  const worker = new Worker(readerScript, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const queue: ReaderMessage[] = [];
  let notify: (() => void) | undefined;
  let exited = false;
  const push = (message: ReaderMessage): void => {
    queue.push(message);
    notify?.();
    notify = undefined;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'error', error: { key: 'internal', params: { detail: error.message } } }));
  worker.on('exit', () => {
    exited = true;
    push({ type: 'error', error: { key: 'internal', params: { detail: 'the list reader stopped' } } });
  });
  const next = async (): Promise<ReaderMessage> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
    return queue.shift()!;
  };
  const stop = async (): Promise<void> => {
    if (!exited) await worker.terminate();
  };

  let sha256: string | undefined;
  const first = await next();
  if (first.type !== 'info') {
    await stop();
    throw first.type === 'error' ? errorFromPayload(first.error) : new Error('the list reader sent no header');
  }
  return {
    info: first.info,
    async *batches() {
      for (;;) {
        const message = await next();
        if (message.type === 'end') {
          sha256 = message.sha256;
          return;
        }
        if (message.type === 'error') throw errorFromPayload(message.error);
        if (message.type === 'batch') {
          worker.postMessage('credit');
          yield message.batch;
        }
      }
    },
    sha256: () => (sha256 === undefined ? Promise.reject(new Error('the list was not read to its end')) : Promise.resolve(sha256)),
    close: stop,
  };
}
