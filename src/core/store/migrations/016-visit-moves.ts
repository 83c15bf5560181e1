import { changed, outboxTrigger } from './008-sync';
import type { Migration } from './index';

const VISIT_PLACE_FIELDS = ['unit', 'queue_prefix', 'queue_no'] as const;

/**
 * A visit can move to another unit, and a called patient can be called again (visits/move-visit.ts).
 *
 * - `visit_moves`: each move with where the visit was (unit, number, status, call time) and where
 *   it went. Undo of a move (Ctrl+Z) puts the visit back exactly as the newest row says, and only
 *   while the visit is still where that move put it; an undone row keeps `undone_at`. Local: the
 *   audit trail and the hub's register say what every counter needs to know.
 * - `visits.recalls`, `visits.recalled_at`: how many times a called patient was called again
 *   ("Panggil ulang"), and when the last time was. The first call's time stays in `called_at`, so
 *   the waiting time (registration to first call), the register and the equal-service report do
 *   not change when a clerk calls a patient again; the hub's queue display shows the number again.
 * - Outbox triggers `visit.unit` and `visit.recall`: an enrolled counter sends the visit's new unit
 *   and number (every counter shows the patient in the unit they went to) and its calls again to
 *   the hub (docs/hub.md).
 */
export const m016VisitMoves: Migration = {
  version: 16,
  name: 'visit-moves',
  up(db) {
    db.exec(`
      CREATE TABLE visit_moves (
        id             INTEGER PRIMARY KEY,
        visit_id       INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        from_unit      TEXT NOT NULL,
        from_prefix    TEXT NOT NULL,
        from_no        INTEGER NOT NULL,
        from_status    TEXT NOT NULL,
        from_called_at TEXT,
        to_unit        TEXT NOT NULL,
        to_prefix      TEXT NOT NULL,
        to_no          INTEGER NOT NULL,
        moved_at       TEXT NOT NULL,
        moved_by       TEXT NOT NULL,
        undone_at      TEXT
      );
      CREATE INDEX visit_moves_visit ON visit_moves(visit_id);
      ALTER TABLE visits ADD COLUMN recalls INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE visits ADD COLUMN recalled_at TEXT;
    `);
    db.exec(outboxTrigger('outbox_visit_recall', 'UPDATE OF recalls, recalled_at', 'visits', 'visit.recall', changed(['recalls', 'recalled_at'])));
    db.exec(outboxTrigger('outbox_visit_unit', `UPDATE OF ${VISIT_PLACE_FIELDS.join(', ')}`, 'visits', 'visit.unit', changed(VISIT_PLACE_FIELDS)));
  },
};
