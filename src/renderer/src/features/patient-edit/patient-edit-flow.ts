// Correcting a patient's record (F3, "Ubah data pasien"): which record, what changed, where an
// error belongs. Pure: the hook (use-patient-edit.ts) runs the call, the panel renders.
import type { ContractError } from '../../../../shared/contract';
import type { Identity, Patient } from '../../../../shared/counter';
import { PATIENT_FIELDS, type PatientChanges, type PatientField } from '../../../../shared/patient-changes';

/**
 * Where the record was on screen: the look-up's answer (also its unit step, which is dropped: nothing
 * was registered yet), or the ticket of the visit just registered (it stays, its slip is shown again).
 */
export type EditOrigin = 'result' | 'ticket';

export interface EditTarget {
  patient: Patient;
  origin: EditOrigin;
}

/** What the search screen shows now, as far as the correction cares. */
export interface ScreenPatients {
  /** Who the open registration's unit step would register, when it is a record here; null otherwise. */
  registering: Patient | null;
  /** A registration is open (any step). */
  registrationOpen: boolean;
  /** The ticket of the visit just registered. */
  ticket: Patient | null;
  /** The look-up's own record (a record number, a known NIK or card). */
  found: Patient | null;
  /** A name search's own records. */
  ownMatches: readonly Patient[];
  /** The own record whose row has the focus (its "Pilih" button), by RM. */
  focusedMrn?: string | null;
  /**
   * The person on screen who has no record here yet (a list member looked up or picked, a new
   * patient typed in the form or in the unit step): their name, '' when none is known yet.
   */
  unregistered?: string | null;
  /** List rows are shown to pick from (a name search) and none is picked yet. */
  candidates?: boolean;
}

/**
 * The record F3 corrects: the one the unit step would register, else the ticket's, else the
 * look-up's, else the own record focused in a name's list (or the only one). A new patient not
 * written yet has no record to correct (the form is still open for that). An emergency patient
 * without identity is not offered: that identity is completed in the follow-ups (attachIdentity).
 */
export function editTargetOf(s: ScreenPatients): EditTarget | null {
  const target = pick(s);
  return target && target.patient.identified ? target : null;
}

function pick(s: ScreenPatients): EditTarget | null {
  if (s.registering) return { patient: s.registering, origin: 'result' };
  if (s.registrationOpen) return null;
  if (s.ticket) return { patient: s.ticket, origin: 'ticket' };
  if (s.found) return { patient: s.found, origin: 'result' };
  const focused = s.focusedMrn ? s.ownMatches.find((p) => p.mrn === s.focusedMrn) : undefined;
  if (focused) return { patient: focused, origin: 'result' };
  return s.ownMatches.length === 1 ? { patient: s.ownMatches[0]!, origin: 'result' } : null;
}

/** The patient on screen that cannot be corrected here (no identity yet): the screen says where instead. */
export function unidentifiedOf(s: ScreenPatients): Patient | null {
  const target = pick(s);
  return target && !target.patient.identified ? target.patient : null;
}

/**
 * Why F3 corrects nothing now, said in words (every key on this screen says what it did):
 * - `not-registered`: the person on screen has no record here yet, so there is no data to
 *   correct: it is given when registering (the form), and corrected with F3 on the number once
 *   registered;
 * - `pick-first`: candidates or several own records are listed and none is picked;
 * - `nobody`: nobody on screen yet.
 * Null when F3 has a record to correct, or the record on screen is an emergency without
 * identity (its note already says where that is completed).
 */
export type EditWhyNot = { reason: 'not-registered'; name: string } | { reason: 'pick-first' } | { reason: 'nobody' };

export function editWhyNot(s: ScreenPatients): EditWhyNot | null {
  if (pick(s)) return null;
  if (s.unregistered !== undefined && s.unregistered !== null) return { reason: 'not-registered', name: s.unregistered };
  if (s.candidates || s.ownMatches.length > 1) return { reason: 'pick-first' };
  return { reason: 'nobody' };
}

/** F3, alone: the correction's key (F1 search, F2 new patient, F4 reprint, F9 emergency are taken). */
export const isEditKey = (e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): boolean =>
  e.key === 'F3' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;

/** The form's answer as the record's current values: the draft the form starts from. */
export function draftOf(patient: Patient): Identity {
  return { name: patient.name, nik: patient.nik, card: patient.card, dob: patient.dob, sex: patient.sex, address: patient.address, oldMrn: patient.oldMrn };
}

const sameName = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toUpperCase() === b;

/** Only what the clerk changed: the core writes those fields and nothing else. */
export function changesOf(patient: Patient, identity: Identity): PatientChanges {
  const changes: PatientChanges = {};
  if (!sameName(identity.name, patient.name)) changes.name = identity.name;
  for (const field of ['nik', 'card', 'dob', 'sex', 'address', 'oldMrn'] as const) {
    const value = identity[field] ?? null;
    if (value !== patient[field]) (changes as Record<string, unknown>)[field] = value;
  }
  return changes;
}

export const hasChanges = (changes: PatientChanges): boolean => Object.keys(changes).length > 0;

/** The field an error concerns (a NIK another record holds, a field the core refused), to show it there; null: the whole form's. */
export function fieldOfError(error: ContractError): PatientField | null {
  if (error.code === 'patient/nik-taken') return 'nik';
  if (error.code === 'patient/card-taken') return 'card';
  if (error.code !== 'invalid-input') return null;
  for (const issue of error.issues ?? []) {
    const field = issue.path[0] === 'changes' ? issue.path[1] : undefined;
    if (typeof field === 'string' && (PATIENT_FIELDS as readonly string[]).includes(field)) return field as PatientField;
  }
  return null;
}

/** The correction on screen: the record, the call under way, the last refusal. */
export interface EditState {
  target: EditTarget;
  busy: boolean;
  error: ContractError | null;
}

/** What the screen says after a save: which record and which fields, worded while rendering (the language may change). */
export interface EditNotice {
  patientId: number;
  mrn: string;
  fields: PatientField[];
  /** Corrected from the ticket: the slip already printed shows the old data, a reprint (F4) the new. */
  reprint: boolean;
  /** The old RM saved is on these records too (PatientUpdate.oldMrnAlsoOn): named, so the card is checked. */
  oldMrnAlsoOn?: { name: string; mrn: string }[] | undefined;
  oldMrn?: string | null;
}

export type EditEvent =
  | { type: 'open'; target: EditTarget }
  | { type: 'close' }
  | { type: 'busy' }
  | { type: 'failed'; error: ContractError }
  /** The clerk changed the field the refusal was about: its message goes. */
  | { type: 'edited' };

export function editReducer(state: EditState | null, event: EditEvent): EditState | null {
  switch (event.type) {
    case 'open':
      return { target: event.target, busy: false, error: null };
    case 'close':
      return null;
    case 'busy':
      return state && { ...state, busy: true, error: null };
    case 'failed':
      return state && { ...state, busy: false, error: event.error };
    case 'edited':
      return state && { ...state, error: null };
  }
}
