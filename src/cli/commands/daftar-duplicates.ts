// `loket daftar` and a patient who may already have a record here: the command cannot ask as the
// counter's "Mungkin pasien ini sudah punya rekam medis" does, so it refuses and names the records;
// the officer answers with --rm (the same person) or --new (another person).
import type { Core } from '../../core/core';
import type { Identity, Patient } from '../../shared/counter';
import { dateCloseness } from '../../shared/date-slips';
import type { Lang } from '../../shared/i18n/messages';
import { looseName, sameLoose } from '../../shared/name-variants';
import { parseNik } from '../../shared/nik';
import { sameOldMrn } from '../../shared/old-mrn';
import { call } from '../contract-call';
import { cliText } from '../messages';
import { CliFailure } from '../usage-error';

/**
 * The records `--name` with `--dob` names for certain: the same birth date and the same name but
 * for spelling (RAHMAT for RACHMAT, AHMAD YUSUF for ACHMAD YUSUF). The other likely duplicates
 * (a date slip, a word left out) are only asked about (refuseLikelyDuplicates).
 */
export function certainRecords(likely: readonly Patient[], name: string, dob: string): Patient[] {
  const typed = looseName(name);
  return likely.filter((p) => dateCloseness(p.dob, dob) === 'exact' && sameLoose(typed, looseName(p.name)));
}

/**
 * Before a new record: refused while this facility has a record that is probably the person
 * (the check the counter makes, likelyDuplicates), unless `--new` says it is another person.
 */
export async function refuseLikelyDuplicates(core: Core, identity: Identity, forceNew: boolean, lang: Lang): Promise<void> {
  if (forceNew) return;
  // The records holding the old RM given come first (papertester F2): --rm names the first.
  const likely = await call(core, 'likelyDuplicates', { name: identity.name, dob: identity.dob ?? null, oldMrn: identity.oldMrn ?? null });
  if (likely.length === 0) return;
  const records = likely.map((p) => cliText(lang, 'daftar/record', { mrn: p.mrn, name: p.name, born: recordDetails(lang, p, identity.oldMrn) })).join('; ');
  throw new CliFailure('daftar/likely-duplicate', { records, mrn: likely[0]!.mrn });
}

/** "lahir 1975-06-06, RM lama 000003 sama": the birth date, and why a record holding the old RM given is listed. */
function recordDetails(lang: Lang, p: Patient, oldMrn: string | null | undefined): string {
  const born = p.dob ? cliText(lang, 'daftar/born', { dob: p.dob }) : cliText(lang, 'daftar/born-unknown');
  return sameOldMrn(p.oldMrn, oldMrn) ? `${born}, ${cliText(lang, 'daftar/same-old-mrn', { oldMrn: p.oldMrn ?? '' })}` : born;
}

/**
 * `--rm-lama` on a record found (or named by --rm): saved there when it has no old RM yet, through
 * the normal, audited correction, so the next search of that card finds it. One it has stays (F3 corrects).
 */
export async function keepOldMrn(core: Core, patient: Patient, oldMrn: string | null): Promise<Patient> {
  if (!oldMrn || patient.oldMrn) return patient;
  return (await call(core, 'updatePatient', { patientId: patient.id, changes: { oldMrn } })).patient;
}

/**
 * `--rm`: the record the officer named as this patient, with the NIK or card given put on it when
 * it has none (the counter's "Pakai data ini"), through the normal, audited correction.
 */
export async function recordByRm(core: Core, mrn: string, number: { nik: string } | { card: string } | null): Promise<Patient> {
  const patient = await call(core, 'findPatient', { mrn });
  if (!patient) throw new CliFailure('daftar/unknown-rm', { mrn });
  const changes = number && 'nik' in number ? (patient.nik ? {} : { nik: number.nik }) : number && !patient.card ? { card: number.card } : {};
  if (Object.keys(changes).length === 0) return patient;
  return (await call(core, 'updatePatient', { patientId: patient.id, changes })).patient;
}

/** The birth date and sex a NIK encodes (as the counter's form fills them), when its date digits are a date. */
export function fromNik(nik: string | null): { dob: string | null; sex: 'L' | 'P' | null } {
  const parsed = nik ? parseNik(nik) : null;
  return parsed?.ok && parsed.info.birthDate ? { dob: parsed.info.birthDate, sex: parsed.info.sex } : { dob: null, sex: null };
}
