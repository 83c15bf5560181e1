import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isPrintable, LetterGuard } from './letter-keys';

/** How long the "to search, press F1" hint stays after the last ignored key (ms). */
const HINT_MS = 5000;

export interface LetterKeys {
  /**
   * For a key on the list: a printable key goes through the guard (letter-keys.ts) and `run`
   * (what it does alone, bound to the row selected now) runs only if it was pressed alone.
   * Returns false for any other key (arrows, Enter…), which the screen handles itself.
   */
  press: (
    event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; timeStamp: number; preventDefault(): void },
    run: (() => void) | null,
    /** Why this letter does nothing now (no row selected, a task of another kind): said instead of the typing hint when it was pressed alone. */
    whyNot?: string | null,
  ) => boolean;
  /** The hint shown after typing that did nothing, or null. */
  hint: ReactElement | null;
}

/**
 * The queue's and follow-ups' single-letter actions, shared so both behave alike: typing never
 * acts (at most one change per burst of keys, none for a word) and says where to search.
 * `paused` (a dialog over the screen) drops an action still waiting.
 */
export function useLetterKeys(paused = false): LetterKeys {
  const { t } = useTranslation();
  const guard = useRef(new LetterGuard<() => void>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The hint shown: true for the typing hint, a text for a letter pressed alone that has no action now. */
  const [hinted, setHinted] = useState<boolean | string>(false);

  const arm = useCallback(() => {
    clearTimeout(timer.current);
    const wait = guard.current.dueIn(performance.now());
    if (wait === null) return;
    timer.current = setTimeout(() => {
      const due = guard.current.tick(performance.now());
      if (due) due();
      else arm();
    }, wait + 5);
  }, []);

  const press = useCallback<LetterKeys['press']>(
    (event, run, whyNot) => {
      if (!isPrintable(event)) return false;
      // Space keeps its own meaning (a focused button's click); it counts as typing all the same.
      const space = event.key === ' ';
      if (!space) event.preventDefault();
      const verdict = guard.current.press(event.timeStamp, run);
      verdict.due?.();
      if (verdict.ignored && !space) {
        setHinted(verdict.alone && whyNot ? whyNot : true);
        clearTimeout(hintTimer.current);
        hintTimer.current = setTimeout(() => setHinted(false), HINT_MS);
      }
      arm();
      return true;
    },
    [arm],
  );

  useEffect(() => {
    if (paused) guard.current.cancel();
  }, [paused]);

  useEffect(() => {
    // Escape or a shortcut (Ctrl+Z, Alt+2) while a letter waits: the clerk meant something else.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' || event.ctrlKey || event.altKey || event.metaKey) guard.current.cancel();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      clearTimeout(timer.current);
      clearTimeout(hintTimer.current);
    };
  }, []);

  const hint = hinted ? (
    <p className="letter-hint" role="status" data-testid="typing-hint">
      {typeof hinted === 'string' ? hinted : t('letters.hint')}
    </p>
  ) : null;
  return { press, hint };
}
