import type { ContractError, MethodInput } from '../../../../shared/contract';
import { PAYERS, PAYER_KEYS, type Identity, type Patient, type Payer } from '../../../../shared/counter';
import type { MemberMatch, Verdict } from '../../../../shared/lookup';
import { unitOfKey } from '../../unit-keys';
import { withoutNik } from './new-patient-logic';
import { derivePayer } from './payer';
import { sameName } from './resolve-identity';
import { identityOfMember, type Subject, type VerdictSource } from './subject';
import { typedIdentity, type TypedForm } from './typed-person';

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
 * the clerk says which, nothing is taken silently. `list-clash`: the NIK typed (or scanned into the
 * form while another name was typed) is a list member's under a clearly different name: asked
 * the same way, never registered with that member's NIK, payer and birth date. `list-namesake`:
 * a new patient typed without NIK or card has the name and birth date of one list member: the
 * clerk says whether it is that person (list-namesake.ts).
 * The panel renders the state; the hook (use-register-flow) runs the calls the steps ask for.
 */
export type Step =
  | { step: 'checking' }
  | { step: 'form'; draft: Identity; focus?: 'nik'; typed?: TypedForm; leaveAsked?: boolean }
  | { step: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { step: 'nik-clash'; identity: Identity; patient: Patient }
  | { step: 'list-clash'; identity: Identity; member: MemberMatch }
  | { step: 'list-namesake'; identity: Identity; member: MemberMatch }
  | { step: 'unit'; who: Who }
  | { step: 'done' };

/**
 * The look-up of the NIK (or card) of the person the unit step registers, made when the search
 * never looked that number up (F2, or a name search that found nobody, then the NIK typed in the
 * form): the verdict the search field would give for it, and the list rows it rests on. The
 * payer is derived from it as from a search; never "from the check" without one.
 */
export interface IdentityCheck {
  /** The number looked up. */
  query: string;
  verdict: Verdict;
  basis: MemberMatch[];
}

export interface FlowState {
  step: Step;
  /** The unit step's own check (see IdentityCheck); null: the subject's search is the check (or there is none). */
  check: IdentityCheck | null;
  /** The clerk's unit; null: the first unit. */
  unit: string | null;
  /** The clerk's payer; null: the one derived from the check. */
  payer: Payer | null;
  busy: boolean;
  error: ContractError | null;
  /** "Already registered today" (the core refused without confirmation): the question is open. */
  duplicate: ContractError | null;
  /** The question was closed because the facility's day changed under it ("today" was yesterday): said, Daftar registers for the new day. */
  dayTurned: boolean;
}

export type FlowEvent =
  | { type: 'busy' }
  | { type: 'failed'; error: ContractError }
  | { type: 'form'; draft: Identity; focus?: 'nik' }
  /** The form's fields as typed now (each change): whom an emergency would take (personOf). */
  | { type: 'typed'; typed: TypedForm }
  /** Esc on a form with typed data: said, the form stays; a second Esc leaves it (formTouched). */
  | { type: 'leave-asked' }
  | { type: 'duplicates'; identity: Identity; candidates: Patient[] }
  | { type: 'nik-clash'; identity: Identity; patient: Patient }
  | { type: 'list-clash'; identity: Identity; member: MemberMatch }
  | { type: 'list-namesake'; identity: Identity; member: MemberMatch }
  /** A record of this facility: registered as it is. `check`: its NIK looked up on the way (see IdentityCheck). */
  | { type: 'patient'; patient: Patient; check?: IdentityCheck | null }
  /** Nobody here has this identity: a new record, made when the visit is registered. */
  | { type: 'new'; identity: Identity; check?: IdentityCheck | null }
  | { type: 'unit'; code: string | null }
  | { type: 'payer'; payer: Payer; derived: Payer }
  | { type: 'duplicate-visit'; error: ContractError }
  | { type: 'duplicate-closed' }
  /** The facility's date changed while the question was open (use-day-turn.ts). */
  | { type: 'day-changed' }
  | { type: 'registered' };

/** What the hook must do first for a subject. */
export type FirstAction =
  | { do: 'none' }
  | { do: 'resolve'; identity: Identity }
  | { do: 'find-or-form'; by: { nik: string } | { card: string } | null; draft: Identity };

export function initialFlow(subject: Subject): FlowState {
  const base = { unit: null, payer: null, busy: false, error: null, duplicate: null, dayTurned: false, check: null };
  // A returning patient's own record: nothing to look for, straight to the unit.
  if (subject.kind === 'patient') return { ...base, step: { step: 'unit', who: { kind: 'record', patient: subject.patient } } };
  return { ...base, step: { step: 'checking' } };
}

export function firstAction(subject: Subject): FirstAction {
  if (subject.kind === 'patient') return { do: 'none' };
  if (subject.kind === 'member') return { do: 'resolve', identity: identityOfMember(subject.member) };
  const by = subject.nik ? { nik: subject.nik } : subject.card ? { card: subject.card } : null;
  // The birth date searched with the name goes into the form too: typed once, never twice.
  return { do: 'find-or-form', by, draft: { name: subject.name, nik: subject.nik, card: subject.card, dob: subject.dob ?? null, sex: null, address: null, ...(subject.oldMrn ? { oldMrn: subject.oldMrn } : {}) } };
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
    case 'typed':
      // Typing on after the Esc question: a later stray Esc asks again.
      return state.step.step === 'form' ? { ...state, step: { ...state.step, typed: event.typed, leaveAsked: false } } : state;
    case 'leave-asked':
      return state.step.step === 'form' ? { ...state, step: { ...state.step, leaveAsked: true } } : state;
    case 'duplicates':
      return { ...state, busy: false, step: { step: 'duplicates', identity: event.identity, candidates: event.candidates } };
    case 'nik-clash':
      return { ...state, busy: false, step: { step: 'nik-clash', identity: event.identity, patient: event.patient } };
    case 'list-clash':
      return { ...state, busy: false, step: { step: 'list-clash', identity: event.identity, member: event.member } };
    case 'list-namesake':
      return { ...state, busy: false, step: { step: 'list-namesake', identity: event.identity, member: event.member } };
    case 'patient':
      return { ...state, busy: false, check: event.check ?? null, step: { step: 'unit', who: { kind: 'record', patient: event.patient } } };
    case 'new':
      return { ...state, busy: false, check: event.check ?? null, step: { step: 'unit', who: { kind: 'new', identity: event.identity } } };
    case 'unit':
      return state.step.step === 'unit' && !state.duplicate ? { ...state, unit: event.code } : state;
    case 'payer':
      return state.step.step === 'unit' && !state.duplicate ? { ...state, payer: event.payer === event.derived ? null : event.payer } : state;
    case 'duplicate-visit':
      return { ...state, busy: false, duplicate: event.error, dayTurned: false };
    case 'duplicate-closed':
      return { ...state, duplicate: null, dayTurned: false };
    // "Already registered today" opened at 23:59 is not true at 00:00: a reflex Enter (Batal) would
    // leave the patient without a visit for the new day. Closed, and the panel says why.
    case 'day-changed':
      return state.duplicate ? { ...state, duplicate: null, dayTurned: true } : state;
    case 'registered':
      return { ...state, busy: false, duplicate: null, step: { step: 'done' } };
  }
}

