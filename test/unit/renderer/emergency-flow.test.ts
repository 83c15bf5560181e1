import { describe, expect, it } from 'vitest';
import { emergencyKey, type EmergencyAction, type EmergencyPhase } from '../../../src/renderer/src/features/emergency/emergency-flow';

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
