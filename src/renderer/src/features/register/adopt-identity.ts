import type { Result } from '../../../../shared/contract';
import type { Identity, Patient } from '../../../../shared/counter';
import { storedOldMrn } from '../../../../shared/old-mrn';
import type { PatientChanges, PatientUpdate } from '../../../../shared/patient-changes';

/** The call putting what the record lacks on it (the real client, or a stand-in in the tests). */
export interface AdoptApi {
  updatePatient(input: { patientId: number; changes: PatientChanges }): Promise<Result<PatientUpdate>>;
}

/**
 * What the identity scanned or typed adds to the record the clerk chose as the same person ("Pakai
 * data ini"): the NIK, card, birth date, sex and old RM the record does not have yet. A value the record
 * has is never replaced here (a changed NIK is a correction, F3): the clerk chose the record as it is.
 */
export function missingOnRecord(patient: Patient, identity: Identity): PatientChanges {
  const changes: PatientChanges = {};
  if (!patient.nik && identity.nik) changes.nik = identity.nik;
  if (!patient.card && identity.card) changes.card = identity.card;
  if (!patient.dob && identity.dob) changes.dob = identity.dob;
  if (!patient.sex && identity.sex) changes.sex = identity.sex;
  // The old card's number typed in the form: the next scan of that card finds the record used.
  if (!patient.oldMrn && storedOldMrn(identity.oldMrn)) changes.oldMrn = storedOldMrn(identity.oldMrn);
  return changes;
}

/**
 * The record to register, with the identity's missing numbers put on it through the normal
 * correction (audited, sent to the hub), so the next scan of the same KTP or card finds it.
 * Nothing missing: the record as it is, nothing written.
 */
export async function adoptIdentity(api: AdoptApi, patient: Patient, identity: Identity): Promise<Result<Patient>> {
  const changes = missingOnRecord(patient, identity);
  if (Object.keys(changes).length === 0) return { ok: true, value: patient };
  const updated = await api.updatePatient({ patientId: patient.id, changes });
  return updated.ok ? { ok: true, value: updated.value.patient } : updated;
}
