import type { HubMigration } from '../pg/migration';

/**
 * `visits.called_hub_at`: the visit's first call on the hub's clock, set when the call arrives from
 * a counter whose clock was off the hub's by more than a minute (that request's X-Loket-Clock;
 * src/shared/queue-clock.ts), as `queue_at` is for the arrival. The wait figures count from
 * `queue_at` to it, so a slow calling PC does not shorten a wait by an hour; `called_at` stays as
 * the calling counter wrote it. ISO text, as the other instants. NULL: that clock was right (or not said).
 */
export const m017CallTime: HubMigration = {
  version: 17,
  name: 'call-time',
  sql: `ALTER TABLE visits ADD COLUMN called_hub_at text;`,
};
