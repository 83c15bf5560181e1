import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDING_SUFFIX, buildingPath, editionStoreOf, isLockedByOther, listEditionFiles, removeFileQuietly, STAGED_PARTS, stagingName, type EditionStore } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { dropLegacyTables, failEdition } from './editions.repo';
import { moveLegacyEditions } from './legacy-editions';

export interface Recovery {
  /** Imports found dead (their process gone) and marked failed. */
  abandoned: number;
  /** Editions moved out of the main file (written before version 7). */
  moved: number;
  /** Files deleted from the lists folder: dead imports' building files, retired or orphan editions. */
  removed: string[];
}

/**
 * Run at open, under the main file's write lock, so it never races a switch (which takes the
 * same lock) or another process's recovery:
 *
 * - an `importing` edition whose building file is not locked belonged to a process that died
 *   (the OS released its lock): it is marked failed. One whose file is locked is a live import
 *   (another process, or an import worker) and is left alone, whatever its age;
 * - editions still in the main file are moved into files of their own (legacy-editions.ts);
 * - every file in the lists folder that no current or previous edition, and no live import,
 *   points to is deleted: building files of dead imports, renamed files whose switch never
 *   committed, retired editions a Windows process still held open.
 */
export function recoverEditions(db: Db): Recovery {
  const store = editionStoreOf(db);
  const dir = store.dir;
  if (dir === null) return { abandoned: 0, moved: 0, removed: [] };
  // Another process may be moving a big old database's editions right now (seconds per million
  // rows, under this same lock): wait for it rather than fail to start.
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${RECOVERY_WAIT_MS}`);
  try {
    return recoverLocked(db, store, dir);
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

const RECOVERY_WAIT_MS = 120_000;

function recoverLocked(db: Db, store: EditionStore, dir: string): Recovery {
  return db.transaction(() => {
    const live = new Set<string>();
    let abandoned = 0;
    const importing = db.prepare(`SELECT id, file FROM list_editions WHERE state = 'importing'`).all() as { id: number; file: string | null }[];
    for (const { id, file } of importing) {
      const building = buildingPath(store, id);
      if (file !== null && existsSync(building) && isLockedByOther(store, building)) {
        live.add(file + BUILDING_SUFFIX);
        for (const part of STAGED_PARTS) live.add(stagingName(id, part)); // its name index and card table, staged beside it (names-aside.ts)
      }
      else {
        failEdition(db, id, 'abandoned: the importing process stopped before finishing');
        abandoned++;
      }
    }
    const moved = moveLegacyEditions(db, store);
    const stale = db.prepare(`SELECT id FROM list_editions WHERE state IN ('retired', 'failed')`).pluck().all() as number[];
    const dropIssues = db.prepare('DELETE FROM import_issues WHERE edition_id = ?');
    for (const id of stale) {
      dropLegacyTables(db, id);
      dropIssues.run(id);
    }
    const kept = new Set(db.prepare(`SELECT file FROM list_editions WHERE state IN ('current', 'previous') AND file IS NOT NULL`).pluck().all() as string[]);
    const removed: string[] = [];
    for (const name of listEditionFiles(store)) {
      if (kept.has(name) || live.has(name)) continue;
      if (removeFileQuietly(join(dir, name))) removed.push(name);
    }
    return { abandoned, moved, removed };
  }).immediate();
}
