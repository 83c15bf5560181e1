import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HubCredential } from './hub-credential.repo';
import type { EditionStepResult } from './edition-sync-step';
import { HubRefused, HubUnreachable } from './hub-transport';

/** What the edition worker needs: the counter's files and how to reach its hub (the credential, secret opened). */
export interface EditionJob {
  dbPath: string;
  key?: string;
  nativeBinding?: string;
  credential: HubCredential;
}

/** A step's failure as it crosses the thread boundary: rebuilt on this side as the transport's errors. */
export type EditionFailure = { kind: 'unreachable'; detail: string } | { kind: 'refused'; status: number; code: string; params: Record<string, string | number> } | { kind: 'other'; detail: string };

export type EditionWorkerMessage = { type: 'done'; result: EditionStepResult } | { type: 'error'; failure: EditionFailure };

export function failureOf(error: unknown): EditionFailure {
  if (error instanceof HubRefused) return { kind: 'refused', status: error.status, code: error.code, params: error.params };
  if (error instanceof HubUnreachable) return { kind: 'unreachable', detail: error.detail };
  return { kind: 'other', detail: error instanceof Error ? error.message : String(error) };
}

function errorOf(failure: EditionFailure): Error {
  if (failure.kind === 'refused') return new HubRefused(failure.status, failure.code, failure.params);
  if (failure.kind === 'unreachable') return new HubUnreachable(failure.detail);
  return new Error(failure.detail);
}

/** The built edition worker, beside the import worker (CoreConfig.workerScript); null when it is not there. */
export function editionWorkerScript(importWorkerScript: string | null | undefined): string | null {
  if (!importWorkerScript) return null;
  const script = join(dirname(importWorkerScript), 'edition-worker.js');
  return existsSync(script) ? script : null;
}

/** Runs one edition step in a worker thread with its own connection; resolves with its result or rejects with the transport's errors. */
export function runEditionStepInWorker(workerScript: string, job: EditionJob): Promise<EditionStepResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript, { workerData: job });
    let settled = false;
    worker.on('message', (message: EditionWorkerMessage) => {
      settled = true;
      // The transport's keep-alive sockets would hold the thread open: it has said all it had to.
      void worker.terminate();
      if (message.type === 'done') resolve(message.result);
      else reject(errorOf(message.failure));
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`edition worker stopped (exit code ${code})`));
    });
  });
}
