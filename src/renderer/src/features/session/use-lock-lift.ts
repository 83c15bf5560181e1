import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FocusMemory, lockLifted } from './lock-lift';

/** Can the element take the focus now: still on the page, shown, not disabled, not under an inert part. */
function canTakeFocus(element: HTMLElement): boolean {
  return element.isConnected && element.closest('[inert]') === null && element.getClientRects().length > 0 && (element as { disabled?: boolean }).disabled !== true;
}

/**
 * The lock lifting, by the rules in lock-lift.ts: every focus change in the page is remembered
 * (where it is work to come back to), and when `locked` turns false the focus goes back there, or
 * to the search field. A layout effect: the commit that lifts the lock has just made the app live
 * again (a focus given while it was inert would be refused), and the clerk's next key must find
 * the field. Answers how many times the lock lifted: what loaded behind the lock loads again on it.
 */
export function useLockLift(locked: boolean, searchScreen: () => boolean): number {
  const memory = useRef(new FocusMemory<HTMLElement>());
  const searchScreenRef = useRef(searchScreen);
  searchScreenRef.current = searchScreen;
  const wasLocked = useRef(locked);
  const [lifts, setLifts] = useState(0);

  useEffect(() => {
    const onFocus = (event: FocusEvent): void => {
      const element = event.target;
      if (!(element instanceof HTMLElement)) return;
      memory.current.focused(element, {
        inShell: element.closest('.session-shell') !== null,
        // The own-account dialog opens from the header, but its fields are work like any other.
        headerControl: element.closest('.app-header-wrap') !== null && element.closest('[role="dialog"]') === null,
      });
    };
    document.addEventListener('focusin', onFocus, true);
    return () => document.removeEventListener('focusin', onFocus, true);
  }, []);

  useLayoutEffect(() => {
    const was = wasLocked.current;
    wasLocked.current = locked;
    if (!lockLifted(was, locked)) return;
    setLifts((count) => count + 1);
    const { focus, element } = memory.current.lift(canTakeFocus, searchScreenRef.current());
    if (focus === 'previous') element?.focus();
    else if (focus === 'search') document.getElementById('lookup-query')?.focus();
  }, [locked]);

  return lifts;
}
