/**
 * The yardstick for the CSV import: sqlite3's own `.import` of the same file into a table,
 * then the same three indexes Loket builds (NIK, card, FTS5 over the name), with the journal and
 * fsync off as Loket's building file has them. What Loket does on top (finding the header,
 * validating every NIK, card and date, name keys, duplicates) is what the ratio pays for.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SQLITE3 = process.env.SQLITE3 ?? '/usr/bin/sqlite3';

export type Sqlite3Import = { seconds: number; version: string } | { skipped: string };

export function sqlite3Import(csv: string, dbPath: string): Sqlite3Import {
  let version: string;
  try {
    version = execFileSync(SQLITE3, ['--version'], { encoding: 'utf8' }).split(' ')[0] ?? '';
  } catch {
    return { skipped: `${SQLITE3} is not installed here (set SQLITE3 to its path): no comparison` };
  }
  rmSync(dbPath, { force: true });
  const script = [
    'PRAGMA journal_mode = OFF;',
    'PRAGMA synchronous = OFF;',
    '.mode csv',
    `.import '${csv.replace(/'/g, "''")}' members`,
    'CREATE INDEX members_nik ON members(NIK);',
    'CREATE INDEX members_card ON members(NOKA);',
    "CREATE VIRTUAL TABLE names USING fts5(name, content='', detail=none, columnsize=0, tokenize='ascii');",
    'INSERT INTO names(rowid, name) SELECT rowid, NAMA FROM members;',
    '',
  ].join('\n');
  const started = performance.now();
  execFileSync(SQLITE3, [dbPath], { input: script, stdio: ['pipe', 'ignore', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  rmSync(dbPath, { force: true });
  return { seconds: Math.round(seconds * 100) / 100, version };
}

/** Bytes of a Loket database: the main file and every edition file beside it. */
export function databaseBytes(dbPath: string): number {
  let bytes = statSync(dbPath).size;
  try {
    for (const name of readdirSync(`${dbPath}.lists`)) bytes += statSync(join(`${dbPath}.lists`, name)).size;
  } catch {
    // no lists folder
  }
  return bytes;
}
