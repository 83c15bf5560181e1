import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { Identity, Patient, RegisteredVisit } from '../../../../shared/counter';
import { loket } from '../../api';
import { canSubmit, chosen, firstAction, flowReducer, initialFlow, type FlowEvent, type FlowState, type UnitChoice } from './register-flow';
import type { Subject } from './subject';

export interface RegisterFlow {
  state: FlowState;
  dispatch: Dispatch<FlowEvent>;
  resolve: (identity: Identity, skipDuplicates?: boolean) => Promise<void>;
  takePatient: (patient: Patient) => void;
  register: (confirmDuplicate: boolean) => Promise<void>;
}

/**
 * Runs the calls the register steps ask for. Every answer is checked against `alive`: a panel
 * dropped meanwhile (Esc, a new scan, an emergency) never moves on to a later step.
 */
export function useRegisterFlow(
  subject: Subject,
  units: readonly UnitChoice[],
  onPatient: (patient: Patient | null) => void,
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

  const takePatient = useCallback(
    (patient: Patient, isNew = false) => {
      if (!alive.current) return;
      onPatient(patient);
      dispatch({ type: 'patient', patient, isNew });
    },
    [onPatient],
  );

  /** Existing record by NIK or card; else likely duplicates; else a new record. */
  const resolve = useCallback(
    async (identity: Identity, skipDuplicates = false): Promise<void> => {
      dispatch({ type: 'busy' });
      const by = identity.nik ? { nik: identity.nik } : identity.card ? { card: identity.card } : null;
      if (by) {
        const found = await loket.findPatient(by);
        if (!alive.current) return;
        if (!found.ok) return dispatch({ type: 'failed', error: found.error });
        if (found.value) return takePatient(found.value);
      }
      if (!skipDuplicates) {
        const dups = await loket.likelyDuplicates({ name: identity.name, dob: identity.dob ?? null });
        if (!alive.current) return;
        if (!dups.ok) return dispatch({ type: 'failed', error: dups.error });
        if (dups.value.length > 0) return dispatch({ type: 'duplicates', identity, candidates: dups.value });
      }
      const created = await loket.createPatient(identity);
      if (!alive.current) return;
      if (!created.ok) return dispatch({ type: 'failed', error: created.error });
      takePatient(created.value, true);
    },
    [takePatient],
  );

  // The first step runs once per subject (the panel is re-mounted for another patient).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const first = firstAction(subject);
    if (first.do === 'none') {
      if (subject.kind === 'patient') onPatient(subject.patient);
      return;
    }
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
  }, [subject, resolve, takePatient, onPatient]);

  useEffect(() => () => onPatient(null), [onPatient]);

  const register = useCallback(
    async (confirmDuplicate: boolean) => {
      const now = stateRef.current;
      if (now.step.step !== 'unit' || (!canSubmit(now) && !confirmDuplicate) || now.busy) return;
      const { unit, payer } = chosen(now, subject, units);
      if (!unit) return;
      const patient = now.step.patient;
      dispatch({ type: 'busy' });
      const result = await loket.registerVisit({
        patientId: patient.id,
        unit,
        verdict: subject.verdict,
        ...(subject.verdict && subject.source ? { verdictSource: subject.source } : {}),
        // Always the payer on screen (derived or chosen): the register holds what the clerk saw.
        payer,
        ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
      });
      // Registered even if the panel was dropped meanwhile: the caller decides what to show.
      if (result.ok) {
        dispatch({ type: 'registered' });
        return onRegistered(result.value, patient);
      }
      if (!alive.current) return;
      if (result.error.code === 'visit/duplicate') return dispatch({ type: 'duplicate-visit', error: result.error });
      dispatch({ type: 'failed', error: result.error });
    },
    [subject, units, onRegistered],
  );

  return { state, dispatch, resolve, takePatient, register };
}
