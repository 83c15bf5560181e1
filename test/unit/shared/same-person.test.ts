import { describe, expect, it } from 'vitest';
import type { MemberMatch } from '../../../src/shared/lookup';
import { peopleOf, rowsOfPerson, samePerson } from '../../../src/shared/same-person';

const row = (name: string, dob: string | null, sex: 'L' | 'P' | null, list: string, kind: MemberMatch['list']['kind'] = 'pbi-apbd', confidence: MemberMatch['confidence'] = 'exact'): MemberMatch => ({
  nik: '3604026405671048', card: '0002676444594', name, dob, sex, status: 'active', statusReason: null, segment: null, facility: null, class: null, address: null,
  list: { name: list, kind, asOf: '2026-11-01', edition: 1 }, confidence, stale: false, flags: [], score: 1,
});

describe('the same person on several lists', () => {
  it('the same name (titles, case and spelling aside), birth date and sex: one person', () => {
    expect(samePerson({ name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P' }, { name: 'Hj. Siti Aminah, S.Pd', dob: '1985-03-12', sex: 'P' })).toBe(true);
    expect(samePerson({ name: 'FITRI HANDAYANI', dob: null, sex: null }, { name: 'PITRI HANDAYANI', dob: '1990-01-01', sex: 'P' })).toBe(true);
    expect(samePerson({ name: 'MUHAMMAD RIZKI', dob: '1990-08-17', sex: 'L' }, { name: 'MOCH. RIZKI', dob: '1990-08-17', sex: 'L' })).toBe(true);
  });

  it('another name, birth date or sex: two people', () => {
    expect(samePerson({ name: 'KOMALASARI NASUTION', dob: '1967-05-24', sex: 'P' }, { name: 'RUDI FIRDAUS', dob: '2004-10-28', sex: 'L' })).toBe(false);
    expect(samePerson({ name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P' }, { name: 'SITI AMINAH', dob: '2010-03-12', sex: 'P' })).toBe(false);
    expect(samePerson({ name: 'ADE SUPRIADI', dob: null, sex: 'L' }, { name: 'ADE SUPRIADI', dob: null, sex: 'P' })).toBe(false);
    expect(samePerson({ name: 'SITI AMINAH', dob: null, sex: null }, { name: 'SITI AMINAH BINTI AHMAD', dob: null, sex: null })).toBe(false);
  });

  it("groups an identifier's exact rows into people; probable rows are left to the clerk", () => {
    const komala = row('KOMALASARI NASUTION', '1967-05-24', 'P', 'Jamkesda', 'jamkesda');
    const rudi = row('RUDI FIRDAUS', '2004-10-28', 'L', 'PBI APBD');
    const komalaAgain = row('Komalasari Nasution', '1967-05-24', 'P', 'PBI APBN', 'pbi-apbn');
    const probable = row('SOMEONE ELSE', null, null, 'X', 'other', 'probable');
    expect(peopleOf([komala, rudi, komalaAgain, probable])).toEqual([[komala, komalaAgain], [rudi]]);
    expect(rowsOfPerson([komala, rudi, komalaAgain], { name: 'RUDI FIRDAUS', dob: null, sex: null })).toEqual([rudi]);
    expect(rowsOfPerson([komala, rudi], { name: 'BUDI', dob: null, sex: null })).toEqual([]);
  });

  it('a live BPJS answer joins the one person on the lists, even spelt otherwise; among several it joins the one it describes', () => {
    const live = row('SITI AMINAH SE', '1985-03-12', 'P', 'BPJS (langsung)', 'bpjs-live');
    const siti = row('SITI AMINAH', '1985-03-12', 'P', 'PBI APBD');
    expect(peopleOf([siti, live])).toEqual([[siti, live]]);
    const komala = row('KOMALASARI NASUTION', '1967-05-24', 'P', 'Jamkesda', 'jamkesda');
    const rudi = row('RUDI FIRDAUS', '2004-10-28', 'L', 'PBI APBD');
    const liveRudi = row('RUDI FIRDAUS', '2004-10-28', 'L', 'BPJS (langsung)', 'bpjs-live');
    expect(peopleOf([komala, rudi, liveRudi])).toEqual([[komala], [rudi, liveRudi]]);
  });
});
