import { describe, expect, it } from 'vitest';
import { trapStep } from '../../../src/renderer/src/components/focus-trap';

/** Presses Tab (or Shift+Tab) n times from `start`, returning the items visited. */
function walk(count: number, start: number, presses: number, shift = false): number[] {
  const seen: number[] = [];
  let at = start;
  for (let i = 0; i < presses; i++) {
    const next = trapStep(count, at, shift);
    if (next === null) break;
    seen.push(next);
    at = next;
  }
  return seen;
}

describe('Tab inside an open dialog', () => {
  it('goes round its own items and never past the last one', () => {
    // "Sudah terdaftar hari ini": Batal, Ya. Tab from Ya comes back to Batal, never to the header.
    expect(walk(2, 0, 5)).toEqual([1, 0, 1, 0, 1]);
    expect(walk(3, 2, 1)).toEqual([0]);
  });

  it('Shift+Tab goes backwards, from the first to the last', () => {
    expect(walk(3, 0, 4, true)).toEqual([2, 1, 0, 2]);
  });

  it('from outside its items (the window itself, or a lost focus) Tab enters at the first, Shift+Tab at the last', () => {
    expect(trapStep(4, -1, false)).toBe(0);
    expect(trapStep(4, -1, true)).toBe(3);
    expect(trapStep(1, 0, false)).toBe(0);
  });

  it('a dialog with nothing to focus keeps the key to itself', () => {
    expect(trapStep(0, -1, false)).toBeNull();
  });
});
