import { describe, expect, it } from 'vitest';
import type { LookupResult, MemberMatch, OwnMatch } from '../../../src/shared/lookup';
import { memberMatch } from '../../helpers/member-match';
import { awaitsConfirmation, candidateOrder, dobCheckOfOwn, dobCheckOfRow } from '../../../src/renderer/src/features/lookup/dob-pick';

const row = (name: string, dob: string, differs: boolean): MemberMatch =>
  memberMatch({ name, dob, confidence: differs ? 'possible' : 'probable', flags: differs ? ['dob-differs'] : [], score: 0.9 });
const own = (name: string, dob: string | null, differs: boolean): OwnMatch => ({
  id: 10,
  uid: '0192f0e0-0000-7000-8000-000000000010',
  mrn: '000010',
  nik: null,
  card: null,
  name,
  dob,
  sex: 'P',
  address: null,
  oldMrn: null,
  identified: true,
  lastVisit: '2026-10-01',
  ...(differs ? { dobDiffers: true as const } : {}),
});
const byName = (matches: MemberMatch[], ownMatches: OwnMatch[]): LookupResult => ({ query: 'NURUL', kind: 'name', verdict: 'unknown', matches, problem: null, ownMatches, tookMs: 1 });

describe('a name searched with a birth date: candidates born on another day (searchtester S2, S6)', () => {
  it('own records come first, unless none was born that day and a list member was (S6: NURUL 1952 below NURUL 1990)', () => {
    expect(candidateOrder(byName([row('NURUL', '1990-03-01', false)], [own('NURUL', '1952-04-22', true)]))).toEqual({ ownFirst: false, allDiffer: false, numberTwoWays: null });
    expect(candidateOrder(byName([row('NURUL', '1990-03-01', true)], [own('NURUL', '1952-04-22', false)]))).toEqual({ ownFirst: true, allDiffer: false, numberTwoWays: null });
    expect(candidateOrder(byName([row('NURUL', '1990-03-01', false)], [own('NURUL', '1990-03-01', false)]))).toEqual({ ownFirst: true, allDiffer: false, numberTwoWays: null });
    // Nobody born that day (S2): own records first as ever, and no candidate is Enter's.
    expect(candidateOrder(byName([row('AHMAD HIDAYAT', '1979-04-29', true)], [own('RACHMAT', '1965-01-01', true)]))).toEqual({ ownFirst: true, allDiffer: true, numberTwoWays: null });
    expect(candidateOrder(byName([row('AHMAD HIDAYAT', '1979-04-29', true)], []))).toEqual({ ownFirst: true, allDiffer: true, numberTwoWays: null });
    expect(candidateOrder(byName([], [own('ABDULLAH', '2010-04-25', true)]))).toEqual({ ownFirst: true, allDiffer: true, numberTwoWays: null });
  });

  it('no birth date searched, no candidates, or a record number: nothing changes', () => {
    expect(candidateOrder(byName([row('NURUL', '1990-03-01', false)], [own('NURUL', '1952-04-22', false)]))).toEqual({ ownFirst: true, allDiffer: false, numberTwoWays: null });
    expect(candidateOrder(byName([], []))).toEqual({ ownFirst: true, allDiffer: false, numberTwoWays: null });
    expect(candidateOrder(null)).toEqual({ ownFirst: true, allDiffer: false, numberTwoWays: null });
    const shared: LookupResult = { query: '000001', kind: 'mrn', verdict: 'unknown', matches: [], problem: null, ownMatches: [own('A', '1990-01-01', false), own('B', '1991-01-01', false)], tookMs: 1 };
    expect(candidateOrder(shared)).toEqual({ ownFirst: true, allDiffer: false, numberTwoWays: null });
  });

  it('a pick born on another day needs the question; one born that day, or with no date searched, does not', () => {
    expect(dobCheckOfRow(row('AHMAD HIDAYAT', '1979-04-29', true), '1965-11-11')).toEqual({ name: 'AHMAD HIDAYAT', dob: '1979-04-29', searched: '1965-11-11', back: null, confirmed: false });
    expect(dobCheckOfRow(row('NURUL', '1990-03-01', false), '1990-03-01')).toBeNull();
    expect(dobCheckOfRow(row('NURUL', '1990-03-01', true), '')).toBeNull();
    // An own record: "Bukan" brings back the name search it was picked from (its date too).
    const search = { query: 'ABDULLAH', dob: '1991-12-11' };
    expect(dobCheckOfOwn(own('ABDULLAH', '2010-04-25', true), search)).toEqual({ name: 'ABDULLAH', dob: '2010-04-25', searched: '1991-12-11', back: search, confirmed: false });
    expect(dobCheckOfOwn(own('ABDULLAH', null, true), search)?.dob).toBeNull();
    expect(dobCheckOfOwn(own('ABDULLAH', '1991-12-11', false), search)).toBeNull();
    expect(dobCheckOfOwn(own('ABDULLAH', '2010-04-25', true), { query: '000010', dob: '' })).toBeNull();
  });

  it('"Daftarkan" waits while the question is open, once there is somebody to register', () => {
    const check = dobCheckOfRow(row('AHMAD HIDAYAT', '1979-04-29', true), '1965-11-11');
    expect(awaitsConfirmation(check, true)).toBe(true);
    expect(awaitsConfirmation(check, false)).toBe(false);
    expect(awaitsConfirmation(check && { ...check, confirmed: true }, true)).toBe(false);
    expect(awaitsConfirmation(null, true)).toBe(false);
  });
});
