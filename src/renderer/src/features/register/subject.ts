import type { Identity, Patient } from '../../../../shared/counter';
import type { MemberMatch, Verdict } from '../../../../shared/lookup';

/** Where the verdict came from: the local lists only (re-checked later when BPJS is set up), or a live BPJS answer. */
export type VerdictSource = 'lists' | 'bpjs-live';

/**
 * Who the clerk is registering: a member from the lists, someone the lists do not know, or this
 * facility's own record (a returning patient: straight to the unit, no new record ever).
 * A new one's `dob`: the birth date the name was searched with (carried into the form).
 * `basis`: the list rows the verdict rests on; the proposed payer follows from them.
 */
export type Subject =
  | { kind: 'member'; member: MemberMatch; verdict: Verdict; source?: VerdictSource; basis?: MemberMatch[] }
  // oldMrn: an old card's number searched ("A/0014"): the form's RM lama, never its name.
  | { kind: 'new'; nik: string | null; card: string | null; name: string; dob?: string | null; oldMrn?: string | null; verdict: Verdict | null; source?: VerdictSource; basis?: MemberMatch[] }
  | { kind: 'patient'; patient: Patient; verdict: Verdict | null; source?: VerdictSource; basis?: MemberMatch[] };

/** The same subject with a newer verdict (the live answer arrived while the clerk was registering). */
export function withVerdict(s: Subject, verdict: Verdict, source: VerdictSource | undefined, basis?: MemberMatch[]): Subject {
  return { ...s, verdict, source, ...(basis ? { basis } : {}) };
}

/** The name a clerk knows the subject by (for "Pendaftaran RUDI dibatalkan"). */
export function subjectName(s: Subject): string {
  if (s.kind === 'member') return s.member.name;
  if (s.kind === 'patient') return s.patient.name;
  return s.name;
}

const NIK = /^\d{16}$/;
const CARD = /^\d{13}$/;

/** The member's data as a patient identity; a damaged NIK or card from a list is left out. */
export function identityOfMember(m: MemberMatch): Identity {
  return {
    name: m.name,
    nik: m.nik && NIK.test(m.nik) ? m.nik : null,
    card: m.card && CARD.test(m.card) ? m.card : null,
    dob: m.dob,
    sex: m.sex,
    address: m.address ? m.address.slice(0, 200) : null,
  };
}

export const isNik = (value: string): boolean => NIK.test(value);
