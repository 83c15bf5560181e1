import type { Patient } from '../../shared/counter';
import { oldMrnKey } from '../../shared/old-mrn';
import type { Db } from '../store/open-database';
import { findPatient } from './patients.repo';

/** A record found by the old RM of a record merged into it: the survivor, and which merged record's old RM it was. */
export interface MergedOldMrnHolder {
  patient: Patient;
  /** The merged record's own (Loket) RM. */
  mergedMrn: string;
  /** Its old RM as written (the paper card's number). */
  oldMrn: string;
}

/**
 * The survivors of merged records whose old RM (from before Loket) is the number typed: a record
 * joined into another keeps its whole row in patient_merges (`record`, as the hub keeps the merged
 * row), so the duplicate's paper card still finds the person after the survivor kept its own old
 * RM (papertester F4/F12). Merges are few: read in full, the key compared here (shared/old-mrn.ts).
 */
export function findSurvivorsByMergedOldMrn(db: Db, typed: string): MergedOldMrnHolder[] {
  const key = oldMrnKey(typed);
  if (key === null) return [];
  const rows = db
    .prepare(`SELECT mrn, survivor_id AS survivorId, json_extract(record, '$.oldMrn') AS oldMrn FROM patient_merges WHERE json_extract(record, '$.oldMrn') IS NOT NULL ORDER BY seq`)
    .all() as { mrn: string; survivorId: number; oldMrn: string }[];
  const found: MergedOldMrnHolder[] = [];
  for (const row of rows) {
    if (oldMrnKey(row.oldMrn) !== key) continue;
    const patient = findPatient(db, { id: row.survivorId });
    if (patient && !found.some((f) => f.patient.id === patient.id)) found.push({ patient, mergedMrn: row.mrn, oldMrn: row.oldMrn });
  }
  return found;
}
