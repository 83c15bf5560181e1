import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A worker script built beside the import worker (`CoreConfig.workerScript`, in out/main/), or
 * null when it is not there: the core then does that work on its own thread (tests run from
 * source have no built workers).
 */
export function builtWorkerBeside(importWorkerScript: string | null | undefined, name: string): string | null {
  if (!importWorkerScript) return null;
  const script = join(dirname(importWorkerScript), `${name}.js`);
  return existsSync(script) ? script : null;
}

/**
 * Starts a worker that posts one message with its outcome, and resolves with that message (the
 * worker is then stopped: it has said all it had to, and a keep-alive socket must not hold it).
 * Rejects when the worker fails or ends without a word.
 */
export function firstAnswerOf<M>(script: string, workerData: unknown): Promise<M> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData });
    let settled = false;
    worker.on('message', (message: M) => {
      settled = true;
      void worker.terminate();
      resolve(message);
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`${script} stopped (exit code ${code})`));
    });
  });
}
