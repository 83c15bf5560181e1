import { SQL_NOW } from '../../sync/uuid';
import type { Migration } from './index';

/** True while the change is this counter's own (not a pulled record being applied), enrolled or not. */
const OWN_CHANGE = `(SELECT applying = 0 FROM sync_state WHERE id = 1)`;

const stampTrigger = (name: string, field: string, stamp: string): string =>
  `CREATE TRIGGER ${name} AFTER UPDATE OF ${field} ON visits WHEN NEW.${field} IS NOT OLD.${field} AND ${OWN_CHANGE}
   BEGIN UPDATE visits SET ${stamp} = ${SQL_NOW} WHERE id = NEW.id; END;`;

/**
 * The time of this counter's last own change of a visit's payer (`visits.payer_at`) and patient
 * (`visits.patient_at`: an identity attached that joined the visit to another record). A hub
 * restored from a backup gets them again at that time (sync/history.ts), so its later-wins keeps
 * a newer change another counter made since. Null: not changed here since registration.
 *
 * Set by triggers, as the outbox is: every write path is caught, and the time is SQLite's clock
 * of the same statement as the outbox entry's, so the op sent again carries the time of the op
 * sent first. A pulled change leaves the time as it is: the visit then holds a value at least as
 * recent, which the restored hub may take at that time, and loses to anything newer.
 *
 * Backfill, from what the counter kept: a payer's time from its last `payer_changes` row while
 * the visit still holds the payer it set; a patient's from the identify-patient follow-up closed
 * naming the visit's patient now. Others stay null (the upgrade note in docs/hub.md).
 */
export const m021VisitChangeTimes: Migration = {
  version: 21,
  name: 'visit-change-times',
  up(db) {
    db.exec('ALTER TABLE visits ADD COLUMN payer_at TEXT');
    db.exec('ALTER TABLE visits ADD COLUMN patient_at TEXT');
    db.exec(`
      -- The bare columns of a max() group come from the row holding the max (SQLite): the last change.
      UPDATE visits SET payer_at = last.changed_at
      FROM (SELECT visit_id, changed_at, after, max(id) FROM payer_changes GROUP BY visit_id) AS last
      WHERE last.visit_id = visits.id AND last.after = visits.payer;
      UPDATE visits SET patient_at = (
        SELECT max(f.closed_at) FROM follow_ups f
        WHERE f.visit_id = visits.id AND f.kind = 'identify-patient' AND f.resolution = 'patient:' || visits.patient_id
      );
    `);
    db.exec(stampTrigger('visit_payer_at', 'payer', 'payer_at'));
    db.exec(stampTrigger('visit_patient_at', 'patient_id', 'patient_at'));
  },
};
