import type { HubMigration } from '../pg/migration';

/**
 * A patient's record number from before Loket ("RM lama", the number on a paper-era card), as a
 * counter wrote it: it travels with the other fields of the record (patient-ops.ts). NULL: none,
 * or not said (a record pushed by an older counter).
 */
export const m015OldMrn: HubMigration = {
  version: 15,
  name: 'old-mrn',
  sql: `ALTER TABLE patients ADD COLUMN old_mrn text;`,
};
