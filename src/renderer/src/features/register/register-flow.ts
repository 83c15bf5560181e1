import type { ContractError, MethodInput } from '../../../../shared/contract';
import { PAYERS, PAYER_KEYS, type Identity, type Patient, type Payer } from '../../../../shared/counter';
import { derivePayer } from './payer';
import { identityOfMember, type Subject } from './subject';

/**
 * Who the unit step registers: a record this facility has, or a new patient not written yet. A
 * new record is made only by "Daftar", together with its visit (registerNewPatient): a
 * registration dropped before (Esc, a scan, F9 for someone else) leaves nothing behind.
 */
export type Who = { kind: 'record'; patient: Patient } | { kind: 'new'; identity: Identity };

export const whoName = (who: Who): string => (who.kind === 'record' ? who.patient.name : who.identity.name);

/**
 * The registration steps after a look-up, as a pure state machine: find the patient's record,
 * else offer likely duplicates, else the new-patient form; then the unit, the payer and "Daftar".
 * `nik-clash`: the NIK typed is another person's record here (a baby given the mother's NIK):
 * the clerk says which, nothing is taken silently.
 * The panel renders the state; the hook (use-register-flow) runs the calls the steps ask for.
 */
export type Step =
  | { step: 'checking' }
  | { step: 'form'; draft: Identity; focus?: 'nik' }
  | { step: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { step: 'nik-clash'; identity: Identity; patient: Patient }
  | { step: 'unit'; who: Who }
  | { step: 'done' };

export interface FlowState {
  step: Step;
  /** The clerk's unit; null: the first unit. */
  unit: string | null;
  /** The clerk's payer; null: the one derived from the check. */
  payer: Payer | null;
  busy: boolean;
  error: ContractError | null;
  /** "Already registered today" (the core refused without confirmation): the question is open. */
  duplicate: ContractError | null;
}

export type FlowEvent =
  | { type: 'busy' }
  | { type: 'failed'; error: ContractError }
  | { type: 'form'; draft: Identity; focus?: 'nik' }
  | { type: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { type: 'nik-clash'; identity: Identity; patient: Patient }
  /** A record of this facility: registered as it is. */
  | { type: 'patient'; patient: Patient }
  /** Nobody here has this identity: a new record, made when the visit is registered. */
  | { type: 'new'; identity: Identity }
  | { type: 'unit'; code: string }
  | { type: 'payer'; payer: Payer; derived: Payer }
  | { type: 'duplicate-visit'; error: ContractError }
  | { type: 'duplicate-closed' }
  | { type: 'registered' };

/** What the hook must do first for a subject. */
export type FirstAction =
  | { do: 'none' }
  | { do: 'resolve'; identity: Identity }
  | { do: 'find-or-form'; by: { nik: string } | { card: string } | null; draft: Identity };

export function initialFlow(subject: Subject): FlowState {
  const base = { unit: null, payer: null, busy: false, error: null, duplicate: null };
  // A returning patient's own record: nothing to look for, straight to the unit.
  if (subject.kind === 'patient') return { ...base, step: { step: 'unit', who: { kind: 'record', patient: subject.patient } } };
  return { ...base, step: { step: 'checking' } };
}

export function firstAction(subject: Subject): FirstAction {
  if (subject.kind === 'patient') return { do: 'none' };
  if (subject.kind === 'member') return { do: 'resolve', identity: identityOfMember(subject.member) };
  const by = subject.nik ? { nik: subject.nik } : subject.card ? { card: subject.card } : null;
  // The birth date searched with the name goes into the form too: typed once, never twice.
  return { do: 'find-or-form', by, draft: { name: subject.name, nik: subject.nik, card: subject.card, dob: subject.dob ?? null, sex: null, address: null } };
}

export function flowReducer(state: FlowState, event: FlowEvent): FlowState {
  // Once registered, nothing changes the panel any more (a late key or answer is ignored).
  if (state.step.step === 'done') return state;
  switch (event.type) {
    case 'busy':
      return { ...state, busy: true, error: null };
    case 'failed':
      return { ...state, busy: false, error: event.error };
    case 'form':
      return { ...state, busy: false, error: null, step: { step: 'form', draft: event.draft, ...(event.focus ? { focus: event.focus } : {}) } };
    case 'duplicates':
      return { ...state, busy: false, step: { step: 'duplicates', identity: event.identity, candidates: event.candidates } };
    case 'nik-clash':
      return { ...state, busy: false, step: { step: 'nik-clash', identity: event.identity, patient: event.patient } };
    case 'patient':
      return { ...state, busy: false, step: { step: 'unit', who: { kind: 'record', patient: event.patient } } };
    case 'new':
      return { ...state, busy: false, step: { step: 'unit', who: { kind: 'new', identity: event.identity } } };
    case 'unit':
      return state.step.step === 'unit' && !state.duplicate ? { ...state, unit: event.code } : state;
    case 'payer':
      return state.step.step === 'unit' && !state.duplicate ? { ...state, payer: event.payer === event.derived ? null : event.payer } : state;
    case 'duplicate-visit':
      return { ...state, busy: false, duplicate: event.error };
    case 'duplicate-closed':
      return { ...state, duplicate: null };
    case 'registered':
      return { ...state, busy: false, duplicate: null, step: { step: 'done' } };
  }
}

export interface UnitChoice {
  code: string;
}

/** The unit and payer that "Daftar" would record now. */
export function chosen(state: FlowState, subject: Subject, units: readonly UnitChoice[]): { unit: string | null; payer: Payer; derived: Payer } {
  const derived = derivePayer(subject.verdict, subject.basis ?? (subject.kind === 'member' ? [subject.member] : []));
  return { unit: state.unit ?? units[0]?.code ?? null, payer: state.payer ?? derived, derived };
}

/** Who "Daftar" registers now; null outside the unit step. */
export const whoOf = (state: FlowState): Who | null => (state.step.step === 'unit' ? state.step.who : null);

/**
 * The one call "Daftar" makes: the visit of a record, or (a new patient) the record and its
 * visit together. Null when nothing can be registered (no unit step, no unit configured).
 */
export type Registration =
  | { method: 'registerVisit'; input: MethodInput<'registerVisit'>; patient: Patient }
  | { method: 'registerNewPatient'; input: MethodInput<'registerNewPatient'> };

export function registrationOf(state: FlowState, subject: Subject, units: readonly UnitChoice[], confirmDuplicate: boolean): Registration | null {
  const who = whoOf(state);
  const { unit, payer } = chosen(state, subject, units);
  if (!who || !unit) return null;
  // Always the payer on screen (derived or chosen): the register holds what the clerk saw.
  const visit = { unit, verdict: subject.verdict, ...(subject.verdict && subject.source ? { verdictSource: subject.source } : {}), payer };
  if (who.kind === 'new') return { method: 'registerNewPatient', input: { identity: who.identity, ...visit } };
  return { method: 'registerVisit', input: { patientId: who.patient.id, ...visit, ...(confirmDuplicate ? { confirmDuplicate: true } : {}) }, patient: who.patient };
}

/** Whether "Daftar" may be sent now (one request at a time, not while the question is open). */
export const canSubmit = (state: FlowState): boolean => state.step.step === 'unit' && !state.busy && !state.duplicate;

const PAYER_OF_KEY: ReadonlyMap<string, Payer> = new Map(PAYERS.map((p) => [PAYER_KEYS[p].toLowerCase(), p]));

export interface PanelKey {
  key: string;
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
  /** The focus is on a Cancel button: Enter there cancels, it never registers. */
  onCancelButton: boolean;
}

export type PanelCommand = { type: 'cancel' } | { type: 'unit'; code: string } | { type: 'payer'; payer: Payer } | { type: 'submit' } | null;

/**
 * A key in the panel: Esc cancels (any step; nothing has been written before "Daftar"); in the
 * unit step 1–9 pick a unit, the payer letters (J D U R K A M) a payer, Enter registers. Nothing
 * while the "already registered" question is open; in the NIK question no lone key answers (only
 * a button, by Enter on it or a click).
 */
export function panelCommand(state: FlowState, k: PanelKey, units: readonly UnitChoice[]): PanelCommand {
  if (k.key === 'Escape') return { type: 'cancel' };
  if (state.step.step !== 'unit' || state.duplicate || k.alt || k.ctrl || k.meta) return null;
  if (/^[1-9]$/.test(k.key)) {
    const u = units[Number(k.key) - 1];
    return u ? { type: 'unit', code: u.code } : null;
  }
  const payer = PAYER_OF_KEY.get(k.key.toLowerCase());
  if (payer) return { type: 'payer', payer };
  if (k.key === 'Enter' && !k.onCancelButton) return { type: 'submit' };
  return null;
}
