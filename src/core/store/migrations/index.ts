import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial';
import { m002Counter } from './002-counter';
import { m003PrintLog } from './003-print-log';
import { m004Bpjs } from './004-bpjs';
import { m005Rechecks } from './005-rechecks';
import { m006AllPayers } from './006-all-payers';
import { m007EditionFiles } from './007-edition-files';
import { m008Sync } from './008-sync';
import { m009EditionContentHash } from './009-edition-content-hash';
import { m010Accounts } from './010-accounts';
import { m011Audit } from './011-audit';
import { m012EditionKind } from './012-edition-kind';
import { m013AuditPersonKeys } from './013-audit-person-keys';
import { m014SharedQueueNumbers } from './014-shared-queue-numbers';
import { m015SharedMrn } from './015-shared-mrn';
import { m016VisitMoves } from './016-visit-moves';
import { m017MoveServiceDate } from './017-move-service-date';
import { m018RegisterEpoch } from './018-register-epoch';
import { m019QueueOrder } from './019-queue-order';
import { m020EditionReport } from './020-edition-report';
import { m021VisitChangeTimes } from './021-visit-change-times';
import { m022PatientsDob } from './022-patients-dob';
import { m023PatientsLooseName } from './023-patients-loose-name';
import { m024OldMrn } from './024-old-mrn';
import { m025PatientMerges } from './025-patient-merges';
import { m026CallTime } from './026-call-time';
import { m027PatientNameWords } from './027-patient-name-words';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Ordered: the position + 1 is the schema version recorded in PRAGMA user_version. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002Counter, m003PrintLog, m004Bpjs, m005Rechecks, m006AllPayers, m007EditionFiles, m008Sync, m009EditionContentHash, m010Accounts, m011Audit, m012EditionKind, m013AuditPersonKeys, m014SharedQueueNumbers, m015SharedMrn, m016VisitMoves, m017MoveServiceDate, m018RegisterEpoch, m019QueueOrder, m020EditionReport, m021VisitChangeTimes, m022PatientsDob, m023PatientsLooseName, m024OldMrn, m025PatientMerges, m026CallTime, m027PatientNameWords];

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
  // Foreign keys off while migrating (they cannot change inside a transaction): a table rebuild
  // (006) drops and renames a parent table, SQLite's documented procedure. Checked before commit.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of MIGRATIONS.slice(current, upTo)) migration.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration left ${broken.length} rows pointing at nothing`);
      db.pragma(`user_version = ${upTo}`);
    })();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return upTo;
}
