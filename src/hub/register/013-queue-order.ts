import type { HubMigration } from '../pg/migration';

/**
 * `visits.queue_at`: the visit's registration time on the hub's clock, set when the visit arrives
 * from a counter whose clock was off the hub's by more than a minute (that request's X-Loket-Clock;
 * src/shared/queue-clock.ts). Queues, the TV display and the wait figures order and count by it, so
 * a slow PC's patients do not jump the queue; `registered_at` stays as the counter wrote it. ISO
 * text, as the other instants. NULL: the counter's clock was right (or not said).
 */
export const m013QueueOrder: HubMigration = {
  version: 13,
  name: 'queue-order',
  sql: `ALTER TABLE visits ADD COLUMN queue_at text;`,
};
