import type { Identity, Patient } from '../../../../shared/counter';

/** The patient on screen an emergency can be registered for: a record, or a list member not yet one. */
export type EmergencyTarget = { name: string; patient: Patient } | { name: string; identity: Identity };

/** Where the emergency dialog is: none, asking "this patient or unidentified?", registering, or showing the number. */
export type EmergencyPhase = 'idle' | 'choosing' | 'busy' | 'shown';

export type EmergencyAction = 'choose' | 'register-target' | 'register-unidentified' | 'cancel' | 'ignore';

/**
 * F9 (or the header button), Enter and Esc around an emergency. Exactly one emergency per
 * decision, and it never waits on anything but the clerk's one key:
 * - nobody on screen: F9 registers an unidentified emergency at once;
 * - a patient on screen: F9 asks once: Enter = this patient, F9 again = unidentified, Esc = cancel;
 * - while one is being registered every key is ignored (a held F9 registers nobody twice).
 */
export function emergencyKey(phase: EmergencyPhase, key: string, hasTarget: boolean): EmergencyAction {
  if (phase === 'busy') return 'ignore';
  if (phase === 'choosing') {
    if (key === 'F9') return 'register-unidentified';
    if (key === 'Enter') return 'register-target';
    if (key === 'Escape') return 'cancel';
    return 'ignore';
  }
  if (key !== 'F9') return 'ignore';
  return hasTarget ? 'choose' : 'register-unidentified';
}
