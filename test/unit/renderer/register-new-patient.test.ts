import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/contract';
import type { Identity, Patient } from '../../../src/shared/counter';
import type { LookupResult } from '../../../src/shared/lookup';
import { firstAction, flowReducer, initialFlow, panelCommand, registrationOf, type FlowEvent, type FlowState, type PanelKey } from '../../../src/renderer/src/features/register/register-flow';
import { resolveIdentity, sameName, type ResolveApi } from '../../../src/renderer/src/features/register/resolve-identity';
import type { Subject } from '../../../src/renderer/src/features/register/subject';
import { subjectOf } from '../../../src/renderer/src/features/register/subject-of';
import { initialBirthFields } from '../../../src/renderer/src/features/register/new-patient-logic';
import { displayOf } from '../../../src/renderer/src/features/lookup/verdict';
import { enterAction, searchBarKey, type EnterContext } from '../../../src/renderer/src/features/lookup/search-keys';

const UNITS = [{ code: 'UMUM', key: '1' }, { code: 'GIGI', key: '2' }];
const HALIMAH: Patient = { id: 3, uid: '0192f0e0-0000-7000-8000-000000000003', mrn: '000003', nik: '3673015505900004', card: null, name: 'HALIMAH UTOMO', dob: '1990-05-15', sex: 'P', address: null, oldMrn: null, identified: true };
const typed = (over: Partial<Identity> = {}): Identity => ({ name: 'BAYI NY SARI', nik: null, card: null, dob: '2026-11-28', sex: 'P', address: null, ...over });
const key = (k: string): PanelKey => ({ key: k, alt: false, ctrl: false, meta: false, onCancelButton: false });
const run = (s: FlowState, events: FlowEvent[]): FlowState => events.reduce(flowReducer, s);
const NEW: Subject = { kind: 'new', nik: null, card: null, name: 'BAYI NY SARI', verdict: null };

/** A stand-in for the core: the records it has, and every call made, so a test sees that nothing was written. */
function fakeCore(records: Patient[], duplicates: Patient[] = []): ResolveApi & { calls: string[] } {
  const calls: string[] = [];
  const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
  return {
    calls,
    findPatient: (by) => {
      calls.push(`findPatient ${JSON.stringify(by)}`);
      return ok(records.find((p) => (by.nik && p.nik === by.nik) || (by.card && p.card === by.card)) ?? null);
    },
    likelyDuplicates: () => {
      calls.push('likelyDuplicates');
      return ok(duplicates);
    },
  };
}

describe('a new patient is written only when the visit is registered', () => {
  it('resolving a new identity reads only, and the unit step holds the typed data, no record number', async () => {
    const core = fakeCore([HALIMAH]);
    const next = await resolveIdentity(core, typed(), false, () => true);
    expect(next).toEqual({ type: 'new', identity: typed() });
    expect(core.calls).toEqual(['likelyDuplicates']);
    const s = run(initialFlow(NEW), [next!]);
    expect(s.step).toEqual({ step: 'unit', who: { kind: 'new', identity: typed() } });
  });

  it('"Daftar" makes the record and the visit in one call; Esc before it sends nothing', async () => {
    const s = run(initialFlow(NEW), [{ type: 'new', identity: typed() }, { type: 'unit', code: 'GIGI' }]);
    expect(panelCommand(s, key('Escape'), UNITS)).toEqual({ type: 'cancel' });
    expect(registrationOf(s, NEW, UNITS, false)).toEqual({
      method: 'registerNewPatient',
      input: { identity: typed(), unit: 'GIGI', verdict: null, payer: 'pending' },
    });
  });

  it('a record of this facility is registered as it is, by its id', () => {
    const subject: Subject = { kind: 'patient', patient: HALIMAH, verdict: 'eligible', source: 'lists' };
    const s = initialFlow(subject);
    expect(registrationOf(s, subject, UNITS, true)).toEqual({
      method: 'registerVisit',
      input: { patientId: 3, unit: 'UMUM', verdict: 'eligible', verdictSource: 'lists', payer: 'pending', confirmDuplicate: true },
      patient: HALIMAH,
    });
  });

  it('"tetap buat data baru" past likely duplicates is a new patient too, still not written', async () => {
    const core = fakeCore([], [HALIMAH]);
    expect(await resolveIdentity(core, typed({ name: 'HALIMAH UTOMO', dob: HALIMAH.dob }), false, () => true)).toMatchObject({ type: 'duplicates' });
    expect(await resolveIdentity(core, typed({ name: 'HALIMAH UTOMO', dob: HALIMAH.dob }), true, () => true)).toMatchObject({ type: 'new' });
  });

  it('a panel dropped while the core answered moves on to nothing', async () => {
    expect(await resolveIdentity(fakeCore([]), typed(), false, () => false)).toBeNull();
  });
});

