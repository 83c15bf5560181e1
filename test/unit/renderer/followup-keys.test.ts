import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpKey } from '../../../src/renderer/src/features/followups/followup-keys';
import { PAYER_KEYS, PAYERS, type FollowUpKind } from '../../../src/shared/counter';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
const settle = { count: 3, index: 0, kind: 'settle-payer' as FollowUpKind, payer: 'pending' as const };

describe('follow-up list keys', () => {
  it('Enter and Space never act: Alt+3 then Enter changes nothing', () => {
    for (const kind of ['settle-payer', 'identify-patient', 'recheck-eligibility'] as const) {
      expect(followUpKey(key('Enter'), { ...settle, kind })).toBeNull();
      expect(followUpKey(key(' '), { ...settle, kind })).toBeNull();
    }
  });

  it('arrows, Home and End move within the list and stay inside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -5, max: 60 }), fc.constantFrom('ArrowDown', 'ArrowUp', 'Home', 'End'), (count, index, k) => {
        const action = followUpKey(key(k), { ...settle, count, index });
        expect(action?.type).toBe('move');
        const to = action?.type === 'move' ? action.index : -1;
        expect(to).toBeGreaterThanOrEqual(0);
        expect(to).toBeLessThan(count);
      }),
    );
    expect(followUpKey(key('ArrowDown'), settle)).toEqual({ type: 'move', index: 1 });
    expect(followUpKey(key('ArrowDown'), { ...settle, index: 2 })).toEqual({ type: 'move', index: 2 });
    expect(followUpKey(key('ArrowUp'), { ...settle, index: 0 })).toEqual({ type: 'move', index: 0 });
    expect(followUpKey(key('End'), settle)).toEqual({ type: 'move', index: 2 });
    expect(followUpKey(key('ArrowDown'), { ...settle, count: 0 })).toBeNull();
  });

  it('each payer has its own letter on a settle-payer card; the current payer is no change', () => {
    for (const p of PAYERS) {
      const expected = p === 'pending' ? null : { type: 'payer', payer: p };
      expect(followUpKey(key(PAYER_KEYS[p]), settle)).toEqual(expected);
      expect(followUpKey(key(PAYER_KEYS[p].toLowerCase()), settle)).toEqual(expected);
    }
    expect(followUpKey(key('c'), settle)).toEqual({ type: 'recheck' });
    expect(followUpKey(key('i'), settle)).toBeNull();
  });

  it('an identity card offers only I; letters with Alt/Ctrl (screen switches, undo) are never actions', () => {
    const identify = { ...settle, kind: 'identify-patient' as FollowUpKind };
    expect(followUpKey(key('i'), identify)).toEqual({ type: 'identify' });
    expect(followUpKey(key('j'), identify)).toBeNull();
    expect(followUpKey(key('c'), identify)).toBeNull();
    expect(followUpKey(key('j', { ctrlKey: true }), settle)).toBeNull();
    expect(followUpKey(key('z', { ctrlKey: true }), settle)).toBeNull();
    expect(followUpKey(key('3', { altKey: true }), settle)).toBeNull();
    // Digits (a lone scanner digit replayed) mean nothing here.
    for (const d of '0123456789') expect(followUpKey(key(d), settle)).toBeNull();
  });
});
