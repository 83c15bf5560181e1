import { useCallback, useRef, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { LookupResult } from '../../../../shared/lookup';
import { loket } from '../../api';
import { identityChoices, type IdentityChoice } from './identity-choices';

export type IdentitySearch =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'done'; result: LookupResult; choices: IdentityChoice[] }
  | { status: 'failed'; error: ContractError };

/**
 * The identity step's search: the same look-up as the main screen (scan, NIK, card, RM, name).
 * `exclude` is the visit's own temporary record, never offered as its own identity. A slower
 * answer to an older query never replaces a newer one.
 */
export function useIdentitySearch(exclude: number) {
  const [search, setSearch] = useState<IdentitySearch>({ status: 'idle' });
  const ticket = useRef(0);
  /** The search shown, also returned (null: an empty query, or overtaken by a newer one). */
  const run = useCallback(
    async (query: string): Promise<IdentitySearch | null> => {
      const q = query.trim();
      if (q === '') return null;
      const mine = ++ticket.current;
      setSearch({ status: 'searching', query: q });
      const result = await loket.lookup({ query: q });
      if (mine !== ticket.current) return null;
      const settled: IdentitySearch = result.ok ? { status: 'done', result: result.value, choices: identityChoices(result.value, exclude) } : { status: 'failed', error: result.error };
      setSearch(settled);
      return settled;
    },
    [exclude],
  );
  return { search, run };
}
