import type { Identity, Patient } from '../../../../shared/counter';

/** The patient on screen an emergency can be registered for: a record, or a list member not yet one. */
export type EmergencyTarget = { name: string; patient: Patient } | { name: string; identity: Identity };

/** Where the emergency dialog is: none, asking "this patient or unidentified?", registering, or showing the number. */
export type EmergencyPhase = 'idle' | 'choosing' | 'busy' | 'shown';

export type EmergencyAction = 'choose' | 'register-target' | 'register-unidentified' | 'cancel' | 'ignore' | 'again';

/** How soon after an F9 that registered another F9 is taken for the same press (a bounce, a nervous double press), ms. */
export const AGAIN_MS = 1500;

/** What F9 must know besides the phase: who is on screen, and whether an unidentified one was just made. */
export interface EmergencyContext {
  hasTarget: boolean;
  /** The window shows the number of an unidentified emergency. */
  unidentifiedShown: boolean;
  /** The previous F9 registration was less than AGAIN_MS ago. */
  recent: boolean;
}

/**
 * F9 (or the header button), Enter and Esc around an emergency. Exactly one emergency per
 * decision, and it never waits on anything but the clerk's one key:
 * - nobody on screen: F9 registers an unidentified emergency at once;
 * - a patient on screen: F9 asks once: Enter = this patient, F9 again = unidentified, Esc = cancel;
 * - while one is being registered every key is ignored (a held F9 registers nobody twice);
 * - F9 while an unidentified number shows, or within AGAIN_MS of the previous registration, makes
 *   no other unidentified one ('again': the window says how to register a second victim: close it,
 *   then F9). A doubled or mashed F9 leaves no phantom patients; a deliberate F9 after the window
 *   closed registers at once.
 */
export function emergencyKey(phase: EmergencyPhase, key: string, at: EmergencyContext): EmergencyAction {
  if (phase === 'busy') return 'ignore';
  if (phase === 'choosing') {
    if (key === 'F9') return at.recent ? 'ignore' : 'register-unidentified';
    if (key === 'Enter') return 'register-target';
    if (key === 'Escape') return 'cancel';
    return 'ignore';
  }
  if (key !== 'F9') return 'ignore';
  if (phase === 'shown' && at.unidentifiedShown) return 'again';
  if (at.hasTarget) return 'choose';
  return at.recent ? 'again' : 'register-unidentified';
}

/** Where the focus goes once the emergency window closed (Enter, Esc, Close, or Esc on the question). */
export type EmergencyFocus = 'lock' | 'search' | 'previous' | 'none';

/**
 * The focus after the emergency window: the screen behind was inert while it was open, so the
 * focus has to be given back, never left on the page body (where typing reaches nothing the
 * clerk can see).
 * - locked: the lock's field (the app behind the lock stays inert);
 * - the patient on the search screen was sent to IGD: the search field, ready for the next
 *   patient (the patient sent to IGD has been cleared from it);
 * - otherwise (the question answered with Esc, an unidentified emergency registered over another
 *   patient's unit step, a number shown on another screen): back where the clerk was, when that is
 *   still there (the unit step's Daftar: its unit key goes on with the patient still on screen,
 *   never into the search field as a record number); on the search screen, else the search field.
 */
export function focusAfterEmergency(at: { locked: boolean; searchScreen: boolean; forTarget: boolean; previousThere: boolean }): EmergencyFocus {
  if (at.locked) return 'lock';
  if (at.forTarget && at.searchScreen) return 'search';
  if (at.previousThere) return 'previous';
  return at.searchScreen ? 'search' : 'none';
}
