import type { LookupResult } from '../../../../shared/lookup';
import { stripSeparators } from '../../../../shared/separators';
import type { Display } from '../lookup/verdict';
import type { Subject } from './subject';


/** The part of the live state (use-lookup's LiveState) this needs; kept DOM-free for the unit tests. */
type LiveLike = { status: 'asking' } | { status: 'done'; online: { status: string } } | null;

/**
 * What "Daftarkan" (or Enter on an unchanged query) registers; null when there is nothing to
 * register yet (the clerk must pick first, or the query names nobody).
 * - The facility's own record (a record number, or a NIK / card it already knows) is registered
 *   as that record: straight to the unit, never a new record, never an empty form.
 * - A name that matches own records: the clerk picks one first (or presses F2 for a new one).
 * The verdict is BPJS's own when the shown result is the one refined by a live answer (and not a
 * list row the clerk picked); otherwise it comes from the lists and is re-checked later.
 * `dob`: the birth date a name was searched with; a new patient's form starts with it.
 */
export function subjectOf(result: LookupResult, display: Display, query: string, live: LiveLike = null, dob = ''): Subject | null {
  if (display.kind !== 'verdict') return null;
  const source = live?.status === 'done' && live.online.status === 'answered' && !display.pickedByClerk ? 'bpjs-live' : 'lists';
  const basis = display.basis;
  if (result.patient && !display.pickedByClerk) return { kind: 'patient', patient: result.patient, verdict: display.verdict, source, basis };
  const member = basis[0];
  if (member) return { kind: 'member', member, verdict: display.verdict, source, basis };
  if (result.kind === 'mrn') return null;
  if (result.kind === 'name' && (result.ownMatches?.length ?? 0) > 0) return null;
  const digits = stripSeparators(query);
  const subject: Subject = {
    kind: 'new',
    nik: result.kind === 'nik' && /^\d{16}$/.test(digits) ? digits : null,
    card: result.kind === 'card' && /^\d{13}$/.test(digits) ? digits : null,
    name: result.kind === 'name' ? query.trim().toUpperCase() : '',
    dob: result.kind === 'name' && dob ? dob : null,
    verdict: display.verdict,
    source,
    basis,
  };
  // Nothing to start a record from: no new-patient form with every field empty.
  return subject.nik || subject.card || subject.name ? subject : null;
}
