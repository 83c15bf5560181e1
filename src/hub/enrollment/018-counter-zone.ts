import type { HubMigration } from '../pg/migration';

/**
 * The time zone each counter files its visits under, from the `X-Loket-Time-Zone` its requests
 * carry: `loket hub status` says when enrolled counters differ (a hub that holds no facility zone
 * leaves each counter its own; reporttester F9). NULL: not said (an older counter, no contact yet).
 */
export const m018CounterZone: HubMigration = {
  version: 18,
  name: 'counter-zone',
  sql: `ALTER TABLE counters ADD COLUMN time_zone text;`,
};
