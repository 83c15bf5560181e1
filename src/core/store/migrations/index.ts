import type Database from 'better-sqlite3-multiple-ciphers';
import { m001Initial } from './001-initial';
import { m002Counter } from './002-counter';
import { m003PrintLog } from './003-print-log';
import { m004Bpjs } from './004-bpjs';
import { m005Rechecks } from './005-rechecks';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Ordered: the position + 1 is the schema version recorded in PRAGMA user_version. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Counter, m003PrintLog, m004Bpjs, m005Rechecks];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`Database schema version ${found} is newer than this Loket supports (${supported}). Update Loket.`);
    this.name = 'DatabaseTooNewError';
  }
}

/** Applies every pending migration in one transaction (all or nothing), Signal Desktop style. */
export function migrate(db: Database.Database, upTo: number = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new DatabaseTooNewError(current, SCHEMA_VERSION);
  if (current >= upTo) return current;
  db.transaction(() => {
    for (const migration of MIGRATIONS.slice(current, upTo)) migration.up(db);
    db.pragma(`user_version = ${upTo}`);
  })();
  return upTo;
}
