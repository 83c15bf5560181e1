import type { HubMigration } from '../pg/migration';

/**
 * A visit can move to another unit (a counter's `visit.unit` op, visit-ops.ts): `unit_at` is the
 * time of the move the register holds (its last-writer-wins clock, as `status_at` for the
 * status). Null: the visit is where it was registered, and any move wins over that.
 */
export const m010VisitUnits: HubMigration = {
  version: 10,
  name: 'visit-units',
  sql: `ALTER TABLE visits ADD COLUMN unit_at timestamptz;`,
};
