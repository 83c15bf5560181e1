import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FocusMemory, focusAfterUnlock, lockLifted, worthReturningTo } from '../../../src/renderer/src/features/session/lock-lift';

const WORK = { inShell: true, headerControl: false };
const HEADER = { inShell: true, headerControl: true };
const LOCK = { inShell: false, headerControl: false };

describe('when the lock lifts', () => {
  it('the focus goes back where the clerk worked; else the search field on the search screen; else nowhere', () => {
    expect(focusAfterUnlock({ previousThere: true, searchScreen: false })).toBe('previous');
    expect(focusAfterUnlock({ previousThere: true, searchScreen: true })).toBe('previous');
    expect(focusAfterUnlock({ previousThere: false, searchScreen: true })).toBe('search');
    expect(focusAfterUnlock({ previousThere: false, searchScreen: false })).toBe('none');
  });

  it('work is worth coming back to; a header button or the lock itself is not', () => {
    expect(worthReturningTo(WORK)).toBe(true);
    expect(worthReturningTo(HEADER)).toBe(false);
    expect(worthReturningTo(LOCK)).toBe(false);
  });

  it('clicking Kunci and typing on the lock leave the field the clerk was in as the place to return to', () => {
    const memory = new FocusMemory<string>();
    memory.focused('search', WORK);
    memory.focused('lock-button', HEADER);
    memory.focused('unlock-secret', LOCK);
    expect(memory.lift(() => true, true)).toEqual({ focus: 'previous', element: 'search' });
  });

  it('a place gone meanwhile (another screen, a closed question) gives way to the search field, or to nothing', () => {
    const memory = new FocusMemory<string>();
    expect(memory.lift(() => true, true)).toEqual({ focus: 'search', element: null });
    memory.focused('unit-question', WORK);
    expect(memory.lift(() => false, true)).toEqual({ focus: 'search', element: null });
    expect(memory.lift(() => false, false)).toEqual({ focus: 'none', element: null });
  });

  it('whatever the focus did, the place given back is the last piece of work focused, and only while it can take the focus', () => {
    const place = fc.constantFrom(WORK, HEADER, LOCK);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), place)), fc.boolean(), fc.boolean(), (moves, usable, searchScreen) => {
        const memory = new FocusMemory<number>();
        for (const [element, where] of moves) memory.focused(element, where);
        const lastWork = moves.filter(([, where]) => where === WORK).at(-1)?.[0] ?? null;
        const lifted = memory.lift(() => usable, searchScreen);
        if (lastWork !== null && usable) expect(lifted).toEqual({ focus: 'previous', element: lastWork });
        else expect(lifted).toEqual({ focus: searchScreen ? 'search' : 'none', element: null });
      }),
    );
  });

  it('lifts only from locked to open', () => {
    expect(lockLifted(true, false)).toBe(true);
    expect(lockLifted(false, true)).toBe(false);
    expect(lockLifted(true, true)).toBe(false);
    expect(lockLifted(false, false)).toBe(false);
  });
});
