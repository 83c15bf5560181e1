import { useCallback, useEffect, useRef, useState } from 'react';
import { isPrintable, LetterGuard } from '../../components/letter-keys';
import { nextUnitDigit, type DigitRun } from './unit-digit';

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
  /** A run of keys was taken as typing (nothing changed): the step says so. */
  typed: boolean;
}

/**
 * The unit step's payer letters (J D U R K A M) against a name typed by a clerk who thinks the
 * search field has the focus (nighttester F7: `ahmad` made a JKN member Jamkesda, its space
 * pressed Daftar). As on the queue and follow-ups, letters act only when pressed alone: a burst of
 * keys changes nothing, and the step says so. Unlike there, a letter alone acts at once (not
 * SETTLE_MS later), so "D, Enter" at once registers with D; a key following within SETTLE_MS
 * takes the change back.
 */
export function usePayerLetters(): PayerLetters {
  const guard = useRef(new LetterGuard<() => void>());
  const digits = useRef<DigitRun | null>(null);
  const [typed, setTyped] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const note = useCallback(() => {
    setTyped(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTyped(false), NOTE_MS);
  }, []);

  const press = useCallback<PayerLetters['press']>(
    (event, onSubmitButton, change) => {
      if (!isPrintable(event)) return false;
      if (/^[0-9]$/.test(event.key)) {
        const next = nextUnitDigit(guard.current, digits.current, event.timeStamp, change?.undo ?? (() => undefined));
        digits.current = next.run;
        event.preventDefault();
        if (next.acts) {
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
      if (!verdict.ignored && change) change.apply();
      else if (verdict.dropped || !verdict.alone || event.key === ' ') note();
      if (event.key !== ' ') event.preventDefault();
      return true;
    },
    [note],
  );

  return { press, typed };
}
