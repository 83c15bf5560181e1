import { describe, expect, it } from 'vitest';
import type { ContractError } from '../../../src/shared/contract';
import type { Patient } from '../../../src/shared/counter';
import type { LookupResult, MemberMatch, OwnPatient } from '../../../src/shared/lookup';
import { canSubmit, chosen, firstAction, flowReducer, formTouched, initialFlow, listHolderOf, panelCommand, personOf, type FlowEvent, type FlowState, type PanelKey } from '../../../src/renderer/src/features/register/register-flow';
import type { Subject } from '../../../src/renderer/src/features/register/subject';
import { subjectOf } from '../../../src/renderer/src/features/register/subject-of';
import { displayOf } from '../../../src/renderer/src/features/lookup/verdict';

const UNITS = [{ code: 'UMUM', key: '1' }, { code: 'GIGI', key: '2' }, { code: 'KIA', key: '3' }];
const RUDI: Patient = { id: 7, uid: '0192f0e0-0000-7000-8000-000000000007', mrn: '000007', nik: '3673011705900001', card: null, name: 'RUDI', dob: '1990-05-17', sex: 'L', address: null, oldMrn: null, identified: true };
const OWN: OwnPatient = { ...RUDI, lastVisit: '2026-11-12' };
const member = (kind: MemberMatch['list']['kind'], status: MemberMatch['status'] = 'active'): MemberMatch => ({
  nik: RUDI.nik,
  card: '0001336526601',
  name: 'RUDI',
  dob: RUDI.dob,
  sex: 'L',
  status,
  statusReason: null,
  segment: null,
  facility: null,
  class: null,
  address: 'KP. SAWAH',
  list: { name: 'L', kind, asOf: '2026-11-01', edition: 1 },
  confidence: 'exact',
  stale: false,
  flags: [],
  score: 1,
});
const dupError: ContractError = { code: 'visit/duplicate', params: { name: 'RUDI', unit: 'Poli Umum', queue: 'U-001' } };
const key = (k: string, over: Partial<PanelKey> = {}): PanelKey => ({ key: k, alt: false, ctrl: false, meta: false, onCancelButton: false, ...over });
const run = (s: FlowState, events: FlowEvent[]): FlowState => events.reduce(flowReducer, s);

