import type { MemberMatch } from '../../src/shared/lookup';

/** A list row as a look-up returns it: an active PBI APBD member matched exactly, with `over` applied. */
export function memberMatch(over: Partial<MemberMatch> = {}): MemberMatch {
  return {
    nik: null,
    card: null,
    name: 'SITI AMINAH',
    dob: null,
    sex: null,
    status: 'active',
    statusReason: null,
    segment: null,
    facility: null,
    class: null,
    address: null,
    list: { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', edition: 1 },
    confidence: 'exact',
    stale: false,
    flags: [],
    score: 1,
    ...over,
  };
}
