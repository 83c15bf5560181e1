import { useCallback, useRef, useState } from 'react';
import type { OnlineOutcome } from '../../../../shared/bpjs';
import type { ContractError } from '../../../../shared/contract';
import type { LookupResult } from '../../../../shared/lookup';
import { loket } from '../../api';
import { typeAhead } from './type-ahead';

/**
 * The live half of a look-up: 'asking' while BPJS is asked in the background, then what it
 * brought. Null when BPJS is not asked (a name, an unusable number) or not configured.
 */
export type LiveState = { status: 'asking' } | { status: 'done'; online: Extract<OnlineOutcome, { status: 'answered' | 'failed' }> } | null;

export interface LookupState {
  result: LookupResult | null;
  error: ContractError | null;
  busy: boolean;
  live: LiveState;
  /** The birth date the shown result was searched with (ISO or ''): a new patient's form starts with it. */
  dob: string;
}

const IDLE: LookupState = { result: null, error: null, busy: false, live: null, dob: '' };

/** BPJS is asked by NIK or card only: a record number stands for the patient's NIK or card. */
const asksBpjs = (r: LookupResult): boolean => (r.kind === 'nik' || r.kind === 'card' || r.kind === 'mrn') && !r.problem;

/**
 * One look-up at a time from the clerk's point of view: a newer search (or a clear) makes the
 * answer of an older one irrelevant, so late answers are dropped rather than shown out of order.
 * The local answer shows at once; the live one (BPJS) follows in the background and replaces it
 * when it arrives, still for the same search.
 */
export function useLookup(): { state: LookupState; search: (query: string, dob: string, patientId?: number) => Promise<void>; reset: () => void } {
  const [state, setState] = useState<LookupState>(IDLE);
  const latest = useRef(0);

  // `patientId`: the record the clerk chose among those a record number (or a name) found.
  const search = useCallback(async (query: string, dob: string, patientId?: number) => {
    const q = query.trim();
    if (!q) return;
    const ticket = ++latest.current;
    // The search the clerk asked for (a scan, Enter): keys typed meanwhile wait for its answer.
    const asked = typeAhead.claim();
    const chosen = patientId === undefined ? {} : { patientId };
    setState((s) => ({ ...s, busy: true }));
    const answer = await loket.lookup(dob ? { query: q, dob, ...chosen } : { query: q, ...chosen });
    // Answered, also when a newer search replaced this one (keys then wait on the screen's busy look-up): never left pending.
    typeAhead.answered(asked);
    if (ticket !== latest.current) return;
    if (!answer.ok) return setState({ result: null, error: answer.error, busy: false, live: null, dob });
    const local = answer.value;
    const ask = asksBpjs(local);
    setState({ result: local, error: null, busy: false, live: ask ? { status: 'asking' } : null, dob });
    if (!ask) return;
    const online = await loket.lookupOnline({ query: q, ...chosen });
    if (ticket !== latest.current) return;
    if (!online.ok) return setState((s) => ({ ...s, live: null }));
    const outcome = online.value.online;
    if (outcome.status === 'answered' || outcome.status === 'failed') {
      setState((s) => ({ ...s, result: online.value.result, live: { status: 'done', online: outcome } }));
    } else setState((s) => ({ ...s, live: null }));
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    typeAhead.cancel();
    setState(IDLE);
  }, []);

  return { state, search, reset };
}
