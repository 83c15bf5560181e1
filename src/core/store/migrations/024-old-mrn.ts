import { changed, outboxTrigger } from './008-sync';
import type { Migration } from './index';

/**
 * A patient's record number from before Loket (`old_mrn`, "RM lama": the paper-era number on the
 * card of a facility that moved from paper records), as the clerk wrote it, and its search key
 * (`old_mrn_key`, shared/old-mrn.ts: no label, separators or leading zeros), indexed: a look-up
 * of a number also asks whose old number it is. The old RM travels to the hub with the other
 * fields, so the outbox trigger of a patient's update watches it too.
 */
const PATIENT_FIELDS = ['mrn', 'nik', 'card', 'name', 'dob', 'sex', 'address', 'identified', 'old_mrn'] as const;

export const m024OldMrn: Migration = {
  version: 24,
  name: 'old-mrn',
  up(db) {
    db.exec('ALTER TABLE patients ADD COLUMN old_mrn TEXT');
    db.exec('ALTER TABLE patients ADD COLUMN old_mrn_key TEXT');
    db.exec('CREATE INDEX patients_old_mrn_key ON patients(old_mrn_key) WHERE old_mrn_key IS NOT NULL');
    db.exec('DROP TRIGGER outbox_patient_update');
    db.exec(outboxTrigger('outbox_patient_update', `UPDATE OF ${PATIENT_FIELDS.join(', ')}`, 'patients', 'patient', changed(PATIENT_FIELDS)));
  },
};