export interface UnitChoice {
  code: string;
  /** Its number key (unit-keys.ts: the unit's row in Settings, as on the queue's tabs); null: none. */
  key: string | null;
}

/** The verdict "Daftar" records, with its source and the list rows it rests on: the unit step's own check, else the search's. */
export function verdictOf(state: FlowState, subject: Subject): { verdict: Verdict | null; source: VerdictSource | undefined; basis: MemberMatch[] } {
  if (state.check) return { verdict: state.check.verdict, source: 'lists', basis: state.check.basis };
  return { verdict: subject.verdict, source: subject.source, basis: subject.basis ?? (subject.kind === 'member' ? [subject.member] : []) };
}

/**
 * The unit and payer that "Daftar" would record now. `checked`: whether the derived payer comes
 * from a check at all (a search, or the unit step's look-up of the NIK); when not, the screen
 * never says it was derived from one.
 */
export function chosen(state: FlowState, subject: Subject, units: readonly UnitChoice[]): { unit: string | null; payer: Payer; derived: Payer; checked: boolean } {
  const { verdict, basis } = verdictOf(state, subject);
  const derived = derivePayer(verdict, basis);
  return { unit: state.unit ?? units[0]?.code ?? null, payer: state.payer ?? derived, derived, checked: verdict !== null };
}

/**
 * The number the unit step must look up itself, or null: the NIK (else the card) of the person it
 * registers, when the subject's search did not look that very number up. A member or a record
 * found by the search was checked by it; F2 and a form filled after a search by name were not.
 */
export function checkProbe(subject: Subject, who: Who): string | null {
  if (subject.kind !== 'new') return null;
  const person = who.kind === 'record' ? who.patient : who.identity;
  const number = person.nik ?? person.card ?? null;
  if (!number) return null;
  const searched = subject.verdict !== null ? [subject.nik, subject.card] : [];
  return searched.includes(number) ? null : number;
}

/**
 * A new patient's identity with what the list knows and the form left empty (the card number,
 * the address, the birth date and sex), when the check found them active or not on a list under
 * the same name. A record of this facility is never changed here.
 */
export function withListDetails(identity: Identity, check: IdentityCheck | null): Identity {
  const member = check?.basis.find((m) => m.list.kind !== 'bpjs-live' && sameName(m.name, identity.name));
  if (!member) return identity;
  const fromList = identityOfMember(member);
  return {
    ...identity,
    card: identity.card ?? fromList.card,
    address: identity.address ?? fromList.address,
    dob: identity.dob ?? fromList.dob,
    sex: identity.sex ?? fromList.sex,
  };
}

