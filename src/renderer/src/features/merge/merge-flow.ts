import type { ContractError } from '../../../../shared/contract';
import type { PatientMergePreview, PatientMergeResult } from '../../../../shared/patient-merge';

/**
 * Settings › Merge records, as a state machine (pure, unit-tested): the two RMs are typed, checked
 * (both records come back side by side), confirmed with the focus on Batal, then merged.
 * - editing: typing the RMs (an error of the last check, if any, stays until the next check);
 * - checking / merging: a call is out (keys do nothing twice);
 * - confirming: both records side by side, waiting for Gabungkan or Batal;
 * - done: the merge, said until the next check.
 */
export type MergeState =
  | { phase: 'editing'; error: ContractError | null; done: PatientMergeResult | null }
  | { phase: 'checking' }
  | { phase: 'confirming'; preview: PatientMergePreview }
  | { phase: 'merging'; preview: PatientMergePreview };

export type MergeEvent =
  | { type: 'check' }
  | { type: 'checked'; preview: PatientMergePreview }
  | { type: 'failed'; error: ContractError }
  | { type: 'cancel' }
  | { type: 'confirm' }
  | { type: 'merged'; result: PatientMergeResult };

export const initialMerge: MergeState = { phase: 'editing', error: null, done: null };

export function mergeReducer(state: MergeState, event: MergeEvent): MergeState {
  switch (event.type) {
    case 'check':
      return state.phase === 'editing' ? { phase: 'checking' } : state;
    case 'checked':
      return state.phase === 'checking' ? { phase: 'confirming', preview: event.preview } : state;
    case 'failed':
      return state.phase === 'checking' || state.phase === 'merging' ? { phase: 'editing', error: event.error, done: null } : state;
    case 'cancel':
      return state.phase === 'confirming' ? initialMerge : state;
    case 'confirm':
      return state.phase === 'confirming' ? { phase: 'merging', preview: state.preview } : state;
    case 'merged':
      return state.phase === 'merging' ? { phase: 'editing', error: null, done: event.result } : state;
  }
}
