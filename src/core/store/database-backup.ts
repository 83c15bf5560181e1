import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openRaw, removeJournals, type FileOptions } from './cipher-files';
import { editionPath, editionStoreOf, fsyncFile, listsDirOf } from './edition-store';
import type { Db } from './open-database';

/**
 * An online backup of a database in use, laid out as a database itself: the main file at
 * `target` (VACUUM INTO: one consistent snapshot, written by SQLite3MultipleCiphers under the
 * source's own key, so an encrypted database gives an encrypted copy) and the current and
 * previous editions' files in `<target>.lists/` (copied as they are: never written again after
 * their switch, and encrypted with the same key). It opens with `loket ... --db <target>
 * --key-file <recovery key>` like the original; restoring is copying both back.
 */
export function backupDatabase(db: Db, target: string, options: FileOptions): { editions: number } {
  for (const stale of [target, ...['-wal', '-shm', '-journal'].map((s) => target + s)]) rmSync(stale, { force: true });
  rmSync(listsDirOf(target), { recursive: true, force: true });
  db.prepare('VACUUM INTO ?').run(target);
  fsyncFile(target);
  const store = editionStoreOf(db);
  // The editions the snapshot names: an edition switched in after it is not in the copy's list.
  const copy = openRaw(target, store.key, options, true);
  let ids: number[];
  try {
    ids = copy.prepare(`SELECT id FROM list_editions WHERE state IN ('current', 'previous') AND file IS NOT NULL`).pluck().all() as number[];
  } finally {
    copy.close();
  }
  removeJournals(target);
  let copied = 0;
  for (const id of ids) {
    const source = editionPath(store, id);
    if (!existsSync(source)) continue; // retired since the snapshot: the copy's recovery tidies its row
    mkdirSync(listsDirOf(target), { recursive: true, mode: 0o700 });
    const to = join(listsDirOf(target), basename(source));
    copyFileSync(source, to);
    fsyncFile(to);
    copied++;
  }
  return { editions: copied };
}
