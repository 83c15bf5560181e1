import { describe, expect, it } from 'vitest';
import { AGAIN_MS, emergencyKey, focusAfterEmergency, type EmergencyAction, type EmergencyPhase } from '../../../src/renderer/src/features/emergency/emergency-flow';
import { emergencyPatientId, type EmergencyPatientApi } from '../../../src/renderer/src/features/emergency/emergency-patient';
import { targetOf } from '../../../src/renderer/src/features/emergency/target-of';
import { flowReducer, initialFlow, personOf, type FlowState } from '../../../src/renderer/src/features/register/register-flow';
import { newPatientSubject } from '../../../src/renderer/src/features/lookup/on-screen-registration';
import type { TypedForm } from '../../../src/renderer/src/features/register/typed-person';
import type { Identity, Patient } from '../../../src/shared/counter';

/** Nobody just registered, no unidentified number shown. */
const at = (hasTarget: boolean, more: { unidentifiedShown?: boolean; recent?: boolean } = {}) => ({ hasTarget, unidentifiedShown: false, recent: false, ...more });

/** Runs keys through the rule as the app does, counting the emergencies registered. */
function play(keys: string[], hasTarget: boolean): { registered: EmergencyAction[]; phase: EmergencyPhase } {
  let phase: EmergencyPhase = 'idle';
  const registered: EmergencyAction[] = [];
  for (const key of keys) {
    const action = emergencyKey(phase, key, at(hasTarget));
    if (action === 'choose') phase = 'choosing';
    else if (action === 'cancel') phase = 'idle';
    else if (action === 'register-target' || action === 'register-unidentified') {
      registered.push(action);
      phase = 'shown';
    }
  }
  return { registered, phase };
}

describe('F9 and the emergency choice', () => {
  it('nobody on screen: F9 registers an unidentified emergency at once', () => {
    expect(emergencyKey('idle', 'F9', at(false))).toBe('register-unidentified');
    expect(play(['F9'], false).registered).toEqual(['register-unidentified']);
  });

  it('a patient on screen: F9 asks; Enter registers that patient, exactly once', () => {
    expect(emergencyKey('idle', 'F9', at(true))).toBe('choose');
    expect(play(['F9', 'Enter'], true).registered).toEqual(['register-target']);
  });

  it('F9 twice registers one unidentified emergency, never two', () => {
    expect(play(['F9', 'F9'], true).registered).toEqual(['register-unidentified']);
  });

  it('Esc registers nobody', () => {
    expect(play(['F9', 'Escape'], true)).toEqual({ registered: [], phase: 'idle' });
  });

  it('while one registers every key is ignored', () => {
    for (const key of ['F9', 'Enter', 'Escape']) expect(emergencyKey('busy', key, at(true))).toBe('ignore');
  });

  it('with a patient\'s number shown, F9 (after AGAIN_MS) starts the next emergency; other keys are not the emergency\'s', () => {
    expect(emergencyKey('shown', 'F9', at(false))).toBe('register-unidentified');
    expect(emergencyKey('shown', 'Enter', at(true))).toBe('ignore');
    expect(emergencyKey('idle', 'Enter', at(true))).toBe('ignore');
    expect(emergencyKey('choosing', 'x', at(true))).toBe('ignore');
  });
});

describe('F9 again soon after, or while an unidentified number shows (a bounce, a nervous double press)', () => {
  it('while the number of an unidentified emergency shows, F9 makes no other, whoever is on screen: the window says how', () => {
    expect(emergencyKey('shown', 'F9', at(false, { unidentifiedShown: true }))).toBe('again');
    expect(emergencyKey('shown', 'F9', at(true, { unidentifiedShown: true }))).toBe('again');
  });

  it('within AGAIN_MS of the previous registration, F9 registers no unidentified one, also from the question', () => {
    expect(AGAIN_MS).toBe(1500);
    expect(emergencyKey('idle', 'F9', at(false, { recent: true }))).toBe('again');
    expect(emergencyKey('shown', 'F9', at(false, { recent: true }))).toBe('again');
    expect(emergencyKey('choosing', 'F9', at(true, { recent: true }))).toBe('ignore');
    // The question may still be asked, and answered for the patient on screen.
    expect(emergencyKey('idle', 'F9', at(true, { recent: true }))).toBe('choose');
    expect(emergencyKey('choosing', 'Enter', at(true, { recent: true }))).toBe('register-target');
  });

  it('a deliberate F9 after the window closed, later than AGAIN_MS: registered at once, never blocked', () => {
    expect(emergencyKey('idle', 'F9', at(false))).toBe('register-unidentified');
  });
});

