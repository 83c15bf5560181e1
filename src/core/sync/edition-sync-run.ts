import { builtWorkerBeside, firstAnswerOf } from '../built-workers';
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
export const editionWorkerScript = (importWorkerScript: string | null | undefined): string | null => builtWorkerBeside(importWorkerScript, 'edition-worker');

/** Runs one edition step in a worker thread with its own connection; resolves with its result or rejects with the transport's errors. */
export async function runEditionStepInWorker(workerScript: string, job: EditionJob): Promise<EditionStepResult> {
  const message = await firstAnswerOf<EditionWorkerMessage>(workerScript, job);
  if (message.type === 'done') return message.result;
  throw errorOf(message.failure);
}
