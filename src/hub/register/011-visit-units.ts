import type { HubMigration } from '../pg/migration';

/**
 * A visit can move to another unit (a counter's `visit.unit` op, visit-ops.ts): `unit_at` is the
 * time of the move the register holds (its last-writer-wins clock, as `status_at` for the
 * status). Null: the visit is where it was registered, and any move wins over that.
 * A called patient can be called again (`visit.recall`): `recalls`, `recalled_at` (the last call
 * again, ISO text as the counter sent it, as the other instants) and its clock `recall_at`; the
 * queue display puts a number called again back on top.
 */
export const m011VisitUnits: HubMigration = {
  version: 11,
  name: 'visit-units',
  sql: `ALTER TABLE visits ADD COLUMN unit_at timestamptz;
ALTER TABLE visits ADD COLUMN recalls integer NOT NULL DEFAULT 0;
ALTER TABLE visits ADD COLUMN recalled_at text;
ALTER TABLE visits ADD COLUMN recall_at timestamptz;`,
};
