import { useEffect, useRef, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { onLetterNotice } from './letter-flush';
import { UNDO_TOAST_SLOT } from './UndoToast';

/** How long the note stays (ms): long enough to read it after the new screen settled. */
const SHOW_MS = 8000;

/**
 * The app's note for a queue or follow-up letter dropped after its screen went (a click on
 * another tab) or because a scan came before its question could show (letter-flush.ts): the
 * screen that would have said it is no longer there, so the app says it, in the status bar's
 * slot (where the undo toast goes; that toast belongs to the screen that went), covering nothing.
 */
export function useLetterNotice(): ReactElement | null {
  const [text, setText] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const unregister = onLetterNotice((next) => {
      clearTimeout(timer.current);
      setText(next);
      timer.current = setTimeout(() => setText(null), SHOW_MS);
    });
    return () => {
      unregister();
      clearTimeout(timer.current);
    };
  }, []);
  if (text === null) return null;
  const notice = (
    <p className="letter-notice" role="status" data-testid="letter-notice">
      {text}
    </p>
  );
  const slot = document.getElementById(UNDO_TOAST_SLOT);
  return slot ? createPortal(notice, slot) : notice;
}
