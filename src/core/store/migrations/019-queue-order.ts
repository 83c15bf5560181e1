import type { Migration } from './index';

/**
 * The order of arrival on the hub's clock (src/shared/queue-clock.ts; docs/hub.md "The counter's clock"):
 * - `visits.queue_at`: the registration time on the hub's clock when the registering counter's
 *   clock was off (set by the hub and pulled, or set here for this counter's own visits); the
 *   queue orders by it. Null: the clock was right, and `registered_at` orders.
 * - `sync_state.hub_clock_ahead_s`: the hub's clock minus this computer's, seconds, as the last
 *   sync round saw it, when more than the tolerance apart; null otherwise (or not enrolled).
 */
export const m019QueueOrder: Migration = {
  version: 19,
  name: 'queue-order',
  up(db) {
    db.exec('ALTER TABLE visits ADD COLUMN queue_at TEXT');
    db.exec('ALTER TABLE sync_state ADD COLUMN hub_clock_ahead_s INTEGER');
  },
};
