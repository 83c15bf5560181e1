import type { HubMigration } from '../pg/migration';

/**
 * A counter's list editions as it reports them on every request (X-Loket-Editions-Unreadable,
 * X-Loket-Editions-Set-Aside; src/shared/edition-report.ts), for `loket hub status`: the lists
 * whose current edition it cannot read, and the lists with an unreadable edition file set aside
 * in its lists folder. JSON arrays of list names; NULL: not said (an older counter).
 */
export const m014CounterEditions: HubMigration = {
  version: 14,
  name: 'counter-editions',
  sql: `ALTER TABLE counters ADD COLUMN editions_unreadable jsonb;
ALTER TABLE counters ADD COLUMN editions_set_aside jsonb;`,
};
