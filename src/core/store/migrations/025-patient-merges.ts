import type { Migration } from './index';

/**
 * Records joined into another at this counter or by the hub (docs/hub.md "The merge", README
 * "Two records of one person"). The merged record's row is deleted from `patients` (as a merge
 * pulled from the hub always did), so no search, list or duplicate check can find it again; what
 * remains of it is kept here:
 * - `uid`: a record the hub or another counter still names (a visit registered there before the
 *   merge reached it, a pulled copy of the record) is taken as the survivor's, never re-created;
 * - `survivor_id`: the record it lives on in (moved along when that one is merged in turn);
 * - `record`: the merged record as it was (JSON, a PatientRecord), so the merge op can bring it to
 *   a hub that never saw it, and a person can see what was joined;
 * - `merged_at`, `merged_by`: when and by whom (null for a merge pulled from the hub).
 * Its `seq` names the entry in the outbox (`patient.merge`): rows are never deleted, so a seq is never
 * reused (a deleted patient's id can be: the merged row's id could not name the merge).
 * The merged RM itself goes to patient_aliases, naming the survivor (the look-up by RM).
 */
export const m025PatientMerges: Migration = {
  version: 25,
  name: 'patient-merges',
  up(db) {
    db.exec(`
      CREATE TABLE patient_merges (
        seq         INTEGER PRIMARY KEY,
        uid         TEXT NOT NULL UNIQUE,
        mrn         TEXT NOT NULL,
        survivor_id INTEGER NOT NULL REFERENCES patients(id),
        record      TEXT NOT NULL,
        merged_at   TEXT NOT NULL,
        merged_by   TEXT
      );
      CREATE INDEX patient_merges_survivor ON patient_merges(survivor_id);
    `);
  },
};
