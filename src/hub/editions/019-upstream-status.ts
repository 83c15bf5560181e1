import type { HubMigration } from '../pg/migration';

/**
 * What a facility hub last heard from its district hub (upstream-status.repo.ts): one row, so
 * that `loket hub status` after a restart still says when the district last answered and since
 * when the trouble lasts, instead of "no contact yet" until the next try.
 */
export const m019UpstreamStatus: HubMigration = {
  version: 19,
  name: 'upstream-status',
  sql: `
    CREATE TABLE hub_upstream_status (
      id smallint PRIMARY KEY CHECK (id = 1),
      last_contact timestamptz,
      problem jsonb,
      troubled boolean NOT NULL DEFAULT false
    );
  `,
};
