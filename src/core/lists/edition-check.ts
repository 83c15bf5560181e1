import { existsSync, statSync } from 'node:fs';
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
 */
export function checkEditionFile(store: EditionStore, editionId: number): 'ok' | UnreadableReason {
  const path = editionPath(store, editionId);
  if (!existsSync(path)) return 'missing';
  const stamp = stampOf(path);
  const cached = checked.get(path);
  if (cached && stamp !== null && cached.stamp === stamp) return cached.result;
  const result = editionPasses(store, editionId, wholeFileReads) ? 'ok' : 'damaged';
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