describe('the register steps', () => {
  it('a returning patient (own record) goes straight to the unit: nothing looked up, no form', () => {
    const subject: Subject = { kind: 'patient', patient: RUDI, verdict: 'unknown' };
    expect(initialFlow(subject).step).toEqual({ step: 'unit', who: { kind: 'record', patient: RUDI } });
    expect(firstAction(subject)).toEqual({ do: 'none' });
  });

  it('a list member is resolved by its identity; someone unknown by NIK, then the form with what is known', () => {
    expect(firstAction({ kind: 'member', member: member('bpjs'), verdict: 'eligible' })).toMatchObject({ do: 'resolve', identity: { name: 'RUDI', nik: RUDI.nik } });
    expect(firstAction({ kind: 'new', nik: RUDI.nik, card: null, name: '', verdict: 'unknown' })).toMatchObject({ do: 'find-or-form', by: { nik: RUDI.nik }, draft: { nik: RUDI.nik, name: '' } });
    expect(initialFlow({ kind: 'new', nik: null, card: null, name: 'ANI', verdict: null }).step).toEqual({ step: 'checking' });
  });

  it('checking → duplicates → unit; unit and payer keys only count in the unit step', () => {
    let s = initialFlow({ kind: 'new', nik: null, card: null, name: 'ANI', verdict: null });
    expect(panelCommand(s, key('2'), UNITS)).toBeNull();
    s = run(s, [{ type: 'duplicates', identity: { name: 'ANI' }, candidates: [RUDI] }, { type: 'unit', code: 'GIGI' }]);
    expect(s.step.step).toBe('duplicates');
    expect(s.unit).toBeNull();
    s = run(s, [{ type: 'patient', patient: RUDI }]);
    expect(panelCommand(s, key('2'), UNITS)).toEqual({ type: 'unit', code: 'GIGI' });
    expect(panelCommand(s, key('9'), UNITS)).toBeNull();
    expect(panelCommand(s, key('u'), UNITS)).toEqual({ type: 'payer', payer: 'umum' });
    expect(panelCommand(s, key('D'), UNITS)).toEqual({ type: 'payer', payer: 'jamkesda' });
    expect(panelCommand(s, key('2', { alt: true }), UNITS)).toBeNull();
    expect(panelCommand(s, key('Enter'), UNITS)).toEqual({ type: 'submit' });
    expect(panelCommand(s, key('Enter', { onCancelButton: true }), UNITS)).toBeNull();
    expect(panelCommand(s, key('Escape'), UNITS)).toEqual({ type: 'cancel' });
  });

  it('the payer: derived until the clerk chooses; choosing the derived one again goes back to derived', () => {
    const subject: Subject = { kind: 'member', member: member('jamkesda'), verdict: 'eligible' };
    let s = run(initialFlow(subject), [{ type: 'patient', patient: RUDI }]);
    expect(chosen(s, subject, UNITS)).toEqual({ unit: 'UMUM', payer: 'jamkesda', derived: 'jamkesda', checked: true });
    s = flowReducer(s, { type: 'payer', payer: 'umum', derived: 'jamkesda' });
    expect(chosen(s, subject, UNITS).payer).toBe('umum');
    s = flowReducer(s, { type: 'payer', payer: 'jamkesda', derived: 'jamkesda' });
    expect(s.payer).toBeNull();
    s = flowReducer(s, { type: 'unit', code: 'KIA' });
    expect(chosen(s, subject, UNITS).unit).toBe('KIA');
  });

  it('"already registered today": the question blocks every key but Esc; closing it keeps the step', () => {
    let s = run(initialFlow({ kind: 'patient', patient: RUDI, verdict: null }), [{ type: 'busy' }, { type: 'duplicate-visit', error: dupError }]);
    expect(canSubmit(s)).toBe(false);
    expect(panelCommand(s, key('Enter'), UNITS)).toBeNull();
    expect(panelCommand(s, key('2'), UNITS)).toBeNull();
    expect(flowReducer(s, { type: 'unit', code: 'GIGI' }).unit).toBeNull();
    s = flowReducer(s, { type: 'duplicate-closed' });
    expect(canSubmit(s)).toBe(true);
    expect(s.step.step).toBe('unit');
  });

  it('finding F11: the facility\'s day changing under the open question closes it with a note; Daftar then registers (no reflex Batal)', () => {
    let s = run(initialFlow({ kind: 'patient', patient: RUDI, verdict: null }), [{ type: 'busy' }, { type: 'duplicate-visit', error: dupError }]);
    s = flowReducer(s, { type: 'day-changed' });
    expect([s.duplicate, s.dayTurned, s.step.step, canSubmit(s)]).toEqual([null, true, 'unit', true]);
    // The question asked again (a real second visit of the new day): the note goes.
    expect(flowReducer(s, { type: 'duplicate-visit', error: dupError }).dayTurned).toBe(false);
    // With no question open, a new day changes nothing.
    const plain = run(initialFlow({ kind: 'patient', patient: RUDI, verdict: null }), []);
    expect(flowReducer(plain, { type: 'day-changed' })).toBe(plain);
  });

  it('one request at a time; once registered nothing changes any more', () => {
    let s = run(initialFlow({ kind: 'patient', patient: RUDI, verdict: null }), [{ type: 'busy' }]);
    expect(canSubmit(s)).toBe(false);
    s = flowReducer(s, { type: 'registered' });
    expect(s.step).toEqual({ step: 'done' });
    expect(flowReducer(s, { type: 'patient', patient: RUDI })).toBe(s);
    expect(canSubmit(s)).toBe(false);
  });
});

const result = (over: Partial<LookupResult>): LookupResult => ({ query: '', kind: 'nik', verdict: 'unknown', matches: [], problem: null, tookMs: 1, ...over });

describe('Esc on the new-patient form (UI tester 6)', () => {
  const newSubject: Subject = { kind: 'new', name: 'budi', nik: null, card: null, verdict: null };
  const opened = run(initialFlow(newSubject), [{ type: 'form', draft: { name: 'budi', nik: null, card: null, dob: null, sex: null, address: null } }]);
  const typed = { name: 'budi', nik: '', dob: '', dobValid: true, sex: '' as const, address: '', card: null, oldMrn: '' };

  it('nothing typed (the search’s name only): Esc leaves at once', () => {
    expect(formTouched(opened.step)).toBe(false);
    expect(panelCommand(run(opened, [{ type: 'typed', typed }]), key('Escape'), UNITS)).toEqual({ type: 'cancel' });
  });

  it('data typed: the first Esc asks, the second leaves; typing on asks again at the next Esc', () => {
    const filled = run(opened, [{ type: 'typed', typed: { ...typed, name: 'Sumarni Binti Karta', dob: '1955-04-03', address: 'Kp Sukamaju RT 1 RW 2' } }]);
    expect(formTouched(filled.step)).toBe(true);
    expect(panelCommand(filled, key('Escape'), UNITS)).toEqual({ type: 'ask-leave' });
    const asked = run(filled, [{ type: 'leave-asked' }]);
    expect(panelCommand(asked, key('Escape'), UNITS)).toEqual({ type: 'cancel' });
    const typedOn = run(asked, [{ type: 'typed', typed: { ...typed, name: 'Sumarni', address: 'Kp Sukamaju' } }]);
    expect(panelCommand(typedOn, key('Escape'), UNITS)).toEqual({ type: 'ask-leave' });
  });

  it('a half-typed date, an old RM alone, or a form come back to from the NIK question counts as typed', () => {
    expect(formTouched(run(opened, [{ type: 'typed', typed: { ...typed, dobValid: false } }]).step)).toBe(true);
    expect(formTouched(run(opened, [{ type: 'typed', typed: { ...typed, oldMrn: 'A/0014' } }]).step)).toBe(true);
    expect(formTouched(run(opened, [{ type: 'form', draft: { name: 'WATI', nik: '3673015203850003', card: null, dob: null, sex: null, address: null }, focus: 'nik' }]).step)).toBe(true);
  });
});

