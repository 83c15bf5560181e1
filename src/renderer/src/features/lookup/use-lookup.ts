import { useCallback, useRef, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { LookupResult } from '../../../../shared/lookup';
import { loket } from '../../api';

export interface LookupState {
  result: LookupResult | null;
  error: ContractError | null;
  busy: boolean;
}

const IDLE: LookupState = { result: null, error: null, busy: false };

/**
 * One look-up at a time from the clerk's point of view: a newer search (or a clear) makes the
 * answer of an older one irrelevant, so late answers are dropped rather than shown out of order.
 */
export function useLookup(): { state: LookupState; search: (query: string, dob: string) => Promise<void>; reset: () => void } {
  const [state, setState] = useState<LookupState>(IDLE);
  const latest = useRef(0);

  const search = useCallback(async (query: string, dob: string) => {
    const q = query.trim();
    if (!q) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, busy: true }));
    const answer = await loket.lookup(dob ? { query: q, dob } : { query: q });
    if (ticket !== latest.current) return;
    setState(answer.ok ? { result: answer.value, error: null, busy: false } : { result: null, error: answer.error, busy: false });
  }, []);

  const reset = useCallback(() => {
    latest.current++;
    setState(IDLE);
  }, []);

  return { state, search, reset };
}
