import { describe, expect, it } from 'vitest';
import type { Identity } from '../../../src/shared/counter';
import type { LookupResult, MemberMatch } from '../../../src/shared/lookup';
import { identityWithNamesake, listNamesakeOf } from '../../../src/renderer/src/features/register/list-namesake';

const member = (over: Partial<MemberMatch>): MemberMatch => ({
  nik: '3673015203850003',
  card: '0001336526592',
  name: 'SITI AMINAH',
  dob: '1985-03-12',
  sex: 'P',
  status: 'active',
  statusReason: null,
  segment: 'PBI',
  facility: null,
  class: null,
  address: 'JL. KI MAS JONG NO. 5',
  list: { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', edition: 1 },
  confidence: 'name',
  stale: false,
  flags: [],
  score: 1,
  ...over,
} as MemberMatch);
const result = (matches: MemberMatch[]): LookupResult => ({ query: 'SITI AMINAH', kind: 'name', verdict: 'unknown', matches, problem: null, tookMs: 1 }) as LookupResult;
const typed: Identity = { name: 'Hj. Siti Aminah', nik: null, card: null, dob: '1985-03-12', sex: null, address: 'KP. BARU', oldMrn: 'A-77' };

describe('listNamesakeOf', () => {
  it('is the one person of that name (titles and case aside) and birth date, its active row first', () => {
    const inactive = member({ status: 'inactive', list: { name: 'PBI APBN', kind: 'pbi-apbn', asOf: '2026-10-01', edition: 2 } });
    const active = member({});
    expect(listNamesakeOf(typed, result([inactive, active]))).toBe(active);
  });

  it('is nobody when two people share name and birth date, the date differs, the row has no number, or a number was typed', () => {
    expect(listNamesakeOf(typed, result([member({}), member({ nik: '3673015203850011', card: null })]))).toBeNull();
    expect(listNamesakeOf(typed, result([member({ dob: '1985-03-13' })]))).toBeNull();
    expect(listNamesakeOf(typed, result([member({ nik: null, card: null })]))).toBeNull();
    expect(listNamesakeOf(typed, result([member({ name: 'SITI AMINAH BINTI SALEH' })]))).toBeNull();
    expect(listNamesakeOf({ ...typed, card: '0001336526592' }, result([member({})]))).toBeNull();
    expect(listNamesakeOf({ ...typed, dob: null }, result([member({})]))).toBeNull();
  });
});

describe('identityWithNamesake', () => {
  it('takes the list\'s name, numbers and birth date, and keeps the address and old RM typed', () => {
    expect(identityWithNamesake(typed, member({}))).toEqual({ name: 'SITI AMINAH', nik: '3673015203850003', card: '0001336526592', dob: '1985-03-12', sex: 'P', address: 'KP. BARU', oldMrn: 'A-77' });
  });
});
