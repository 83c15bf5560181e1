import type { LookupResult, OwnMatch } from '../../../../shared/lookup';

/**
 * The facility's own records the clerk picks from: a name's returning patients, or the patients
 * sharing the record number typed (two counters gave it before they were connected to the hub).
 */
export function ownRecordsOf(result: LookupResult | null): OwnMatch[] {
  return result?.kind === 'name' || result?.kind === 'mrn' ? (result.ownMatches ?? []) : [];
}

/** The record number several patients hold, when that is what the list shows ("Satu No. RM untuk 2 pasien"); null otherwise. */
export function sharedMrnOf(result: LookupResult | null): string | null {
  return result?.kind === 'mrn' && result.problem?.code === 'query/mrn-shared' ? (ownRecordsOf(result)[0]?.mrn ?? null) : null;
}

/** The old RM several patients hold (query/old-mrn-shared): the number searched, never a holder's Loket RM; null otherwise. */
export function sharedOldMrnOf(result: LookupResult | null): string | null {
  return result?.problem?.code === 'query/old-mrn-shared' ? String(result.problem.params?.mrn ?? '') : null;
}

/** The number typed when it is one patient's RM and another's old RM (query/number-two-ways); null otherwise. */
export function numberTwoWaysOf(result: LookupResult | null): string | null {
  return result?.problem?.code === 'query/number-two-ways' ? String(result.problem.params?.mrn ?? '') : null;
}
