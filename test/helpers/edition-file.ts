import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../src/core/core';
import { editionPath, editionStoreOf } from '../../src/core/store/edition-store';
import { setKey } from '../../src/core/store/sqlcipher';
import { keyBeside, openKeyedCore } from './keyed-database';

/** An encrypted database in `dir` with the list file `csv` imported as list PBI: the core (still open), the current edition's file and its key. */
export async function importedEdition(dir: string, csv: string): Promise<{ core: Core; file: string; key: string; imported: number }> {
  const dbPath = join(dir, 'loket.db');
  const core = openKeyedCore(dbPath);
  const report = await core.importList({ file: core.registerFile(csv, 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
  const edition = core.db.prepare(`SELECT id FROM list_editions WHERE state = 'current'`).pluck().get() as number;
  return { core, file: editionPath(editionStoreOf(core.db), edition), key: keyBeside(dbPath), imported: report.rows.imported };
}

/** An edition file opened as it is (key undefined: a plain file). */
export function openEditionFile(path: string, key: string | undefined, readonly = true): Database.Database {
  const db = new Database(path, { readonly, fileMustExist: true });
  if (key !== undefined) setKey(db, key);
  return db;
}

/** A copy of an edition file, named `name` beside it, changed by `sql`: a forged or damaged edition. */
export function tamperedCopy(file: string, key: string | undefined, dir: string, name: string, sql: string): string {
  const copy = join(dir, name);
  copyFileSync(file, copy);
  const db = openEditionFile(copy, key, false);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
  return copy;
}
