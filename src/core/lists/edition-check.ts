import { existsSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { builtWorkerBeside } from '../built-workers';
import type { UnreadableReason } from '../../shared/lists';
import { editionPasses, editionPath, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { MEMBERS } from './member-table';

/**
 * Whether an edition's file can be used as a whole: it opens with this database's key, SQLite's
 * quick_check reads every page without a fault (a file damaged past its first pages opens fine
 * and fails only the look-ups that reach the bad pages), and it holds its members and its
 * edition_meta. Used before a rollback puts an edition in force, and by the lists (`loket lists`,
 * the lists screen) so they never call a damaged file fine while the look-ups cannot read it.
 *
 * It reads the whole file (about a second per 100 MB), so the answer is kept per file as long as
 * the file's size and modification time stay the same: the lists screen pays once per edition.
 * On the thread that answers the clerk's look-ups, use checkEditionFileOffThread.
 */
export function checkEditionFile(store: EditionStore, editionId: number): 'ok' | UnreadableReason {
  return remembered(store, editionId) ?? remember(store, editionId, editionPasses(store, editionId, wholeFileReads) ? 'ok' : 'damaged');
}

/**
 * checkEditionFile on a worker thread of its own (edition-check-worker.ts, built beside the import
 * worker `importWorkerScript`): seconds of reading for a list of millions must not hold the core's
 * thread, where a rollback or `loket lists` would otherwise stop every look-up and registration of
 * the counter. Without the built worker (unit tests run from source), on this thread.
 */
export async function checkEditionFileOffThread(store: EditionStore, editionId: number, importWorkerScript: string | null | undefined): Promise<'ok' | UnreadableReason> {
  const known = remembered(store, editionId);
  if (known) return known;
  const script = builtWorkerBeside(importWorkerScript, 'edition-check-worker');
  if (script === null) return checkEditionFile(store, editionId);
  const result = await new Promise<'ok' | 'damaged'>((resolve) => {
    const worker = new Worker(script, { workerData: { store, editionId } satisfies EditionCheckJob });
    let answer: 'ok' | 'damaged' = 'damaged';
    worker.on('message', (message: 'ok' | 'damaged') => (answer = message));
    // A worker that could not run (out of memory, a missing driver) proves nothing good of the file.
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve(answer));
  });
  return remember(store, editionId, result);
}

/** What the check worker is given: plain data (the folder, the key), no connection. */
export interface EditionCheckJob {
  store: EditionStore;
  editionId: number;
}

/** The whole-file verdict, read on the worker thread (no cache there: the caller keeps it). */
export const editionFileReads = (store: EditionStore, editionId: number): 'ok' | 'damaged' => (editionPasses(store, editionId, wholeFileReads) ? 'ok' : 'damaged');

/** 'missing', or the verdict kept for this very file (same size, time and inode); null: not known. */
function remembered(store: EditionStore, editionId: number): 'ok' | UnreadableReason | null {
  const path = editionPath(store, editionId);
  if (!existsSync(path)) return 'missing';
  const stamp = stampOf(path);
  const cached = checked.get(path);
  return cached && stamp !== null && cached.stamp === stamp ? cached.result : null;
}

function remember(store: EditionStore, editionId: number, result: 'ok' | 'damaged'): 'ok' | 'damaged' {
  const path = editionPath(store, editionId);
  const stamp = stampOf(path);
  if (stamp !== null) checked.set(path, { stamp, result });
  return result;
}

const checked = new Map<string, { stamp: string; result: 'ok' | 'damaged' }>();

function stampOf(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return null;
  }
}

function wholeFileReads(db: Db): boolean {
  if (db.pragma('quick_check', { simple: true }) !== 'ok') return false;
  const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  if (!tables.has(MEMBERS) || !tables.has('edition_meta')) return false;
  db.prepare(`SELECT count(*) FROM ${MEMBERS}`).get();
  return true;
}
