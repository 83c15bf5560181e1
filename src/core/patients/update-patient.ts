import type { Patient } from '../../shared/counter';
import { oldMrnKey, storedOldMrn } from '../../shared/old-mrn';
import { PATIENT_FIELDS, type PatientChanges, type PatientField, type PatientUpdate } from '../../shared/patient-changes';
import { LoketError } from '../errors';
import type { Db } from '../store/open-database';
import { nameColumns } from './loose-name-keys';
import { findPatient, findPatientsByOldMrn } from './patients.repo';

/** A name as every record keeps it (createPatient's rule): single spaces, upper case. */
const storedName = (name: string): string => name.trim().replace(/\s+/g, ' ').toUpperCase();

/** The column of each field (the old RM's is snake case, with its search key beside it). */
const COLUMN: Record<PatientField, string> = { name: 'name', nik: 'nik', card: 'card', dob: 'dob', sex: 'sex', address: 'address', oldMrn: 'old_mrn' };

/** The values the changes would store, in the record's own form ('' address: none). */
function normalized(changes: PatientChanges): Partial<Record<PatientField, string | null>> {
  const out: Partial<Record<PatientField, string | null>> = {};
  for (const field of PATIENT_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    if (field === 'name') out.name = storedName(value as string);
    else if (field === 'address') out.address = value === null || (value as string).trim() === '' ? null : (value as string).trim();
    else if (field === 'oldMrn') out.oldMrn = storedOldMrn(value as string | null);
    else out[field] = value;
  }
  return out;
}

/** Another record of this facility that holds the value: the clerk is told whose, never merged silently. */
function holderOf(db: Db, column: 'nik' | 'card', value: string, patientId: number): { mrn: string; name: string } | undefined {
  return db.prepare(`SELECT mrn, name FROM patients WHERE ${column} = ? AND id <> ? ORDER BY id LIMIT 1`).get(value, patientId) as { mrn: string; name: string } | undefined;
}

/**
 * Corrects a patient's record (a typo in the name, a wrong birth date, NIK, card, sex,
 * address, or the old RM from before Loket): only the given fields that differ are written, the name's search keys with the name,
 * and `updated_at`, so the change reaches the hub (the outbox trigger; the hub takes the later
 * change). The record number never changes. Refused: a NIK or card another record here holds
 * (`patient/nik-taken`, `patient/card-taken`, naming that record: two records of one person are
 * not merged here), and an emergency patient without identity (`patient/unidentified`: that is
 * attachIdentity's work, which may join the visit to a known record). Nothing differs: nothing written.
 */
export function updatePatient(db: Db, patientId: number, changes: PatientChanges, now: Date): PatientUpdate {
  return db.transaction(() => {
    const previous = findPatient(db, { id: patientId });
    if (!previous) throw new LoketError('patient/not-found', { id: patientId });
    if (!previous.identified) throw new LoketError('patient/unidentified', { mrn: previous.mrn });
    const next = normalized(changes);
    const changed = PATIENT_FIELDS.filter((f) => f in next && next[f] !== previous[f]);
    if (changed.length === 0) return { patient: previous, changed, previous };
    for (const column of ['nik', 'card'] as const) {
      const value = next[column];
      if (!changed.includes(column) || !value) continue;
      const holder = holderOf(db, column, value, patientId);
      if (holder) throw new LoketError(`patient/${column}-taken`, holder);
    }
    const sets = changed.map((f) => `${COLUMN[f]} = @${f}`);
    if (changed.includes('name')) sets.push('name_key = @nameKey', 'loose_sorted = @looseSorted', 'loose_joined = @looseJoined');
    if (changed.includes('oldMrn')) sets.push('old_mrn_key = @oldMrnKey');
    db.prepare(`UPDATE patients SET ${sets.join(', ')}, updated_at = @at WHERE id = @id`).run({
      ...Object.fromEntries(changed.map((f) => [f, next[f] ?? null])),
      ...(changed.includes('name') ? nameColumns(next.name!) : {}),
      ...(changed.includes('oldMrn') ? { oldMrnKey: oldMrnKey(next.oldMrn) } : {}),
      at: now.toISOString(),
      id: patientId,
    });
    const patient: Patient = findPatient(db, { id: patientId })!;
    // Saved, as an old RM may be shared (two records of one person); said, so a misread card is caught now.
    const others = changed.includes('oldMrn') && patient.oldMrn ? findPatientsByOldMrn(db, patient.oldMrn).filter((p) => p.id !== patientId) : [];
    return { patient, changed, previous, ...(others.length > 0 ? { oldMrnAlsoOn: others.map((p) => ({ name: p.name, mrn: p.mrn })) } : {}) };
  }).immediate();
}
