import type { Migration } from './index';

/**
 * The first call on the hub's clock (src/shared/queue-clock.ts; docs/hub.md "The counter's clock"):
 * - `visits.called_hub_at`: set when the calling counter's clock was off, by the hub and pulled, or
 *   here for this counter's own calls from its last difference with the hub. The wait figures end
 *   there. Null: the clock was right (or not known), and `called_at` ends the wait.
 * - `visit_moves.from_called_hub_at`: the same before a move, for its undo (as `from_called_at`).
 */
export const m026CallTime: Migration = {
  version: 26,
  name: 'call-time',
  up(db) {
    db.exec('ALTER TABLE visits ADD COLUMN called_hub_at TEXT');
    db.exec('ALTER TABLE visit_moves ADD COLUMN from_called_hub_at TEXT');
  },
};
