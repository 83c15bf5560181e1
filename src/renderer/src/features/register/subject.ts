import type { Identity } from '../../../../shared/counter';
import type { MemberMatch, Verdict } from '../../../../shared/lookup';

/** Where the verdict came from: the local lists only (re-checked later when BPJS is set up), or a live BPJS answer. */
export type VerdictSource = 'lists' | 'bpjs-live';

/** Who the clerk is registering: a member from the lists, or someone the lists do not know. */
export type Subject =
  | { kind: 'member'; member: MemberMatch; verdict: Verdict; source?: VerdictSource }
  | { kind: 'new'; nik: string | null; card: string | null; name: string; verdict: Verdict | null; source?: VerdictSource };

/** The same subject with a newer verdict (the live answer arrived while the clerk was registering). */
export function withVerdict(s: Subject, verdict: Verdict, source: VerdictSource | undefined): Subject {
  return s.kind === 'member' ? { ...s, verdict, source } : { ...s, verdict, source };
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