describe('a NIK that is another patient\'s record', () => {
  it('another name: the clerk is asked, the record is never taken silently', async () => {
    const next = await resolveIdentity(fakeCore([HALIMAH]), typed({ nik: HALIMAH.nik }), false, () => true);
    expect(next).toEqual({ type: 'nik-clash', identity: typed({ nik: HALIMAH.nik }), patient: HALIMAH });
  });

  it('the same name after normalisation: that record, as before', async () => {
    expect(sameName('halimah  utomo', 'HALIMAH UTOMO')).toBe(true);
    expect(sameName('BAYI NY SARI', 'HALIMAH UTOMO')).toBe(false);
    expect(await resolveIdentity(fakeCore([HALIMAH]), typed({ name: 'Halimah  Utomo', nik: HALIMAH.nik }), false, () => true)).toEqual({ type: 'patient', patient: HALIMAH });
  });

  it('no lone key answers the question; Esc cancels the registration', () => {
    const s = run(initialFlow(NEW), [{ type: 'nik-clash', identity: typed({ nik: HALIMAH.nik }), patient: HALIMAH }]);
    expect(s.step.step).toBe('nik-clash');
    for (const k of ['Enter', '1', 'j', 'u', 'y', 'n']) expect(panelCommand(s, key(k), UNITS)).toBeNull();
    expect(panelCommand(s, key('Escape'), UNITS)).toEqual({ type: 'cancel' });
    expect(registrationOf(s, NEW, UNITS, false)).toBeNull();
  });

  it('each answer: that record; back to the form with what was typed (in the NIK field); or a new patient without the NIK', async () => {
    const clash = run(initialFlow(NEW), [{ type: 'nik-clash', identity: typed({ nik: HALIMAH.nik }), patient: HALIMAH }]);
    expect(flowReducer(clash, { type: 'patient', patient: HALIMAH }).step).toEqual({ step: 'unit', who: { kind: 'record', patient: HALIMAH } });
    expect(flowReducer(clash, { type: 'form', draft: typed({ nik: HALIMAH.nik }), focus: 'nik' }).step).toEqual({ step: 'form', draft: typed({ nik: HALIMAH.nik }), focus: 'nik' });
    const core = fakeCore([HALIMAH]);
    const without = await resolveIdentity(core, typed({ nik: null }), false, () => true);
    expect(without).toEqual({ type: 'new', identity: typed() });
    expect(core.calls).toEqual(['likelyDuplicates']);
  });
});

describe('the birth date of a name search goes into the new-patient form', () => {
  const none: LookupResult = { query: 'xylo qwerty', kind: 'name', verdict: 'unknown', matches: [], problem: null, tookMs: 1, ownMatches: [] };

  it('"Daftarkan sebagai pasien baru" after a name + date search', () => {
    const subject = subjectOf(none, displayOf(none, null), 'xylo qwerty', null, '1990-01-01');
    expect(subject).toMatchObject({ kind: 'new', name: 'XYLO QWERTY', dob: '1990-01-01' });
    const first = firstAction(subject!);
    expect(first).toMatchObject({ do: 'find-or-form', draft: { name: 'XYLO QWERTY', dob: '1990-01-01' } });
    if (first.do !== 'find-or-form') throw new Error('form expected');
    expect(initialBirthFields(first.draft, '2026-11-29')).toMatchObject({ dob: '1990-01-01', dobOwner: 'clerk' });
  });

  it('F2 with a name and a date; a number search carries no date', () => {
    expect(firstAction({ ...NEW, name: 'XYLO QWERTY', dob: '1990-01-01' })).toMatchObject({ draft: { dob: '1990-01-01' } });
    const nik: LookupResult = { ...none, query: '3673014101990007', kind: 'nik' };
    expect(subjectOf(nik, displayOf(nik, null), '3673014101990007', null, '1990-01-01')).toMatchObject({ kind: 'new', dob: null });
  });
});

describe('the birth-date field of the search acts like the search field', () => {
  const ctx = (over: Partial<EnterContext>): EnterContext => ({
    now: { query: 'halimah', dob: '1990-05-15' },
    last: { query: 'halimah', dob: '1990-05-15' },
    asked: true,
    busyElsewhere: false,
    canRegister: false,
    hasCandidates: false,
    ...over,
  });

  it('Enter and ↓ are the search bar\'s keys in either field', () => {
    expect(searchBarKey('Enter')).toBe('enter');
    expect(searchBarKey('ArrowDown')).toBe('down');
    expect(searchBarKey('ArrowUp')).toBeNull();
  });

  it('Enter: search; Enter again on the answer: register it, or go to the candidates', () => {
    expect(enterAction(ctx({ asked: false }))).toBe('ask');
    expect(enterAction(ctx({ canRegister: true }))).toBe('register');
    expect(enterAction(ctx({ hasCandidates: true }))).toBe('pick');
    expect(enterAction(ctx({ busyElsewhere: true, canRegister: true }))).toBe('search');
  });

  it('candidates all born on another day: Enter holds; a pick born on another day: Enter goes to its question, never registers', () => {
    expect(enterAction(ctx({ hasCandidates: true, allDiffer: true }))).toBe('hold');
    expect(enterAction(ctx({ hasCandidates: true, allDiffer: false }))).toBe('pick');
    // One patient's RM and another's old RM: which card was brought only the clerk can say.
    expect(enterAction(ctx({ hasCandidates: true, numberTwoWays: true }))).toBe('hold');
    // Picked, not confirmed: "Daftarkan" has nobody yet (canRegister false); confirmed, Enter registers.
    expect(enterAction(ctx({ hasCandidates: true, allDiffer: true, confirming: true }))).toBe('confirm');
    expect(enterAction(ctx({ now: { query: '000010', dob: '' }, last: { query: '000010', dob: '' }, confirming: true }))).toBe('confirm');
    expect(enterAction(ctx({ canRegister: true, hasCandidates: true, allDiffer: true }))).toBe('register');
    // Another query typed meanwhile is a new search, question or not.
    expect(enterAction(ctx({ now: { query: 'nurul', dob: '' }, confirming: true }))).toBe('search');
  });

  it('the same name with another birth date is a new search, never "Enter again"', () => {
    expect(enterAction(ctx({ last: { query: 'halimah', dob: '' }, canRegister: true }))).toBe('search');
    expect(enterAction(ctx({ last: null, canRegister: true }))).toBe('search');
  });
});
