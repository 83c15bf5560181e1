import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Identity } from '../../../../shared/counter';
import type { PatientUpdate } from '../../../../shared/patient-changes';
import { loket } from '../../api';
import { changesOf, editReducer, hasChanges, isEditKey, type EditNotice, type EditOrigin, type EditState, type EditTarget, type EditWhyNot } from './patient-edit-flow';

/** How long the note saying why F3 did nothing stays, unless another key comes first (ms). */
const WHY_NOT_MS = 8000;

export interface PatientEdit {
  state: EditState | null;
  notice: EditNotice | null;
  /** Why the last F3 corrected nothing (said until another key, or a few seconds); null: nothing to say. */
  whyNot: EditWhyNot | null;
  open: (target: EditTarget) => void;
  close: () => void;
  save: (identity: Identity) => Promise<void>;
  /** The clerk changed the field a refusal was about. */
  edited: () => void;
}

export interface PatientEditOptions {
  /** The record F3 corrects now (asked at the key); null: none, the key corrects nothing. */
  target: () => EditTarget | null;
  /** Asked when F3 found no record: why (editWhyNot), said to the clerk; null: nothing to say. */
  whyNot?: () => EditWhyNot | null;
  /** A dialog has the keys (the emergency, the lock): F3 does nothing. */
  paused: boolean;
  /** Just before a correction opens (the screen drops a registration not yet sent). */
  onOpen?: (target: EditTarget) => void;
  /** Saved: the record as it is now, and where it was on screen. */
  onSaved: (update: PatientUpdate, origin: EditOrigin) => void;
}

/**
 * Runs a correction: F3 or `open` starts it, `save` sends only what changed, `close` (Esc) drops
 * it with nothing changed. A correction closed meanwhile (a scan, another search) shows nothing
 * of its late answer but the notice, and only while that record is on screen.
 */
export function usePatientEdit({ target, whyNot: whyNotOf, paused, onOpen, onSaved }: PatientEditOptions): PatientEdit {
  const [state, dispatch] = useReducer(editReducer, null);
  const [notice, setNotice] = useState<EditNotice | null>(null);
  const [whyNot, setWhyNot] = useState<EditWhyNot | null>(null);
  const whyNotRef = useRef(whyNotOf);
  whyNotRef.current = whyNotOf;
  const whyNotTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;
  const targetRef = useRef(target);
  targetRef.current = target;
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  const open = useCallback((next: EditTarget) => {
    onOpenRef.current?.(next);
    setNotice(null);
    setWhyNot(null);
    dispatch({ type: 'open', target: next });
  }, []);
  const close = useCallback(() => dispatch({ type: 'close' }), []);
  const edited = useCallback(() => dispatch({ type: 'edited' }), []);

  const save = useCallback(
    async (identity: Identity) => {
      const now = stateRef.current;
      if (!now || now.busy) return;
      const { patient, origin } = now.target;
      const changes = changesOf(patient, identity);
      if (!hasChanges(changes)) {
        dispatch({ type: 'close' });
        setNotice({ patientId: patient.id, mrn: patient.mrn, fields: [], reprint: false });
        return;
      }
      dispatch({ type: 'busy' });
      const result = await loket.updatePatient({ patientId: patient.id, changes });
      // Closed meanwhile (a scan, another search): the screen moved on; a saved change is still said
      // (the notice shows while that record is on screen), nothing else is redone.
      const stillOpen = stateRef.current?.target.patient.id === patient.id;
      if (!result.ok) return stillOpen ? dispatch({ type: 'failed', error: result.error }) : undefined;
      setNotice({ patientId: patient.id, mrn: result.value.patient.mrn, fields: result.value.changed, reprint: origin === 'ticket', oldMrnAlsoOn: result.value.oldMrnAlsoOn, oldMrn: result.value.patient.oldMrn });
      if (!stillOpen) return;
      dispatch({ type: 'close' });
      onSaved(result.value, origin);
    },
    [onSaved],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (paused || event.defaultPrevented || !isEditKey(event)) return;
      // F3 is the browser's "find next" too: never that, here.
      event.preventDefault();
      if (event.repeat || stateRef.current) return;
      const next = targetRef.current();
      if (next) return open(next);
      // Nothing to correct: said, never silent.
      setWhyNot(whyNotRef.current?.() ?? null);
      clearTimeout(whyNotTimer.current);
      whyNotTimer.current = setTimeout(() => setWhyNot(null), WHY_NOT_MS);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, open]);

  useEffect(() => {
    // Any other key: the clerk moved on, the note goes (capture: also keys a field keeps to itself).
    const onOther = (event: KeyboardEvent): void => {
      if (!isEditKey(event)) setWhyNot(null);
    };
    window.addEventListener('keydown', onOther, true);
    return () => {
      window.removeEventListener('keydown', onOther, true);
      clearTimeout(whyNotTimer.current);
    };
  }, []);

  return { state, notice, whyNot, open, close, save, edited };
}
