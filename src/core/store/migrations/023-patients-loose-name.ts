import { fillLooseNames } from '../../patients/loose-name-keys';
import type { Migration } from './index';

/**
 * Each record's name in its two spelling-free forms (patients/loose-name-keys.ts), indexed: the
 * check before a new record without a birth date (a JKN card alone) selects the records with the
 * same name instead of loosening every record's name (782 ms at 200,000 records before; see
 * docs/performance.md). Filled here for the existing records; later a change of the forms'
 * definition is recomputed on open (refreshLooseNames), not by a migration.
 */
export const m023PatientsLooseName: Migration = {
  version: 23,
  name: 'patients-loose-name',
  up(db) {
    db.exec('ALTER TABLE patients ADD COLUMN loose_sorted TEXT; ALTER TABLE patients ADD COLUMN loose_joined TEXT;');
    // Filled before indexing: one sort per index instead of an index update per record.
    fillLooseNames(db);
    db.exec('CREATE INDEX patients_loose_sorted ON patients(loose_sorted); CREATE INDEX patients_loose_joined ON patients(loose_joined);');
  },
};
