import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLockKey, lockDue, msUntilLock } from '../../../src/renderer/src/features/session/idle-lock';

const key = (over: Partial<Parameters<typeof isLockKey>[0]>) => ({ key: 'l', code: 'KeyL', ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...over });

describe('the idle lock', () => {
  it('locks exactly `minutes` after the last input', () => {
    expect(msUntilLock(1_000, 1_000, 5)).toBe(300_000);
    expect(lockDue(1_000, 300_999, 5)).toBe(false);
    expect(lockDue(1_000, 301_000, 5)).toBe(true);
  });

  it('0 minutes: never locks by itself', () => {
    expect(msUntilLock(0, 10 ** 12, 0)).toBeNull();
    expect(lockDue(0, 10 ** 12, 0)).toBe(false);
  });

  it('input restarts the wait: the time left never exceeds the setting, and is due only once it has all passed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 8 }), fc.integer({ min: 1, max: 120 }), (last, idle, minutes) => {
        const left = msUntilLock(last, last + idle, minutes);
        expect(left).not.toBeNull();
        expect(left).toBeLessThanOrEqual(minutes * 60_000);
        expect(lockDue(last, last + idle, minutes)).toBe(idle >= minutes * 60_000);
      }),
    );
  });

  it('Ctrl+L locks at once, whatever the layout; other chords do not', () => {
    expect(isLockKey(key({ ctrlKey: true }))).toBe(true);
    expect(isLockKey(key({ ctrlKey: true, key: 'L' }))).toBe(true);
    expect(isLockKey(key({ ctrlKey: true, key: 'д' }))).toBe(true);
    expect(isLockKey(key({}))).toBe(false);
    expect(isLockKey(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isLockKey(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(isLockKey(key({ ctrlKey: true, key: 'p', code: 'KeyP' }))).toBe(false);
  });
});