/**
 * The list member whose NIK a new patient's identity carries under a clearly different name (the
 * names module's comparison: titles and everyday spellings set aside), or null: a KTP scanned into
 * the F2 form while another name was typed (WATI, with HALIMAH UTOMO's NIK). When any row for
 * that NIK bears the same name, or the check was not of that NIK, nothing is asked.
 */
export function listHolderOf(identity: Identity, check: IdentityCheck | null): MemberMatch | null {
  if (!check || !identity.nik || check.query !== identity.nik || identity.name.trim() === '') return null;
  const holders = check.basis.filter((m) => m.nik === identity.nik && m.name.trim() !== '');
  if (holders.some((m) => sameName(m.name, identity.name))) return null;
  return holders[0] ?? null;
}

/** Who "Daftar" registers now; null outside the unit step. */
export const whoOf = (state: FlowState): Who | null => (state.step.step === 'unit' ? state.step.who : null);

/**
 * The person this registration is about, for an emergency (F9) and a scan's note: the unit
 * step's, else the one typed in the new-patient form (as far as typed: typedIdentity; nobody
 * before a name is typed), else the identity the likely-duplicates or NIK question is about.
 * Null while checking. Never written here: an emergency makes the record itself.
 */
export function personOf(state: FlowState): Who | null {
  const { step } = state;
  if (step.step === 'unit') return step.who;
  if (step.step === 'duplicates' || step.step === 'nik-clash' || step.step === 'list-namesake') return { kind: 'new', identity: step.identity };
  // The NIK is the list member's, not this person's: an emergency goes without it.
  if (step.step === 'list-clash') return { kind: 'new', identity: withoutNik(step.identity) };
  if (step.step !== 'form') return null;
  const identity = step.typed ? typedIdentity(step.typed) : typedIdentity({ ...formOf(step.draft), card: step.draft.card ?? null });
  return identity ? { kind: 'new', identity } : null;
}

/** A draft as the form shows it before any key (the form reports its own fields from then on). */
const formOf = (draft: Identity): Omit<TypedForm, 'card'> => ({
  name: draft.name,
  nik: draft.nik ?? '',
  dob: draft.dob ?? '',
  dobValid: true,
  sex: draft.sex ?? '',
  address: draft.address ?? '',
  oldMrn: draft.oldMrn ?? '',
});

/**
 * Whether the new-patient form holds data the clerk typed: a field that differs from what the
 * form opened with (the search's name and birth date), or a form the clerk came back to from the
 * NIK question (it holds what was typed before). Esc on it asks first (panelCommand): one stray
 * Esc never throws a filled-in form away.
 */
export function formTouched(step: Step): boolean {
  if (step.step !== 'form') return false;
  if (step.focus === 'nik') return true;
  const { typed } = step;
  if (!typed) return false;
  const opened = formOf(step.draft);
  return (Object.keys(opened) as (keyof typeof opened)[]).some((field) => typed[field] !== opened[field]);
}

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
  const { verdict, source } = verdictOf(state, subject);
  // Always the payer on screen (derived or chosen): the register holds what the clerk saw.
  const visit = { unit, verdict, ...(verdict && source ? { verdictSource: source } : {}), payer };
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

export type PanelCommand = { type: 'cancel' } | { type: 'ask-leave' } | { type: 'unit'; code: string } | { type: 'payer'; payer: Payer } | { type: 'submit' } | null;

/**
 * A key in the panel: Esc cancels (any step; nothing has been written before "Daftar"), but on a
 * new-patient form with typed data the first Esc only asks (formTouched); in the
 * unit step a unit's number key (1–9) picks it, the payer letters (J D U R K A M) a payer, Enter registers. Nothing
 * while the "already registered" question is open; in the NIK question no lone key answers (only
 * a button, by Enter on it or a click).
 */
export function panelCommand(state: FlowState, k: PanelKey, units: readonly UnitChoice[]): PanelCommand {
  if (k.key === 'Escape') {
    const { step } = state;
    // A form with typed data: the first Esc asks (the form stays), the second leaves.
    return step.step === 'form' && formTouched(step) && !step.leaveAsked && !state.busy ? { type: 'ask-leave' } : { type: 'cancel' };
  }
  if (state.step.step !== 'unit' || state.duplicate || k.alt || k.ctrl || k.meta) return null;
  if (/^[1-9]$/.test(k.key)) {
    const u = unitOfKey(units, k.key);
    return u ? { type: 'unit', code: u.code } : null;
  }
  const payer = PAYER_OF_KEY.get(k.key.toLowerCase());
  if (payer) return { type: 'payer', payer };
  if (k.key === 'Enter' && !k.onCancelButton) return { type: 'submit' };
  return null;
}
