import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisteredVisit } from '../../../../shared/counter';
import { loket } from '../../api';
import { noticeLetter } from '../../components/letter-flush';
import type { EmergencyState } from './EmergencyDialog';
import { AGAIN_MS, emergencyKey, type EmergencyPhase, type EmergencyTarget } from './emergency-flow';
import { emergencyPatientId } from './emergency-patient';

/** How long the number must have shown before a close counts as the clerk's (ms): a reader's glance, longer than keys mashed. */
const DELIBERATE_CLOSE_MS = 300;

const phaseOf = (s: EmergencyState | null): EmergencyPhase =>
  s === null ? 'idle' : s.status === 'choose' ? 'choosing' : s.status === 'busy' ? 'busy' : 'shown';

/** How the window closed, for the focus afterwards: a number was shown, or the question was left. */
export interface EmergencyClosed {
  /** A number (or a failure) was shown; false: the question was answered with Esc. */
  registered: boolean;
  /** The patient on screen went to IGD (the search screen lets them go); false: an unidentified one, or nobody. */
  forTarget: boolean;
  /** What had the focus when F9 was pressed (the screen is inert while the window is open). */
  previous: HTMLElement | null;
}

/**
 * F9 (and the header button) on every screen, by the rule in emergency-flow.ts. `target` gives the
 * patient on screen, if any. `onDone` hears of the registered emergency (the slip, the lists).
 * While the window is open the screen behind is inert (App), so when the clerk closes it
 * (`dismiss`, Enter, Esc) `afterClose` gives the focus back, once the window is gone and the
 * screen is live again. `close` drops the window without that (a scan or a screen key, which
 * put the focus where they need it themselves).
 */
export function useEmergency(
  target: () => EmergencyTarget | null,
  onDone: (visit: RegisteredVisit, forTarget: boolean) => void,
  afterClose: (closed: EmergencyClosed) => void,
): { state: EmergencyState | null; press: (key: string) => void; close: () => void; dismiss: () => void } {
  const { t } = useTranslation();
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
  /** What had the focus before the window opened. */
  const previous = useRef<HTMLElement | null>(null);
  /** Closed by the clerk: the focus is given back after the commit that removes the window. */
  const pendingFocus = useRef<EmergencyClosed | null>(null);
  /** When the last F9 registration started (performance.now()): a second F9 soon after is the same press. */
  const lastRegistered = useRef(-Infinity);
  /** The numbers registered while the window stayed open: a second one never hides the first. */
  const shownNumbers = useRef<string[]>([]);
  /** When the last number showed (performance.now()): a close soon after it is part of the same burst of keys. */
  const shownAt = useRef(-Infinity);
  /** The number the last F9 registration got (the window may be closed since): named when an F9 is ignored. */
  const lastQueue = useRef('');
  /** While the window is open: the patient on screen was registered (not only an unidentified one). */
  const sentTarget = useRef(false);

  const show = useCallback((next: EmergencyState | null) => {
    if (stateRef.current === null && next !== null) {
      previous.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      sentTarget.current = false;
    }
    if (next === null) shownNumbers.current = [];
    stateRef.current = next;
    setState(next);
  }, []);

  const register = useCallback(
    async (who: EmergencyTarget | null) => {
      // Busy at once, before any await: a second key in the meantime is ignored.
      show({ status: 'busy' });
      lastRegistered.current = performance.now();
      const patientId = who ? await emergencyPatientId(loket, who) : null;
      const result = await loket.registerEmergency(patientId ? { patientId } : {});
      const earlier = [...shownNumbers.current];
      if (result.ok) {
        shownNumbers.current.push(result.value.queue);
        lastQueue.current = result.value.queue;
        if (who !== null) sentTarget.current = true;
      }
      show(result.ok ? { status: 'done', visit: result.value, unidentified: who === null, earlier, again: false } : { status: 'failed', error: result.error });
      shownAt.current = performance.now();
      // The patient on screen went to IGD (also if no record could be made for them): the screen
      // lets them go, so they are not registered a second time.
      if (result.ok) onDoneRef.current(result.value, who !== null);
    },
    [show],
  );

  /** Closed by the clerk: the window goes, then the focus comes back (see the layout effect). */
  const closeByClerk = useCallback(
    (registered: boolean) => {
      // The clerk saw the number and closed the window: the next F9 is a deliberate one (a second
      // victim) and registers at once, however soon. A close within DELIBERATE_CLOSE_MS of the
      // number showing is part of a burst of keys (mashed, bounced): the doubled-press guard stays.
      if (registered && performance.now() - shownAt.current >= DELIBERATE_CLOSE_MS) lastRegistered.current = -Infinity;
      pendingFocus.current = { registered, forTarget: sentTarget.current, previous: previous.current };
      show(null);
    },
    [show],
  );

  /** A key (F9, Enter, Esc) or the header button (F9) for the emergency. */
  const press = useCallback(
    (key: string): void => {
      const current = stateRef.current;
      // Read at the key, not at the last render: Esc then F9 at once must find nobody on screen.
      const who = targetNow();
      const action = emergencyKey(phaseOf(current), key, {
        hasTarget: who !== null,
        unidentifiedShown: current?.status === 'done' && current.unidentified,
        recent: performance.now() - lastRegistered.current < AGAIN_MS,
      });
      if (action === 'choose' && who) show({ status: 'choose', target: who });
      else if (action === 'register-target') void register(current?.status === 'choose' ? current.target : null);
      else if (action === 'register-unidentified') void register(null);
      else if (action === 'cancel') closeByClerk(false);
      // Not a second phantom patient: the window (if open) says how a second victim is registered.
      else if (action === 'again' && current?.status === 'done') show({ ...current, again: true });
      // An F9 taken for the same press with no window to say so (closed at once, or on the question):
      // never silently, an emergency key must not seem dead; the status bar says it and what to do.
      else if (key === 'F9' && (action === 'again' || (action === 'ignore' && current?.status === 'choose'))) {
        noticeLetter(t('emergency.againNotice', { queue: lastQueue.current }));
      }
    },
    [register, show, closeByClerk, t],
  );

  const close = useCallback(() => {
    if (stateRef.current?.status === 'busy') return;
    pendingFocus.current = null;
    show(null);
  }, [show]);

  /** The Close button: like Enter on the number. Nothing while the number is still being made. */
  const dismiss = useCallback(() => {
    const status = stateRef.current?.status;
    if (status === 'done' || status === 'failed') closeByClerk(true);
  }, [closeByClerk]);

  // After the commit that removed the window and made the screen live again (a focus given
  // while it was still inert would be refused).
  useLayoutEffect(() => {
    if (state !== null || !pendingFocus.current) return;
    const closed = pendingFocus.current;
    pendingFocus.current = null;
    afterCloseRef.current(closed);
  }, [state]);

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
        closeByClerk(true);
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
  }, [press, closeByClerk]);

  return { state, press, close, dismiss };
}
