// The registration on the search screen: which one is open, the ticket of the one just sent, and
// what a scan, a live answer or a correction does to them. Pure: the hook
// (use-on-screen-registration.ts) holds the state, the screen renders it.
import type { Patient, RegisteredVisit } from '../../../../shared/counter';
import { whoName, type Who } from '../register/register-flow';
import { subjectName, withVerdict, type Subject } from '../register/subject';
import { isNumberLike, storedOldMrn } from '../../../../shared/old-mrn';
import { isNameQuery } from './query-shape';

/**
 * The registration open on screen. `key` tells it apart from one dropped before (a late answer for
 * that one changes nothing); `auto`: started from the shown answer (not F2), so a live answer
 * arriving meanwhile updates its verdict.
 */
export interface OpenRegistration {
  key: number;
  subject: Subject;
  auto: boolean;
}

/** The visit just registered. `corrected`: the patient's data was corrected (F3) since: the slip is shown again, not printed again. */
export interface ShownTicket {
  visit: RegisteredVisit;
  patient: Patient;
  corrected?: number;
}

/**
 * The name a scan's note gives the registration it drops ("Pendaftaran RUDI dibatalkan: kartu baru
 * dipindai"): whom its unit step would register, else its subject; '' for someone without a name;
 * null when no registration was open (nothing to say).
 */
export function droppedByScan(open: OpenRegistration | null, registering: Who | null): string | null {
  if (!open) return null;
  return registering ? whoName(registering) : subjectName(open.subject);
}

/**
 * The open registration once the shown answer's verdict changed (the live answer arrived while the
 * clerk was already registering from the local one): it takes the newer verdict and its source;
 * the patient and the pick stay. One started by F2 keeps its own. The same object when nothing changes.
 */
export function followLiveVerdict(open: OpenRegistration | null, shown: Subject | null): OpenRegistration | null {
  const verdict = shown?.verdict ?? null;
  if (!open || !verdict || !open.auto) return open;
  if (open.subject.verdict === verdict && open.subject.source === shown?.source) return open;
  return { ...open, subject: withVerdict(open.subject, verdict, shown?.source, shown?.basis) };
}

/** The ticket after a correction (F3) of its patient: the new data, and its slip shown again (not printed again). */
export function correctTicket(ticket: ShownTicket | null, patient: Patient): ShownTicket | null {
  return ticket && ticket.patient.id === patient.id ? { ...ticket, patient, corrected: (ticket.corrected ?? 0) + 1 } : ticket;
}

/**
 * F2: a new patient without data; a name searched (with its birth date) goes into the form. A
 * number with letters ("A/0014", an old card's) is no name: it goes into the form's RM lama.
 */
export function newPatientSubject(query: string, dob: string): Subject {
  const q = query.trim();
  const number = isNumberLike(q) && isNameQuery(q);
  const named = q !== '' && isNameQuery(q) && !number;
  return { kind: 'new', nik: null, card: null, name: named ? q.toUpperCase() : '', dob: named && dob ? dob : null, ...(number ? { oldMrn: storedOldMrn(q) } : {}), verdict: null };
}