describe('the focus after the emergency window', () => {
  const at = { locked: false, searchScreen: true, forTarget: true, previousThere: true };

  it('the patient on the search screen sent to IGD: the search field, ready for the next patient, even when the button pressed before is still there', () => {
    expect(focusAfterEmergency(at)).toBe('search');
    expect(focusAfterEmergency({ ...at, previousThere: false })).toBe('search');
  });

  it('the question left with Esc: back where the clerk was (the unit step), else the search field', () => {
    expect(focusAfterEmergency({ ...at, forTarget: false })).toBe('previous');
    expect(focusAfterEmergency({ ...at, forTarget: false, previousThere: false })).toBe('search');
  });

  it('an unidentified emergency (F9 again) over another patient’s unit step: back to that step, so its unit key is no search', () => {
    // The patient on screen stays (nobody cleared the search): the Daftar pressed before is still there.
    expect(focusAfterEmergency({ ...at, forTarget: false, previousThere: true })).toBe('previous');
  });

  it('another screen: back where the clerk was, or nowhere in particular; under the lock: the lock', () => {
    expect(focusAfterEmergency({ ...at, forTarget: false, searchScreen: false })).toBe('previous');
    expect(focusAfterEmergency({ ...at, forTarget: false, searchScreen: false, previousThere: false })).toBe('none');
    expect(focusAfterEmergency({ ...at, locked: true })).toBe('lock');
  });
});

describe('who F9 sends to IGD', () => {
  const rudi = { id: 7, uid: '0192f0e0-0000-7000-8000-000000000007', mrn: '000007', nik: '3673011705900001', card: null, name: 'RUDI', dob: null, sex: null, address: null, oldMrn: null, identified: true };
  const member = {
    nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P' as const, status: 'active' as const, statusReason: null,
    segment: null, facility: null, class: null, address: null, list: { name: 'L', kind: 'pbi-apbn' as const, asOf: '2026-11-01', edition: 1 },
    confidence: 'exact' as const, stale: false, flags: [], score: 1,
  };

  it('the patient being registered first, then the looked-up record, then the list member; nobody otherwise', () => {
    expect(targetOf({ kind: 'record', patient: rudi }, null, null, null)).toEqual({ name: 'RUDI', patient: rudi });
    // A new patient in the unit step has no record yet: the emergency makes one from the typed data.
    const typed = { name: 'BAYI NY SARI', nik: null, card: null, dob: '2026-11-28', sex: null, address: null };
    expect(targetOf({ kind: 'new', identity: typed }, { kind: 'new', nik: null, card: null, name: 'BAYI NY SARI', verdict: null }, null, null)).toEqual({ name: 'BAYI NY SARI', identity: typed });
    expect(targetOf(null, null, { patient: { ...rudi, lastVisit: null } }, { kind: 'verdict', verdict: 'unknown', basis: [], pickedByClerk: false, overruled: [], warnings: [] })).toMatchObject({ name: 'RUDI', patient: { id: 7 } });
    expect(targetOf(null, null, {}, { kind: 'verdict', verdict: 'eligible', basis: [member], pickedByClerk: false, overruled: [], warnings: [] })).toMatchObject({ name: 'SITI AMINAH', identity: { nik: member.nik } });
    expect(targetOf(null, null, {}, { kind: 'candidates', count: 3, warnings: [] })).toBeNull();
    // F2 (a new patient, nothing known yet): nobody, so F9 registers an unidentified emergency.
    expect(targetOf(null, { kind: 'new', nik: null, card: null, name: '', verdict: null }, null, null)).toBeNull();
  });
});

