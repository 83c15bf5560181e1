import { useCallback, useEffect, useRef, useState } from 'react';
import { isPrintable, LetterGuard } from '../../components/letter-keys';
import { enterInUnitStep, nextUnitDigit, NO_ENTER_HOLD, type DigitRun, type EnterHold } from './unit-digit';

/** How long the "typing changed nothing" note stays after the last key typed (ms), as on the queue. */
const NOTE_MS = 5000;

export interface PayerLetters {
  /**
   * A key in the unit step. A printable key goes through the queue's guard (letter-keys.ts);
   * `change` (a payer letter's change, null for any other letter or the space) is applied at once
   * when the key came alone, and `undo` restores the payer before it if another key follows
   * within SETTLE_MS (the letter was the start of a name). A number key's `change` (its unit) acts
   * at once unless it continues something typed (unit-digit.ts). The space never presses the
   * focused Daftar button. True: the key was judged (and handled).
   */
  press: (
    event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; timeStamp: number; preventDefault(): void },
    onSubmitButton: boolean,
    change: { apply: () => void; undo: () => void } | null,
  ) => boolean;
  /**
   * Enter in the unit step: true when it may register; false when it was held, coming after keys
   * typed there that went nowhere (unit-digit.ts, enterInUnitStep): the step asks for Enter again.
   */
  enter: (timeStamp: number) => boolean;
  /** 'keys': a run of keys was taken as typing (nothing changed); 'enter': an Enter after it was held. The step says so. */
  typed: 'keys' | 'enter' | null;
}

/**
 * The unit step's payer letters (J D U R K A M) against a name typed by a clerk who thinks the
 * search field has the focus (nighttester F7: `ahmad` made a JKN member Jamkesda, its space
 * pressed Daftar). As on the queue and follow-ups, letters act only when pressed alone: a burst of
 * keys changes nothing, and the step says so. Unlike there, a letter alone acts at once (not
 * SETTLE_MS later), so "D, Enter" at once registers with D; a key following within SETTLE_MS
 * takes the change back. Enter after such typing is held once (enterInUnitStep): a name typed here
 * and its Enter, meant for the search, register nobody.
 */
export function usePayerLetters(): PayerLetters {
  const guard = useRef(new LetterGuard<() => void>());
  const digits = useRef<DigitRun | null>(null);
  const hold = useRef<EnterHold>(NO_ENTER_HOLD);
  const [typed, setTyped] = useState<PayerLetters['typed']>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = useCallback((what: 'keys' | 'enter') => {
    setTyped(what);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTyped(null), NOTE_MS);
  }, []);
  /** Keys taken for typing: said, and the next Enter is held. */
  const note = useCallback(() => {
    hold.current = { ...hold.current, armed: true };
    say('keys');
  }, [say]);

  const enter = useCallback(
    (timeStamp: number): boolean => {
      const next = enterInUnitStep(guard.current, hold.current, timeStamp);
      hold.current = next.hold;
      if (!next.registers) say('enter');
      return next.registers;
    },
    [say],
  );

  const press = useCallback<PayerLetters['press']>(
    (event, onSubmitButton, change) => {
      if (!isPrintable(event)) return false;
      if (/^[0-9]$/.test(event.key)) {
        const next = nextUnitDigit(guard.current, digits.current, event.timeStamp, change?.undo ?? (() => undefined));
        digits.current = next.run;
        event.preventDefault();
        if (next.acts) {
          // A unit key pressed alone: the clerk is at this step again, the next Enter registers.
          if (change) hold.current = { ...hold.current, armed: false };
          change?.apply();
          return true;
        }
        next.takeBack?.();
        // Part of the run now: the keys after it are typing too (the guard hears it as a key of no action).
        guard.current.press(event.timeStamp, null);
        note();
        return true;
      }
      // Only Enter or a click registers: a space typed between two words never presses Daftar.
      if (event.key === ' ' && onSubmitButton) event.preventDefault();
      // The held "action" is the undo: a change that stood SETTLE_MS stays (what tick hands back is dropped).
      const verdict = guard.current.press(event.timeStamp, change ? change.undo : null);
      if (verdict.dropped) verdict.dropped();
      if (!verdict.ignored && change) {
        // A payer letter pressed alone (taken back if a key follows at once, which arms the hold again).
        hold.current = { ...hold.current, armed: false };
        change.apply();
      } else if (verdict.dropped || !verdict.alone || event.key === ' ') note();
      if (event.key !== ' ') event.preventDefault();
      return true;
    },
    [note],
  );

  return { press, enter, typed };
}
