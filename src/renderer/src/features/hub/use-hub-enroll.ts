import { useCallback, useRef, useState } from 'react';
import { loket } from '../../api';
import { EMPTY_ENROLL, enrollInput, enrollStep, type EnrollEvent, type EnrollState } from './hub-enroll-flow';

/** The enroll form's state (hub-enroll-flow.ts) with the one call it makes: enrollHub. */
export function useHubEnroll(): { state: EnrollState; dispatch: (event: EnrollEvent) => void; submit: () => Promise<void> } {
  const [state, setState] = useState<EnrollState>(EMPTY_ENROLL);
  // The latest state at once: a double Enter must not send twice.
  const current = useRef(state);
  const dispatch = useCallback((event: EnrollEvent) => {
    current.current = enrollStep(current.current, event);
    setState(current.current);
  }, []);
  const submit = useCallback(async () => {
    const before = current.current;
    dispatch({ type: 'submit' });
    if (before.phase !== 'editing' || current.current.phase !== 'sending') return;
    const result = await loket.enrollHub(enrollInput(current.current.form));
    dispatch({ type: 'answer', result });
  }, [dispatch]);
  return { state, dispatch, submit };
}