describe('F9 while the new-patient form is half typed (clerktester F15)', () => {
  const blank: TypedForm = { name: '', nik: '', dob: '', dobValid: true, sex: '', address: '', card: null, oldMrn: '' };
  /** F2, then the form's fields as typed (each change reaches the flow as the form reports it). */
  const typing = (typed: Partial<TypedForm>): FlowState => {
    const subject = newPatientSubject('', '');
    const form = flowReducer(initialFlow(subject), { type: 'form', draft: { name: '', nik: null, card: null, dob: null, sex: null, address: null } });
    return flowReducer(form, { type: 'typed', typed: { ...blank, ...typed } });
  };
  const targetWhile = (state: FlowState) => targetOf(personOf(state), newPatientSubject('', ''), null, null);

  it('a name typed is a patient on screen: F9 asks (Enter: this person as typed), instead of registering an unidentified one at once', () => {
    const target = targetWhile(typing({ name: ' warsinah ' }));
    expect(target).toEqual({ name: 'WARSINAH', identity: { name: 'WARSINAH', nik: null, card: null, dob: null, sex: null, address: null } });
    expect(emergencyKey('idle', 'F9', at(target !== null))).toBe('choose');
  });

  it('the form before a name (empty, or a NIK alone): nobody on screen, F9 registers an unidentified emergency at once', () => {
    expect(targetWhile(typing({}))).toBeNull();
    expect(targetWhile(typing({ nik: '3673014101990007' }))).toBeNull();
    expect(targetWhile(typing({ name: '1' }))).toBeNull();
  });

  it('what is already valid goes with the name; a NIK or date half typed is left out, never guessed, so nothing can refuse the record', () => {
    expect(targetWhile(typing({ name: 'WARSINAH', nik: '3673-0141-0199-0007', dob: '1999-01-01', sex: 'P', address: ' JL. MAWAR 3 ' }))).toEqual({
      name: 'WARSINAH',
      identity: { name: 'WARSINAH', nik: '3673014101990007', card: null, dob: '1999-01-01', sex: 'P', address: 'JL. MAWAR 3' },
    });
    expect(targetWhile(typing({ name: 'WARSINAH', nik: '367301', dob: '', dobValid: false }))).toMatchObject({ identity: { name: 'WARSINAH', nik: null, dob: null } });
  });

  it('the likely-duplicates and NIK questions are about the person typed too; a typed key outside the form changes nothing', () => {
    const identity: Identity = { name: 'WARSINAH', nik: null, card: null, dob: '1960-02-02', sex: null, address: null };
    const dup = flowReducer(typing({ name: 'WARSINAH' }), { type: 'duplicates', identity, candidates: [] });
    expect(personOf(dup)).toEqual({ kind: 'new', identity });
    expect(flowReducer(dup, { type: 'typed', typed: { ...blank, name: 'X' } })).toBe(dup);
  });
});

describe('the record F9 sends to IGD', () => {
  const MOTHER: Patient = { id: 3, uid: 'u3', mrn: '000003', nik: '3673014101990007', card: null, name: 'HALIMAH UTOMO', dob: '1999-01-01', sex: 'P', address: null, oldMrn: null, identified: true };
  /** A stand-in for the core: the records here, and what createPatient was asked to make. */
  const api = (records: Patient[], refuse = (_: Identity) => false) => {
    const made: Identity[] = [];
    const calls: EmergencyPatientApi = {
      findPatient: async (by) => ({ ok: true, value: records.find((p) => (by.nik && p.nik === by.nik) || (by.card && p.card === by.card)) ?? null }),
      createPatient: async (identity) => {
        if (refuse(identity)) return { ok: false, error: { code: 'invalid-input' } };
        made.push(identity);
        return { ok: true, value: { ...MOTHER, ...identity, id: 100 + made.length, nik: identity.nik ?? null } as Patient };
      },
    };
    return { calls, made };
  };
  const typed = (identity: Partial<Identity>) => ({ name: identity.name ?? 'WARSINAH', identity: { name: 'WARSINAH', nik: null, card: null, dob: null, sex: null, address: null, ...identity } });

  it('a person typed in the form: a record made from what is typed', async () => {
    const { calls, made } = api([]);
    expect(await emergencyPatientId(calls, typed({ sex: 'P' }))).toBe(101);
    expect(made).toEqual([{ name: 'WARSINAH', nik: null, card: null, dob: null, sex: 'P', address: null }]);
  });

  it('the NIK typed is a record here of the same name: that record, no second one', async () => {
    const { calls, made } = api([MOTHER]);
    expect(await emergencyPatientId(calls, typed({ name: 'HALIMAH UTOMO', nik: MOTHER.nik }))).toBe(3);
    expect(made).toEqual([]);
  });

  it("the NIK typed is another person's record (a baby with the mother's NIK): a record of their own without that NIK, never the mother's", async () => {
    const { calls, made } = api([MOTHER]);
    const id = await emergencyPatientId(calls, typed({ name: 'BAYI NY HALIMAH', nik: MOTHER.nik, dob: '1999-01-01', sex: 'P' }));
    expect(id).toBe(101);
    // The birth date and sex taken from the mother's NIK go with it (withoutNik).
    expect(made).toEqual([{ name: 'BAYI NY HALIMAH', nik: null, card: null, dob: null, sex: null, address: null }]);
  });

  it('data the core refuses: the name alone still goes with the emergency (no unidentified one for a name the clerk typed)', async () => {
    const { calls, made } = api([], (identity) => identity.address !== undefined);
    expect(await emergencyPatientId(calls, typed({ address: 'X' }))).toBe(101);
    expect(made).toEqual([{ name: 'WARSINAH' }]);
  });
});
