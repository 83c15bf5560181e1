import { useLayoutEffect, type RefObject } from 'react';
import { FOCUSABLE, trapStep } from './focus-trap';

/**
 * Keeps Tab inside an open dialog (`ref` is the dialog's element): every dialog of the app uses
 * this one trap (the yes/no questions, the emergency, the lock, "my account"). With `keepKeys`,
 * no key typed inside the dialog reaches the screen behind it (its window listeners: Esc clears
 * the search, F2 starts a new patient); the app's own capture-phase keys (F9, a scan, Alt+1…)
 * have already been heard by then. A native listener: React's own runs only when the key
 * reaches the root, after the dialog. Attached in a layout effect: a dialog that shows after an
 * asynchronous answer holds Tab and its keys before the browser handles the next key.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, options: { keepKeys?: boolean } = {}): void {
  const keepKeys = options.keepKeys === true;
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        event.stopPropagation();
        // Only what the clerk can see: a hidden control (a print frame, a collapsed part) is no stop.
        const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
        const next = trapStep(items.length, items.indexOf(document.activeElement as HTMLElement), event.shiftKey);
        if (next !== null) items[next]?.focus();
        return;
      }
      if (keepKeys) event.stopPropagation();
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, [ref, keepKeys]);
}
