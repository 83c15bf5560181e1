import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, type Dispatch } from 'react';
import type { Result } from '../../../../shared/contract';
import type { Identity, Patient, RegisteredVisit } from '../../../../shared/counter';
import type { MemberMatch } from '../../../../shared/lookup';
import { loket } from '../../api';
import { canSubmit, firstAction, flowReducer, initialFlow, listHolderOf, personOf, registrationOf, type FlowEvent, type FlowState, type Registration, type UnitChoice, type Who } from './register-flow';
import { adoptIdentity } from './adopt-identity';
import { withIdentityCheck } from './identity-check';
import { findListNamesake, identityWithNamesake } from './list-namesake';
import { resolveIdentity } from './resolve-identity';
import { useDayTurn } from './use-day-turn';
import type { Subject } from './subject';

/** "Daftar": the visit of a record, or a new patient's record and visit together (one transaction). */
async function send(call: Registration): Promise<Result<{ visit: RegisteredVisit; patient: Patient }>> {
  if (call.method === 'registerVisit') {
    const r = await loket.registerVisit(call.input);
    return r.ok ? { ok: true, value: { visit: r.value, patient: call.patient } } : r;
  }
  const r = await loket.registerNewPatient(call.input);
  if (!r.ok) return r;
  const { patient, ...visit } = r.value;
  return { ok: true, value: { visit, patient } };
}

export interface RegisterFlow {
  state: FlowState;
  dispatch: Dispatch<FlowEvent>;
  resolve: (identity: Identity, skipDuplicates?: boolean) => Promise<void>;
  takePatient: (patient: Patient) => void;
  /** "Pakai data ini" for a likely duplicate: the record, with the scanned NIK or card it lacks put on it. */
  takeDuplicate: (patient: Patient, identity: Identity) => Promise<void>;
  /** The list's namesake of a patient typed without a number: the same person (the member), or not (null). */
  answerNamesake: (identity: Identity, member: MemberMatch | null) => void;
  register: (confirmDuplicate: boolean) => Promise<void>;
}

/**
 * Runs the calls the register steps ask for. Every answer is checked against `alive`: a panel
 * dropped meanwhile (Esc, a new scan, an emergency) never moves on to a later step. Nothing is
 * written before "Daftar": a new patient's record is made with the visit, in one call.
 * `onWho`: whom the registration is about (personOf: the unit step's, or the person typed in the
 * form; an emergency, F9, goes to them), null otherwise.
 */
export function useRegisterFlow(
  subject: Subject,
  units: readonly UnitChoice[],
  onWho: (who: Who | null) => void,
  onRegistered: (visit: RegisteredVisit, patient: Patient) => void,
): RegisterFlow {
  const [state, dispatch] = useReducer(flowReducer, subject, initialFlow);
  const alive = useRef(true);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  // Once per change of the flow's state (a key typed in the form is one), not per render.
  const who = useMemo(() => personOf(state), [state]);
  // Layout effects, not effects: the screen knows whom the step is about before the browser
  // handles another key. With an effect, F3 (correct this patient) or F9 (an emergency for them)
  // pressed the moment the unit step showed found nobody, and F3 was lost (patient-edit e2e).
  useLayoutEffect(() => onWho(who), [who, onWho]);
  useLayoutEffect(() => () => onWho(null), [onWho]);

  /** To the unit step, the person's NIK looked up first when the search never did (identity-check.ts). */
  const toStep = useCallback(
    async (next: FlowEvent, namesakeAnswered = false): Promise<void> => {
      if (next.type !== 'patient' && next.type !== 'new') return dispatch(next);
      dispatch({ type: 'busy' });
      const checked = await withIdentityCheck(loket, subject, next, () => alive.current);
      if (!checked) return;
      // The NIK is a list member's under another name: asked first, never taken past by a scan's Enter.
      const holder = checked.type === 'new' && next.type === 'new' ? listHolderOf(next.identity, checked.check ?? null) : null;
      if (holder && next.type === 'new') return dispatch({ type: 'list-clash', identity: next.identity, member: holder });
      // No number typed: one list member of that name and birth date is asked about (list-namesake.ts).
      if (checked.type === 'new' && !namesakeAnswered) {
        const namesake = await findListNamesake(loket, checked.identity);
        if (!alive.current) return;
        if (namesake) return dispatch({ type: 'list-namesake', identity: checked.identity, member: namesake });
      }
      dispatch(checked);
    },
    [subject],
  );

  const takePatient = useCallback(
    (patient: Patient) => {
      if (alive.current) void toStep({ type: 'patient', patient });
    },
    [toStep],
  );

  const takeDuplicate = useCallback(
    async (patient: Patient, identity: Identity): Promise<void> => {
      dispatch({ type: 'busy' });
      const adopted = await adoptIdentity(loket, patient, identity);
      if (!alive.current) return;
      if (!adopted.ok) return dispatch({ type: 'failed', error: adopted.error });
      await toStep({ type: 'patient', patient: adopted.value });
    },
    [toStep],
  );

  /** Existing record by NIK or card (asking when the NIK's record has another name); else likely duplicates; else a new patient. */
  const resolve = useCallback(
    async (identity: Identity, skipDuplicates = false): Promise<void> => {
      dispatch({ type: 'busy' });
      const next = await resolveIdentity(loket, identity, skipDuplicates, () => alive.current);
      // The typed NIK or card is a record here: what the form adds and the record lacks (an old RM,
      // a birth date) goes on it, as with "Pakai data ini"; never dropped without a word.
      if (next?.type === 'patient') return takeDuplicate(next.patient, identity);
      if (next) await toStep(next);
    },
    [toStep, takeDuplicate],
  );

  /** The clerk said whether the list's namesake is the patient: with the list's numbers (looked up again), or as typed. */
  const answerNamesake = useCallback(
    (identity: Identity, member: MemberMatch | null): void => {
      if (!alive.current) return;
      if (member) void resolve(identityWithNamesake(identity, member), true);
      else void toStep({ type: 'new', identity }, true);
    },
    [toStep, resolve],
  );

  // The first step runs once per subject (the panel is re-mounted for another patient).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const first = firstAction(subject);
    if (first.do === 'none') return;
    if (first.do === 'resolve') {
      void resolve(first.identity);
      return;
    }
    void (async () => {
      if (first.by) {
        const found = await loket.findPatient(first.by);
        if (!alive.current) return;
        if (found.ok && found.value) return takePatient(found.value);
      }
      dispatch({ type: 'form', draft: first.draft });
    })();
  }, [subject, resolve, takePatient]);

  const register = useCallback(
    async (confirmDuplicate: boolean) => {
      const now = stateRef.current;
      if (now.busy || (!canSubmit(now) && !confirmDuplicate)) return;
      const call = registrationOf(now, subject, units, confirmDuplicate);
      if (!call) return;
      dispatch({ type: 'busy' });
      const result = await send(call);
      // Registered even if the panel was dropped meanwhile: the caller decides what to show.
      if (result.ok) {
        dispatch({ type: 'registered' });
        return onRegistered(result.value.visit, result.value.patient);
      }
      if (!alive.current) return;
      if (result.error.code === 'visit/duplicate') return dispatch({ type: 'duplicate-visit', error: result.error });
      dispatch({ type: 'failed', error: result.error });
    },
    [subject, units, onRegistered],
  );

  useDayTurn(state.duplicate !== null, () => dispatch({ type: 'day-changed' }));

  return { state, dispatch, resolve, takePatient, takeDuplicate, answerNamesake, register };
}
