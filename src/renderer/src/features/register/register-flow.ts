import type { ContractError } from '../../../../shared/contract';
import { PAYERS, PAYER_KEYS, type Identity, type Patient, type Payer } from '../../../../shared/counter';
import { derivePayer } from './payer';
import { identityOfMember, type Subject } from './subject';

/**
 * The registration steps after a look-up, as a pure state machine: find the patient's record,
 * else offer likely duplicates, else the new-patient form; then the unit, the payer and "Daftar".
 * The panel renders the state; the hook (use-register-flow) runs the calls the steps ask for.
 */
export type Step =
  | { step: 'checking' }
  | { step: 'form'; draft: Identity }
  | { step: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { step: 'unit'; patient: Patient; isNew: boolean }
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
  | { type: 'form'; draft: Identity }
  | { type: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { type: 'patient'; patient: Patient; isNew: boolean }
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
  if (subject.kind === 'patient') return { ...base, step: { step: 'unit', patient: subject.patient, isNew: false } };
  return { ...base, step: { step: 'checking' } };
}

export function firstAction(subject: Subject): FirstAction {
  if (subject.kind === 'patient') return { do: 'none' };
  if (subject.kind === 'member') return { do: 'resolve', identity: identityOfMember(subject.member) };
  const by = subject.nik ? { nik: subject.nik } : subject.card ? { card: subject.card } : null;
  return { do: 'find-or-form', by, draft: { name: subject.name, nik: subject.nik, card: subject.card, dob: null, sex: null, address: null } };
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
      return { ...state, busy: false, step: { step: 'form', draft: event.draft } };
    case 'duplicates':
      return { ...state, busy: false, step: { step: 'duplicates', identity: event.identity, candidates: event.candidates } };
    case 'patient':
      return { ...state, busy: false, step: { step: 'unit', patient: event.patient, isNew: event.isNew } };
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
 * A key in the panel: Esc cancels (any step); in the unit step 1–9 pick a unit, the payer letters
 * (J D U R K A M) a payer, Enter registers. Nothing while the "already registered" question is open.
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
