import { describe, expect, it } from 'vitest';
import { emergencyKey, focusAfterEmergency, type EmergencyAction, type EmergencyPhase } from '../../../src/renderer/src/features/emergency/emergency-flow';
import { targetOf } from '../../../src/renderer/src/features/emergency/target-of';

/** Runs keys through the rule as the app does, counting the emergencies registered. */
function play(keys: string[], hasTarget: boolean): { registered: EmergencyAction[]; phase: EmergencyPhase } {
  let phase: EmergencyPhase = 'idle';
  const registered: EmergencyAction[] = [];
  for (const key of keys) {
    const action = emergencyKey(phase, key, hasTarget);
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
    expect(emergencyKey('idle', 'F9', false)).toBe('register-unidentified');
    expect(play(['F9'], false).registered).toEqual(['register-unidentified']);
  });

  it('a patient on screen: F9 asks; Enter registers that patient, exactly once', () => {
    expect(emergencyKey('idle', 'F9', true)).toBe('choose');
    expect(play(['F9', 'Enter'], true).registered).toEqual(['register-target']);
  });

  it('F9 twice registers one unidentified emergency, never two', () => {
    expect(play(['F9', 'F9'], true).registered).toEqual(['register-unidentified']);
  });

  it('Esc registers nobody', () => {
    expect(play(['F9', 'Escape'], true)).toEqual({ registered: [], phase: 'idle' });
  });

  it('while one registers every key is ignored', () => {
    for (const key of ['F9', 'Enter', 'Escape']) expect(emergencyKey('busy', key, true)).toBe('ignore');
  });

  it('with the number shown, F9 starts the next emergency; other keys are not the emergency\'s', () => {
    expect(emergencyKey('shown', 'F9', false)).toBe('register-unidentified');
    expect(emergencyKey('shown', 'Enter', true)).toBe('ignore');
    expect(emergencyKey('idle', 'Enter', true)).toBe('ignore');
    expect(emergencyKey('choosing', 'x', true)).toBe('ignore');
  });
});

describe('the focus after the emergency window', () => {
  const at = { locked: false, searchScreen: true, registered: true, previousThere: true };

  it('a number shown on the search screen: the search field, ready for the next patient, even when the button pressed before is still there', () => {
    expect(focusAfterEmergency(at)).toBe('search');
    expect(focusAfterEmergency({ ...at, previousThere: false })).toBe('search');
  });

  it('the question left with Esc: back where the clerk was (the unit step), else the search field', () => {
    expect(focusAfterEmergency({ ...at, registered: false })).toBe('previous');
    expect(focusAfterEmergency({ ...at, registered: false, previousThere: false })).toBe('search');
  });

  it('another screen: back where the clerk was, or nowhere in particular; under the lock: the lock', () => {
    expect(focusAfterEmergency({ ...at, searchScreen: false })).toBe('previous');
    expect(focusAfterEmergency({ ...at, searchScreen: false, previousThere: false })).toBe('none');
    expect(focusAfterEmergency({ ...at, locked: true })).toBe('lock');
  });
});

describe('who F9 sends to IGD', () => {
  const rudi = { id: 7, uid: '0192f0e0-0000-7000-8000-000000000007', mrn: '000007', nik: '3673011705900001', card: null, name: 'RUDI', dob: null, sex: null, address: null, identified: true };
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
