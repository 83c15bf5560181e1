import type { HubMigration } from '../pg/migration';

/**
 * How far each counter's clock is ahead of the hub's, in seconds (negative: behind), from the
 * `X-Loket-Clock` its requests carry, at enrollment and on every request since: `loket hub status`
 * names the counter whose clock is off. NULL: not known (an older counter does not send it).
 * See docs/hub.md, "The counter's clock".
 */
export const m010CounterClock: HubMigration = {
  version: 10,
  name: 'counter-clock',
  sql: `ALTER TABLE counters ADD COLUMN clock_ahead_s int;`,
};
