import { describe, expect, it } from 'vitest';
import { targetOf } from '../../../src/renderer/src/features/emergency/target-of';
import { displayOf } from '../../../src/renderer/src/features/lookup/verdict';
import { chosen, initialFlow } from '../../../src/renderer/src/features/register/register-flow';
import { subjectOf } from '../../../src/renderer/src/features/register/subject-of';
import type { LookupResult, MemberMatch, OwnPatient } from '../../../src/shared/lookup';

const CARD = '0002676444594';
const row = (name: string, nik: string, dob: string, sex: 'L' | 'P', list: string, kind: MemberMatch['list']['kind']): MemberMatch => ({
  nik, card: CARD, name, dob, sex, status: 'active', statusReason: null, segment: null, facility: null, class: null, address: null,
  list: { name: list, kind, asOf: '2026-11-01', edition: 1 }, confidence: 'exact', stale: false, flags: [], score: 1,
});
const komala = row('KOMALASARI NASUTION', '3604026405671048', '1967-05-24', 'P', 'Jamkesda', 'jamkesda');
const rudi = row('RUDI FIRDAUS', '3604082810040821', '2004-10-28', 'L', 'PBI APBD', 'pbi-apbd');
const conflict = { people: 2, message: { code: 'lookup/card-conflict' as const, params: { count: 2 } } };
const result = (extra: Partial<LookupResult> = {}): LookupResult => ({ query: CARD, kind: 'card', verdict: 'unknown', matches: [rudi, komala], problem: null, tookMs: 0, conflict, ...extra });

describe('a card two people hold, on the look-up screen', () => {
  it('is no verdict but people to pick from, said in words; nothing to register and nobody for F9 until the pick', () => {
    const display = displayOf(result(), null);
    expect(display).toEqual({ kind: 'candidates', count: 2, warnings: [], conflict: conflict.message });
    expect(subjectOf(result(), display, CARD)).toBeNull();
    expect(targetOf(null, null, result(), display)).toBeNull();
  });

  it("after the pick: that person's verdict, basis and payer (Jamkesda, not JKN from the other's list), and F9 names her", () => {
    const display = displayOf(result(), komala);
    expect(display).toMatchObject({ kind: 'verdict', verdict: 'eligible', basis: [komala], pickedByClerk: true });
    const subject = subjectOf(result(), display, CARD)!;
    expect(subject).toMatchObject({ kind: 'member', member: komala, basis: [komala] });
    expect(chosen(initialFlow(subject), subject, [{ code: 'UMUM', key: '1' }]).payer).toBe('jamkesda');
    expect(targetOf(null, subject, result(), display)?.name).toBe(komala.name);
  });

  it('a record here names the person: her verdict, with a note naming the other holder', () => {
    const patient: OwnPatient = { id: 1, uid: 'u', mrn: '000001', nik: komala.nik, card: CARD, name: komala.name, dob: komala.dob, sex: 'P', address: null, oldMrn: null, identified: true, lastVisit: null };
    const note = { code: 'lookup/card-also-other' as const, params: { others: rudi.name, name: komala.name } };
    const r = result({ patient, verdict: 'eligible', conflict: { people: 2, message: note } });
    const display = displayOf(r, null);
    expect(display).toMatchObject({ kind: 'verdict', verdict: 'eligible', basis: [komala], pickedByClerk: false, note });
    const subject = subjectOf(r, display, CARD)!;
    expect(chosen(initialFlow(subject), subject, [{ code: 'UMUM', key: '1' }]).payer).toBe('jamkesda');
  });
});
