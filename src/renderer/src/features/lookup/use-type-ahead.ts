import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatchUnjudged, scanFromKeys } from '../../scan/use-scan';
import { typeAhead, type ScreenNow } from './type-ahead';

/** How often held keys look for their step (ms). */
const POLL_MS = 20;
/** Held keys whose step has not shown after this long are dropped (ms): the clerk has moved on. */
const GIVE_UP_MS = 15000;
/** How long the note about dropped keys stays (ms). */
const NOTE_MS = 5000;

/**
 * Only a lone modifier, or a key with Ctrl/Alt/Meta (screen switches, F4's Ctrl+P), is not held.
 * F9 never comes here: the emergency listens on the window in the capture phase, before this
 * document listener, so an emergency never waits for a search (type-ahead.e2e checks it).
 */
const passes = (e: KeyboardEvent): boolean => e.ctrlKey || e.altKey || e.metaKey || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key);

/** The search screen as held keys see it (type-ahead.ts), read from the page. */
function screenNow(): ScreenNow {
  if (typeAhead.awaitingAnswer) return 'pending';
  const lookup = document.querySelector<HTMLElement>('[data-testid="lookup"]');
  if (!lookup || document.querySelector('[role="alertdialog"], [role="dialog"]')) return 'other';
  if (lookup.dataset.busy === 'true') return 'pending';
  const panel = lookup.querySelector<HTMLElement>('[data-testid="register-panel"]');
  if (panel) {
    if (panel.getAttribute('aria-busy') === 'true' || panel.dataset.step === 'checking') return 'pending';
    return panel.dataset.step === 'unit' && panel.contains(document.activeElement) ? 'unit' : 'other';
  }
  const start = lookup.querySelector<HTMLElement>('[data-testid="register-start"]');
  const focus = document.activeElement;
  // A patient found: Enter registers them (from the search field, or "Daftarkan" after a pick).
  // Never a new patient's form out of keys typed blind.
  return start && start.dataset.kind !== 'new' && (focus?.id === 'lookup-query' || focus === start) ? 'answer' : 'other';
}

/**
 * Wires the type-ahead gate to the keyboard (document, capture phase: after the scan detector on
 * the window, before the screen): while a search is pending, keys are held; once its answer shows
 * they go, one by one, to the step they were meant for, or are dropped with a note (returned).
 */
export function useTypeAhead(): string | null {
  const { t } = useTranslation();
  const [dropped, setDropped] = useState(false);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let replaying = false;
    let poll: ReturnType<typeof setTimeout> | undefined;
    let since = 0;

    const tell = (): void => {
      clearTimeout(noteTimer.current);
      setDropped(true);
      noteTimer.current = setTimeout(() => setDropped(false), NOTE_MS);
    };

    const step = (): void => {
      poll = undefined;
      if (!typeAhead.holding) return;
      const scan = typeAhead.scan();
      if (scan.kind === 'ended') {
        // Another card scanned while a search ran: searched whole, as any scan (the keys after
        // it, typed ahead of its answer, wait for that answer).
        const rest = typeAhead.take(scan.taken);
        scanFromKeys(scan.digits, scan.usable);
        for (const key of rest) typeAhead.hold(key);
        if (typeAhead.holding) poll = setTimeout(step, POLL_MS);
        return;
      }
      const screen = screenNow();
      if (typeAhead.mustDrop(screen) || performance.now() - since > GIVE_UP_MS) {
        if (typeAhead.drop() > 0) tell();
        typeAhead.cancel();
        return;
      }
      const key = typeAhead.next(screen);
      if (key) {
        const target = document.activeElement ?? document.body;
        replaying = true;
        try {
          // A given-back Enter is no trusted key: on "Daftarkan" it is that button's click.
          if (key.key === 'Enter' && target instanceof HTMLElement && target.dataset.testid === 'register-start') target.click();
          else dispatchUnjudged(target, { ...key.init, bubbles: true, cancelable: true, composed: true });
        } finally {
          replaying = false;
        }
      }
      // The next key waits for what this one did (the NIK check, the unit step) to show.
      if (typeAhead.holding) poll = setTimeout(step, POLL_MS);
    };

    const onKey = (event: KeyboardEvent): void => {
      if (replaying || !typeAhead.holding || event.isComposing || passes(event)) return;
      if (event.key === 'Escape') {
        // Esc goes on (it clears the screen): the clerk started over, nothing typed ahead stays.
        typeAhead.cancel();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!poll) since = performance.now();
      typeAhead.hold({ key: event.key, time: event.timeStamp, init: { key: event.key, code: event.code, location: event.location, shiftKey: event.shiftKey } });
      if (!poll) poll = setTimeout(step, POLL_MS);
    };

    document.addEventListener('keydown', onKey, true);
    return () => {
      clearTimeout(poll);
      document.removeEventListener('keydown', onKey, true);
      // Another screen: nothing typed here is waiting for this one.
      typeAhead.cancel();
    };
  }, []);

  useEffect(() => () => clearTimeout(noteTimer.current), []);
  return dropped ? t('lookup.typeAheadDropped') : null;
}
