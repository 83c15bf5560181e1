import type { Result } from '../../../../shared/contract';
import type { Identity, Patient } from '../../../../shared/counter';
import { withoutNik } from '../register/new-patient-logic';
import { sameName } from '../register/resolve-identity';
import type { EmergencyTarget } from './emergency-flow';

/** The calls finding or making the emergency's record (the real client, or a stand-in in the tests). */
export interface EmergencyPatientApi {
  findPatient(by: { nik?: string; card?: string }): Promise<Result<Patient | null>>;
  createPatient(identity: Identity): Promise<Result<Patient>>;
}

/**
 * The record an emergency goes to: the one on screen, else the record here with the person's NIK
 * or card, else one made from their data (a list member's, or what the clerk typed in the
 * new-patient form). Nobody is asked anything and nothing waits on a check:
 * - a NIK whose record here bears another name (a baby typed with the mother's NIK) is not that
 *   person: the record is made without the NIK (as "simpan tanpa NIK" would), never the mother's;
 * - data the core refuses still leaves the name: a record with the name alone;
 * - null only when even that fails: the emergency is then registered without identity.
 */
export async function emergencyPatientId(api: EmergencyPatientApi, target: EmergencyTarget): Promise<number | null> {
  if ('patient' in target) return target.patient.id;
  let { identity } = target;
  const by = identity.nik ? { nik: identity.nik } : identity.card ? { card: identity.card } : null;
  if (by) {
    const found = await api.findPatient(by);
    const record = found.ok ? found.value : null;
    if (record && identity.nik && record.nik === identity.nik && !sameName(record.name, identity.name)) identity = withoutNik(identity);
    else if (record) return record.id;
  }
  const created = await api.createPatient(identity);
  if (created.ok) return created.value.id;
  const named = await api.createPatient({ name: identity.name });
  return named.ok ? named.value.id : null;
}