describe('what Enter registers after a look-up', () => {
  it('the own record of a NIK, MRN or card query, also when it is on no list; never a new record', () => {
    for (const kind of ['nik', 'mrn', 'card'] as const) {
      const r = result({ kind, patient: OWN });
      expect(subjectOf(r, displayOf(r, null), kind === 'mrn' ? OWN.mrn : (OWN.nik ?? ''))).toMatchObject({ kind: 'patient', patient: OWN, verdict: 'unknown' });
    }
    const active = result({ kind: 'nik', verdict: 'eligible', matches: [member('pbi-apbn')], patient: OWN });
    expect(subjectOf(active, displayOf(active, null), OWN.nik ?? '')).toMatchObject({ kind: 'patient', verdict: 'eligible', basis: [member('pbi-apbn')] });
  });

  it('an unknown record number, or a number with nothing to start from, registers nothing (no empty form)', () => {
    const r = result({ kind: 'mrn' });
    expect(subjectOf(r, displayOf(r, null), '000099')).toBeNull();
    const odd = result({ kind: 'card' });
    expect(subjectOf(odd, displayOf(odd, null), '12345')).toBeNull();
  });

  it('a name with own records: the clerk picks one first (no new record by Enter)', () => {
    const r = result({ kind: 'name', ownMatches: [OWN] });
    expect(subjectOf(r, displayOf(r, null), 'rudi')).toBeNull();
    const none = result({ kind: 'name', ownMatches: [] });
    expect(subjectOf(none, displayOf(none, null), 'rudi')).toMatchObject({ kind: 'new', name: 'RUDI' });
  });

  it('a NIK on no list and unknown here: a new record with that NIK', () => {
    const r = result({ kind: 'nik' });
    expect(subjectOf(r, displayOf(r, null), '3673014101990007')).toMatchObject({ kind: 'new', nik: '3673014101990007', card: null });
  });
});

describe('a NIK typed or scanned into the form that is a list member’s under another name (nighttester F9)', () => {
  const typed = (name: string) => ({ name, nik: RUDI.nik, card: null, dob: RUDI.dob, sex: 'L' as const, address: null });
  const check = (...basis: MemberMatch[]) => ({ query: RUDI.nik ?? '', verdict: 'eligible' as const, basis });

  it('a clearly different name: that member, to be asked about', () => {
    expect(listHolderOf(typed('WATI'), check(member('pbi-apbd')))).toEqual(member('pbi-apbd'));
  });

  it('the same name spelt otherwise (a title, case, spaces), or any row for that NIK under it: nothing asked', () => {
    expect(listHolderOf(typed('  bpk. rudi '), check(member('pbi-apbd')))).toBeNull();
    expect(listHolderOf(typed('WATI'), check(member('pbi-apbd'), { ...member('jamkesda'), name: 'WATI' }))).toBeNull();
  });

  it('no check, a check of another number, no name typed, or a row of another NIK: nothing asked', () => {
    expect(listHolderOf(typed('WATI'), null)).toBeNull();
    expect(listHolderOf(typed('WATI'), { ...check(member('pbi-apbd')), query: '0001336526601' })).toBeNull();
    expect(listHolderOf(typed(' '), check(member('pbi-apbd')))).toBeNull();
    expect(listHolderOf(typed('WATI'), check({ ...member('pbi-apbd'), nik: '3673014101990007' }))).toBeNull();
  });

  it('while asked, an emergency (F9) takes the typed person without that NIK', () => {
    const s = run(initialFlow({ kind: 'new', name: '', nik: null, card: null, verdict: null } as unknown as Subject), [{ type: 'list-clash', identity: typed('WATI'), member: member('pbi-apbd') }]);
    expect(s.step.step).toBe('list-clash');
    expect(personOf(s)).toMatchObject({ kind: 'new', identity: { name: 'WATI', nik: null } });
  });

  it('asked about a list namesake (F2 without a number), an emergency takes the typed person', () => {
    const s = run(initialFlow({ kind: 'new', name: '', nik: null, card: null, verdict: null } as unknown as Subject), [{ type: 'list-namesake', identity: { ...typed('RUDI'), nik: null }, member: member('pbi-apbd') }]);
    expect(s.step.step).toBe('list-namesake');
    expect(s.busy).toBe(false);
    expect(personOf(s)).toMatchObject({ kind: 'new', identity: { name: 'RUDI', nik: null } });
  });
});
