import { useCallback, useEffect, useRef, useState } from 'react';
import { isPrintable, LetterGuard } from '../../components/letter-keys';
import { keyTime } from '../../scan/use-scan';

/** How long the "typing changed nothing" note stays after the last key typed (ms), as on the queue. */
const NOTE_MS = 5000;

export interface PayerLetters {
  /**
   * A key in the unit step. A printable key goes through the queue's guard (letter-keys.ts);
   * `change` (a payer letter's or a unit number's change, null for any other key or the space) is
   * applied at once when the key came alone, and `undo` restores the payer or unit before it if
   * another key follows within SETTLE_MS (the key was the start of a name). The space never
   * presses the focused Daftar button. True: the key was judged.
   */
  press: (
    event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; nativeEvent: Event; preventDefault(): void },
    onSubmitButton: boolean,
    change: { apply: () => void; undo: () => void } | null,
  ) => boolean;
  /** A run of keys was taken as typing (no unit nor payer changed): the step says so. */
  typed: boolean;
}

/**
 * The unit step's payer letters (J D U R K A M) and unit numbers (1, 2, 3...) against a name
 * typed by a clerk who thinks the search field has the focus (nighttester F7: `ahmad` made a JKN
 * member Jamkesda, its space pressed Daftar, and the 2 of `ahmad 2` picked Poli Gigi). As on the
 * queue and follow-ups, these keys act only when pressed alone: a burst of keys changes nothing,
 * and the step says so. Unlike there, a key alone acts at once (not SETTLE_MS later), so "D, Enter"
 * or "3, Enter" at once registers with it; a key following within SETTLE_MS takes the change back.
 *
 * Keys typed ahead (a practised "scan, Enter, 3, Enter" on a slow PC, use-type-ahead.ts) are held
 * until the step shows, then given back a few ms apart: judged by when they were given back, any
 * two would be a run. So a key is judged at the time it went down (keyTime), and only printable
 * keys that reached this step count: the scan's digits went to the scanner, the Enters are no
 * printable keys, so the typed-ahead 3 is alone and picks its unit; a name typed ahead of the
 * step (`ahmad 2`) is a run all the same, as it was typed.
 */
export function usePayerLetters(): PayerLetters {
  const guard = useRef(new LetterGuard<() => void>());
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
      // Only Enter or a click registers: a space typed between two words never presses Daftar.
      if (event.key === ' ' && onSubmitButton) event.preventDefault();
      // The held "action" is the undo: a change that stood SETTLE_MS stays (what tick hands back is dropped).
      const verdict = guard.current.press(keyTime(event.nativeEvent), change ? change.undo : null);
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
