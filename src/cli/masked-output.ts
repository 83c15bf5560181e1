import type { LookupResult } from '../shared/lookup';
import { maskNik } from '../shared/masking';
import { shownIdentifiers } from '../shared/shown-identifiers';

/**
 * What `loket cek` prints, under the counter screen's rule (src/shared/shown-identifiers.ts): the
 * exact match of the number asked for keeps its NIK and card whole (that person was asked for);
 * the candidates of a name, and anyone matched less than exactly, are masked.
 */
export function maskedLookup(result: LookupResult): LookupResult {
  return { ...result, matches: result.matches.map((m) => ({ ...m, ...shownIdentifiers(m, result.kind, false) })) };
}

/** A NIK in a list of people (the queue): masked. */
export const maskedNikOf = (nik: string | null): string | null => (nik === null ? null : maskNik(nik));
