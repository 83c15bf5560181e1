import { useCallback, useReducer, useRef } from 'react';
import { loket } from '../../api';
import { initialMerge, mergeReducer, type MergeState } from './merge-flow';

export interface MergeRecords {
  state: MergeState;
  /** Checks the two RMs typed: both records side by side, or why they cannot be joined. */
  check: (survivorMrn: string, mergedMrn: string) => Promise<void>;
  /** The administrator confirmed the records shown: joins exactly those two (by id). */
  confirm: () => Promise<void>;
  cancel: () => void;
}

/** Runs Settings › Merge records (merge-flow.ts) against the core. */
export function useMergeRecords(): MergeRecords {
  const [state, dispatch] = useReducer(mergeReducer, initialMerge);
  const stateRef = useRef(state);
  stateRef.current = state;

  const check = useCallback(async (survivorMrn: string, mergedMrn: string) => {
    if (stateRef.current.phase !== 'editing') return;
    dispatch({ type: 'check' });
    const result = await loket.previewMergePatients({ survivorMrn, mergedMrn });
    dispatch(result.ok ? { type: 'checked', preview: result.value } : { type: 'failed', error: result.error });
  }, []);

  const confirm = useCallback(async () => {
    const now = stateRef.current;
    if (now.phase !== 'confirming') return;
    dispatch({ type: 'confirm' });
    const result = await loket.mergePatients({ survivorId: now.preview.survivor.patient.id, mergedId: now.preview.merged.patient.id });
    dispatch(result.ok ? { type: 'merged', result: result.value } : { type: 'failed', error: result.error });
  }, []);

  const cancel = useCallback(() => dispatch({ type: 'cancel' }), []);
  return { state, check, confirm, cancel };
}
