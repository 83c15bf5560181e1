// What the command line gives is checked before the core sees it, so a mistake reads as words
// (exit 2 for a usage mistake, 1 for a failure), never as a raw Node or SQLite error.
import { accessSync, constants, statSync } from 'node:fs';
import { isoDateInZone, isValidYmd } from '../shared/dates';
import { CliFailure, UsageError } from './usage-error';
import type { Command } from './usage';

export type FileWhat = 'batch' | 'list' | 'credentials' | 'db';

/** The file exists, is a file and can be read; otherwise a CliFailure saying which of the three. */
export function requireReadableFile(path: string, what: FileWhat): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliFailure(what === 'db' ? 'db/not-found' : 'file/not-found', { what, path });
    throw new CliFailure('file/unreadable', { what, path, reason: code ?? String(error) });
  }
  if (stat.isDirectory()) throw new CliFailure('file/is-directory', { what, path });
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw new CliFailure('file/unreadable', { what, path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

/**
 * The database named: it must exist, except for `import`, which may start a new one (its folder
 * is made). A folder given as the database is refused either way.
 */
export function checkDatabasePath(path: string, mayCreate: boolean): void {
  try {
    requireReadableFile(path, 'db');
  } catch (error) {
    if (mayCreate && error instanceof CliFailure && error.key === 'db/not-found') return;
    throw error;
  }
}

/**
 * SQLite's refusals while opening, in words; null for anything else. A file that does not open
 * names $LOKET_DB_KEY only when it is set: otherwise the key came from the key file beside the
 * database or --key-file, and those are what to check (a backup's recovery key, most often).
 */
export function databaseFailure(error: unknown, path: string, env: NodeJS.ProcessEnv = process.env): CliFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && error.name === 'DatabaseKeyError' && (error as Error & { problem?: string }).problem === 'key-missing') {
    return new CliFailure('db/key-missing', { path: (error as Error & { path: string }).path });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new CliFailure(env['LOKET_DB_KEY'] ? 'db/not-a-database' : 'db/not-a-database-key-file', { path });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new CliFailure('db/busy', { path });
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') return new CliFailure('file/unreadable', { what: 'db', path, reason: String(code) });
  return null;
}

/**
 * Today as the facility furthest east (WIT, UTC+9) has it: a date that is already today
 * anywhere in Indonesia is not "in the future".
 */
export const latestToday = (now: Date = new Date()): string => isoDateInZone(now, 'Asia/Jayapura');

/** A real calendar date (2026-13-01 and 2026-02-30 are not), and with `notFuture`, not after today. */
export function checkDate(option: string, value: string, options: { notFuture: boolean; command: Command; now?: Date }): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) throw new UsageError('usage/bad-date', { option, value }, options.command);
  const today = latestToday(options.now);
  if (options.notFuture && value > today) throw new UsageError('usage/future-date', { option, value, today }, options.command);
  return value;
}
