import { useEffect } from 'react';
import { shownWhole } from './reveal';

/**
 * The search field in view whenever it gets the focus: after a registration (or Esc on the unit
 * step) the focus goes back to it while the window is still scrolled down to the step, and the
 * browser, which counts the field under the sticky header as visible, scrolls nothing, so the
 * clerk typed the next name into a field out of sight (135–154 px down at 1024x768 and 1366x768;
 * UI tester, finding 7). The field is the screen's first thing: the window goes back to its top.
 * Checked again once the screen has changed (the ticket in place of the step), before it is painted.
 */
export function useSearchFieldInView(): void {
  useEffect(() => {
    let frame = 0;
    const toTop = (): void => {
      const field = document.getElementById('lookup-query');
      if (field && document.activeElement === field && !shownWhole(field)) window.scrollTo({ top: 0 });
    };
    const onFocus = (event: FocusEvent): void => {
      if (!(event.target instanceof HTMLElement) || event.target.id !== 'lookup-query') return;
      toTop();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(toTop);
    };
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('focusin', onFocus);
      cancelAnimationFrame(frame);
    };
  }, []);
}
