import type { LookupResult } from '../shared/lookup';
import { maskNik } from '../shared/masking';
import { revealsIdentifiers, shownIdentifiers } from '../shared/shown-identifiers';

// The one rule for NIKs and cards in what the command prints (JSON and text alike) is the counter
// screen's (src/shared/shown-identifiers.ts): whole only for the person the officer named by a
// number on the command line (a NIK, card or record number they typed: they hold it already);
// masked for everyone else (a name's candidates, a patient found by name and birth date, a queue).

/**
 * What `loket cek` prints, under the counter screen's rule (src/shared/shown-identifiers.ts): the
 * exact match of the number asked for keeps its NIK and card whole (that person was asked for);
 * the candidates of a name, and anyone matched less than exactly, are masked.
 */
export function maskedLookup(result: LookupResult): LookupResult {
  return { ...result, matches: result.matches.map((m) => ({ ...m, ...shownIdentifiers(m, result.kind, false) })) };
}

/**
 * The NIK of the patient `loket daftar` registered: whole when the officer named them by a number
 * (a NIK, card or `--rm`), masked when found by `--name` and `--dob` (as `cek` prints that name's
 * members: the officer never typed that NIK).
 */
export function registeredNikOf(nik: string | null, namedByNumber: boolean): string | null {
  return nik === null || revealsIdentifiers({ confidence: 'exact' }, namedByNumber ? 'nik' : 'name', false) ? nik : maskNik(nik);
}

/** A NIK in a list of people (the queue): masked. */
export const maskedNikOf = (nik: string | null): string | null => (nik === null ? null : maskNik(nik));
