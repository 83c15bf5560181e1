import type { Result } from '../../../../shared/contract';
import type { Identity, Patient } from '../../../../shared/counter';
import { normalizeName } from '../../../../shared/names';
import type { FlowEvent } from './register-flow';

/** The calls resolving an identity needs (the real client, or a stand-in in the tests). Both only read. */
export interface ResolveApi {
  findPatient(by: { nik?: string; card?: string }): Promise<Result<Patient | null>>;
  likelyDuplicates(input: { name: string; dob: string | null; oldMrn?: string | null }): Promise<Result<Patient[]>>;
}

/** The same person by name, after the usual normalisation (titles, spelling, spaces, case). */
export function sameName(a: string, b: string): boolean {
  return normalizeName(a).key === normalizeName(b).key;
}

/**
 * Which step an identity (typed in the form, or a list member's) leads to. Reads only: nothing is
 * written here, a new record is made with its visit when the clerk registers.
 * - Its NIK or card is a record here: that record. But when the NIK's record bears another name
 *   (a baby registered with the mother's NIK), the clerk is asked (`nik-clash`), never switched.
 * - Likely duplicates (likely-duplicates.ts in the core: the name spelt otherwise, the birth date a
 *   slip off or missing; first the records holding the old RM typed): shown first (unless the
 *   clerk already went past them).
 * - Otherwise: a new patient.
 * `alive()` false after an answer: the panel was dropped meanwhile, nothing more happens (null).
 */
export async function resolveIdentity(api: ResolveApi, identity: Identity, skipDuplicates: boolean, alive: () => boolean): Promise<FlowEvent | null> {
  const by = identity.nik ? { nik: identity.nik } : identity.card ? { card: identity.card } : null;
  if (by) {
    const found = await api.findPatient(by);
    if (!alive()) return null;
    if (!found.ok) return { type: 'failed', error: found.error };
    const patient = found.value;
    if (patient) {
      const clash = identity.nik !== null && identity.nik !== undefined && patient.nik === identity.nik && identity.name.trim() !== '' && !sameName(identity.name, patient.name);
      return clash ? { type: 'nik-clash', identity, patient } : { type: 'patient', patient };
    }
  }
  if (!skipDuplicates) {
    const dups = await api.likelyDuplicates({ name: identity.name, dob: identity.dob ?? null, oldMrn: identity.oldMrn ?? null });
    if (!alive()) return null;
    if (!dups.ok) return { type: 'failed', error: dups.error };
    if (dups.value.length > 0) return { type: 'duplicates', identity, candidates: dups.value };
  }
  return { type: 'new', identity };
}
