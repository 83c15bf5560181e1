import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisteredVisit } from '../../../../shared/counter';
import { loket } from '../../api';
import type { EmergencyState } from './EmergencyDialog';
import { emergencyKey, type EmergencyPhase, type EmergencyTarget } from './emergency-flow';

/**
 * The record an emergency goes to: the one on screen, or one made from the list member's data.
 * Null when that fails: the emergency is then registered without identity, it never waits.
 */
async function patientIdOf(target: EmergencyTarget): Promise<number | null> {
  if ('patient' in target) return target.patient.id;
  const { identity } = target;
  const by = identity.nik ? { nik: identity.nik } : identity.card ? { card: identity.card } : null;
  if (by) {
    const found = await loket.findPatient(by);
    if (found.ok && found.value) return found.value.id;
  }
  const created = await loket.createPatient(identity);
  return created.ok ? created.value.id : null;
}

const phaseOf = (s: EmergencyState | null): EmergencyPhase =>
  s === null ? 'idle' : s.status === 'choose' ? 'choosing' : s.status === 'busy' ? 'busy' : 'shown';

/**
 * F9 (and the header button) on every screen, by the rule in emergency-flow.ts. `target` gives the
 * patient on screen, if any. `onDone` hears of the registered emergency (the slip, the lists).
 */
export function useEmergency(
  target: () => EmergencyTarget | null,
  onDone: (visit: RegisteredVisit, forTarget: boolean) => void,
  /** After the number was dismissed (Enter or Esc): the caller puts the focus back. */
  afterClose: () => void,
): { state: EmergencyState | null; press: (key: string) => void; close: () => void } {
  const [state, setState] = useState<EmergencyState | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const targetRef = useRef(target);
  targetRef.current = target;
  const targetNow = (): EmergencyTarget | null => targetRef.current();
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  const afterCloseRef = useRef(afterClose);
  afterCloseRef.current = afterClose;

  const register = useCallback(async (who: EmergencyTarget | null) => {
    // Busy at once, before any await: a second key in the meantime is ignored.
    stateRef.current = { status: 'busy' };
    setState({ status: 'busy' });
    const patientId = who ? await patientIdOf(who) : null;
    const result = await loket.registerEmergency(patientId ? { patientId } : {});
    const next: EmergencyState = result.ok ? { status: 'done', visit: result.value } : { status: 'failed', error: result.error };
    stateRef.current = next;
    setState(next);
    if (result.ok) onDoneRef.current(result.value, patientId !== null);
  }, []);

  /** A key (F9, Enter, Esc) or the header button (F9) for the emergency. */
  const press = useCallback(
    (key: string): void => {
      const current = stateRef.current;
      // Read at the key, not at the last render: Esc then F9 at once must find nobody on screen.
      const who = targetNow();
      const action = emergencyKey(phaseOf(current), key, who !== null);
      if (action === 'choose' && who) {
        const choose: EmergencyState = { status: 'choose', target: who };
        stateRef.current = choose;
        setState(choose);
      } else if (action === 'register-target') void register(current?.status === 'choose' ? current.target : null);
      else if (action === 'register-unidentified') void register(null);
      else if (action === 'cancel') {
        stateRef.current = null;
        setState(null);
      }
    },
    [register],
  );

  const close = useCallback(() => {
    if (stateRef.current?.status === 'busy') return;
    stateRef.current = null;
    setState(null);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // Capture phase: no field, dialog or form on any screen can swallow these keys.
      const status = stateRef.current?.status;
      const enterOrEsc = event.key === 'Enter' || event.key === 'Escape';
      if ((status === 'done' || status === 'failed') && enterOrEsc) {
        // The number is shown: Enter or Esc dismisses it wherever the focus is (it may not have
        // reached the dialog yet when the clerk presses Enter right away).
        event.preventDefault();
        event.stopPropagation();
        stateRef.current = null;
        setState(null);
        afterCloseRef.current();
        return;
      }
      if (event.key !== 'F9' && !(status === 'choose' && enterOrEsc)) return;
      event.preventDefault();
      event.stopPropagation();
      // A held F9 repeats: it must neither register twice nor answer its own question.
      if (!event.repeat) press(event.key);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [press]);

  return { state, press, close };
}
