import type { Migration } from './index';

/**
 * A move can carry a visit into another service day (visits/move-visit.ts): a patient registered
 * at the IGD at 23:50 and sent to a poli at 00:10 is in today's poli queue, numbered on today's
 * sequence. Each side of a move now says its day:
 * - `from_service_date`: the day the visit had before the move, which its undo brings back (the
 *   patient is last night's at the IGD again); `from_no` is a number of that day's sequence.
 * - `to_service_date`: the day the move put it in; `to_no` is a number of that day's sequence.
 * A number a move gave or left is never handed out again on its own day (nextLocalNumber), also
 * once the visit is on another day. Moves made before this migration never changed the day: both
 * are the visit's day.
 */
export const m017MoveServiceDate: Migration = {
  version: 17,
  name: 'move-service-date',
  up(db) {
    db.exec(`
      ALTER TABLE visit_moves ADD COLUMN from_service_date TEXT;
      ALTER TABLE visit_moves ADD COLUMN to_service_date TEXT;
      UPDATE visit_moves SET
        from_service_date = (SELECT service_date FROM visits WHERE id = visit_moves.visit_id),
        to_service_date = (SELECT service_date FROM visits WHERE id = visit_moves.visit_id);
    `);
  },
};
