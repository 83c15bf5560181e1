import { createPatientNameWordsSql } from '../../patients/name-words';
import type { Migration } from './index';

/**
 * A word index over each record's name key (patients/name-words.ts): a returning patient typed by
 * the surname or a middle word alone (*rohmah* for ENTIN ROHMAH) is found among the records
 * here; the name_key index only finds names by how they begin. Kept by triggers, so every writer
 * of a record (the counter, the hub's pull, a merge) keeps it without knowing of it; filled here
 * for the records there are.
 */
export const m027PatientNameWords: Migration = {
  version: 27,
  name: 'patient-name-words',
  up(db) {
    db.exec(createPatientNameWordsSql());
  },
};
