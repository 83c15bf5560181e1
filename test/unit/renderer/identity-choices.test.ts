import { describe, expect, it } from 'vitest';
import { attachSourceOf, identityChoices, nameFromQuery } from '../../../src/renderer/src/features/followups/identity-choices';
import type { LookupResult, MemberMatch, OwnPatient } from '../../../src/shared/lookup';

const own = (id: number, over: Partial<OwnPatient> = {}): OwnPatient => ({
  id, mrn: String(id).padStart(6, '0'), nik: null, card: null, name: `PASIEN ${id}`, dob: '1980-01-01', sex: 'P', address: null, identified: true, lastVisit: null, ...over,
} as OwnPatient);
const member = (over: Partial<MemberMatch>): MemberMatch => ({
  nik: null, card: null, name: 'ENTIN ROHMAH', dob: '1975-05-05', sex: 'P', status: 'active', statusReason: null, segment: null, facility: null, class: null, address: 'KP. X',
  list: { name: 'PBI APBN', kind: 'pbi-apbn', asOf: '2026-11-01', edition: 1 } as MemberMatch['list'], confidence: 'exact', stale: false, flags: [], score: 1, ...over,
});
const result = (over: Partial<LookupResult>): LookupResult => ({ query: 'entin', kind: 'name', verdict: 'unknown', matches: [], problem: null, tookMs: 1, ...over });

describe('identity choices from a look-up', () => {
  it("lists this facility's records first (the one named, then name matches, once each), then list members not already among them", () => {
    const a = own(12, { nik: '3201010101800001', name: 'ENTIN ROHMAH' });
    const b = own(13, { card: '0001234567890' });
    const choices = identityChoices(
      result({
        patient: a,
        ownMatches: [a, b],
        matches: [member({ nik: '3201010101800001' }), member({ card: '0001234567890' }), member({ nik: '3201010101800002', name: 'ENTIN R' })],
      }),
    );
    expect(choices.map((c) => (c.kind === 'own' ? `own ${c.patient.id}` : `member ${c.member.name}`))).toEqual(['own 12', 'own 13', 'member ENTIN R']);
    expect(new Set(choices.map((c) => c.key)).size).toBe(choices.length);
  });

  it("never offers the visit's own temporary record", () => {
    expect(identityChoices(result({ ownMatches: [own(5), own(6)] }), 5).map((c) => c.key)).toEqual(['own:6']);
  });

  it('picking a record attaches it by id; picking a member gives its identity', () => {
    const [first, second] = identityChoices(result({ ownMatches: [own(7)], matches: [member({ nik: '3201010101800002' })] }));
    expect(attachSourceOf(first!)).toEqual({ patientId: 7 });
    expect(attachSourceOf(second!)).toEqual({ identity: { name: 'ENTIN ROHMAH', nik: '3201010101800002', card: null, dob: '1975-05-05', sex: 'P', address: 'KP. X' } });
  });

  it('prefills the form with a searched name, never with a number', () => {
    expect(nameFromQuery(result({ query: ' entin rohmah ' }))).toBe('ENTIN ROHMAH');
    expect(nameFromQuery(result({ query: '3201010101800002', kind: 'nik' }))).toBe('');
    expect(nameFromQuery(null)).toBe('');
  });
});
