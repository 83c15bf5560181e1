/**
 * What the app does when the lock lifts (the locked clerk's unlock, or another clerk's take-over).
 * Pure, so the rules are tested without a browser; use-lock-lift.ts wires them to the DOM.
 *
 * The app behind the lock is inert, and an inert element cannot keep the focus: the browser moves
 * it to the page body the moment the lock comes on. Left there after the unlock, a name typed next
 * reaches nothing (the auto-lock makes this happen many times a day). So the app keeps, all the
 * time, the last place the clerk's focus was in the work (a field, a question's button), and gives
 * it back when the lock lifts.
 */

/** Where a focused element is, as the memory needs to know. */
export interface FocusPlace {
  /** Inside the app's work (`.session-shell`), not on the lock or a window over it. */
  inShell: boolean;
  /** One of the header's own controls (a tab, Kunci, Ganti petugas): not work to come back to. */
  headerControl: boolean;
}

/** Is this focus worth giving back after the lock? Work on a screen or in a dialog, never a header button. */
export function worthReturningTo(place: FocusPlace): boolean {
  return place.inShell && !place.headerControl;
}

/** Where the focus goes when the lock lifts. */
export type UnlockFocus = 'previous' | 'search' | 'none';

/**
 * - the place the clerk was, when it is still there and can take the focus (the search field, a
 *   half-done registration's field or button, the own-account dialog);
 * - else, on the search screen, the search field (ready for the next patient);
 * - else nothing: the other screens' keys listen on the whole window.
 */
export function focusAfterUnlock(at: { previousThere: boolean; searchScreen: boolean }): UnlockFocus {
  if (at.previousThere) return 'previous';
  return at.searchScreen ? 'search' : 'none';
}

/**
 * The last place worth giving back (generic over the element, so a test needs no DOM). Fed every
 * focus change; a focus that is not worth keeping (a header button, the lock's own field) leaves
 * the earlier place as it was, so clicking "Kunci" does not make the button the place to return to.
 */
export class FocusMemory<E> {
  private last: E | null = null;

  focused(element: E, place: FocusPlace): void {
    if (worthReturningTo(place)) this.last = element;
  }

  /** Where the focus goes now, given whether the remembered place can still take it (`element`: the place, for 'previous'). */
  lift(usable: (element: E) => boolean, searchScreen: boolean): { focus: UnlockFocus; element: E | null } {
    const previous = this.last;
    const focus = focusAfterUnlock({ previousThere: previous !== null && usable(previous), searchScreen });
    return { focus, element: focus === 'previous' ? previous : null };
  }
}

/**
 * Did the lock lift between two renders? Everything that loaded behind the lock was refused for
 * want of a session (the header's lists, the queue and follow-ups refreshing themselves, a data
 * officer's audit page when the app started locked): it loads again then. A sign-in needs no such
 * thing: it mounts the app afresh.
 */
export function lockLifted(wasLocked: boolean, locked: boolean): boolean {
  return wasLocked && !locked;
}
