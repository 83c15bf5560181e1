import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeLetter, onScanRunLetter } from './letter-flush';
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
    /** `run` opens a question (B, G, I): a scan right after it drops it instead (the scan would close the question unanswered). */
    asks?: boolean,
  ) => boolean;
  /** The hint shown after typing that did nothing, or null. */
  hint: ReactElement | null;
}

/** A letter waiting to act: its key (to name it if it is dropped) and what it does. */
interface Held {
  key: string;
  run: () => void;
  asks: boolean;
}

/** Why a waiting letter was not run, as the screen says it ("S tidak dijalankan: Esc ditekan."). */
type DropReason = 'typing' | 'escape' | 'shortcut' | 'dialog' | 'scan' | 'left';

/**
 * The queue's and follow-ups' single-letter actions, shared so both behave alike: typing never
 * acts (at most one change per burst of keys, none for a word) and says where to search; a letter
 * that waited and was dropped says so, naming the key; a scan right after a letter runs it first.
 * `paused` (a dialog over the screen) drops an action still waiting.
 */
export function useLetterKeys(paused = false): LetterKeys {
  const { t } = useTranslation();
  const guard = useRef(new LetterGuard<Held>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const hintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The hint shown: true for the typing hint, a text for a letter pressed alone that has no action now, or one dropped. */
  const [hinted, setHinted] = useState<boolean | string>(false);
  /** The hint names a dropped letter: the rest of the same burst of typing keeps it up instead of the plain typing hint. */
  const naming = useRef(false);

  /** Shows a hint (`null`: keeps the one shown, for longer). */
  const show = useCallback((hint: true | string | null, names = false) => {
    naming.current = names;
    if (hint !== null) setHinted(hint);
    clearTimeout(hintTimer.current);
    hintTimer.current = setTimeout(() => {
      naming.current = false;
      setHinted(false);
    }, HINT_MS);
  }, []);

  const dropped = useCallback(
    (held: Held | null, why: DropReason, shortcut = '') => {
      if (held) show(t('letters.notRun', { key: held.key.toUpperCase(), why: t(`letters.why.${why}`, { shortcut }) }), true);
    },
    [show, t],
  );

  const arm = useCallback(() => {
    clearTimeout(timer.current);
    const wait = guard.current.dueIn(performance.now());
    if (wait === null) return;
    timer.current = setTimeout(() => {
      const due = guard.current.tick(performance.now());
      if (due) due.run();
      else arm();
    }, wait + 5);
  }, []);

  const press = useCallback<LetterKeys['press']>(
    (event, run, whyNot, asks = false) => {
      if (!isPrintable(event)) return false;
      // Space keeps its own meaning (a focused button's click); it counts as typing all the same.
      const space = event.key === ' ';
      if (!space) event.preventDefault();
      const verdict = guard.current.press(event.timeStamp, run ? { key: event.key, run, asks } : null);
      verdict.due?.run();
      if (verdict.dropped) dropped(verdict.dropped, 'typing');
      else if (verdict.ignored && !space) {
        if (verdict.alone && whyNot) show(whyNot);
        // The rest of a word whose first letter was dropped: that letter stays named.
        else if (naming.current && !verdict.alone) show(null, true);
        else show(true);
      }
      arm();
      return true;
    },
    [arm, dropped, show],
  );

  useEffect(() => {
    if (paused) dropped(guard.current.cancel(), 'dialog');
  }, [paused, dropped]);

  /** The words for a letter dropped as its screen goes: kept current for the unmount below. */
  const away = useRef<(held: Held, why: DropReason) => void>(() => undefined);
  away.current = (held, why) => noticeLetter(t('letters.notRun', { key: held.key.toUpperCase(), why: t(`letters.why.${why}`) }));

  useEffect(() => {
    // A scan right after the letter (S, then the next card): the letter acts first (letter-flush.ts),
    // unless it opens a question, which the scan would close unanswered: then it is dropped, and said.
    const unregister = onScanRunLetter(() => {
      clearTimeout(timer.current);
      const held = guard.current.flush();
      if (held?.asks) away.current(held, 'scan');
      else held?.run();
    });
    return () => {
      unregister();
      clearTimeout(timer.current);
      clearTimeout(hintTimer.current);
      // The screen goes (a click on another tab) while a letter waits: dropped, and said by the app.
      const held = guard.current.cancel();
      if (held) away.current(held, 'left');
    };
  }, []);

  useEffect(() => {
    // Escape or a shortcut (Ctrl+Z, Alt+2) while a letter waits: the clerk meant something else; said, never silent.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') dropped(guard.current.cancel(), 'escape');
      // Judged on the shortcut's own key (Z of Ctrl+Z), so the words name it.
      else if ((event.ctrlKey || event.altKey || event.metaKey) && !MODIFIERS.includes(event.key)) dropped(guard.current.cancel(), 'shortcut', shortcutName(event));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [dropped]);

  const hint = hinted ? (
    <p className="letter-hint" role="status" data-testid="typing-hint">
      {typeof hinted === 'string' ? hinted : t('letters.hint')}
    </p>
  ) : null;
  return { press, hint };
}

const MODIFIERS = ['Control', 'Alt', 'AltGraph', 'Meta', 'Shift'];

/** "Ctrl+Z", "Alt+2": the shortcut as the clerk pressed it. */
function shortcutName(event: KeyboardEvent): string {
  const mods = [event.ctrlKey && 'Ctrl', event.altKey && 'Alt', event.metaKey && 'Meta'].filter((m): m is string => typeof m === 'string');
  return [...mods, event.key.length === 1 ? event.key.toUpperCase() : event.key].join('+');
}
