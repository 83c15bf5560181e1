import { describe, expect, it } from 'vitest';
import { NO_UNDO, UNDO_MS, isUndoKey, undoReducer, type UndoEvent, type UndoState } from '../../../src/renderer/src/components/undo';

const run = (events: UndoEvent[], from: UndoState = NO_UNDO): UndoState => events.reduce(undoReducer, from);

describe('the Undo offer', () => {
  it('ends when its own timer expires (about 6 s), not when an older one does', () => {
    const offered = run([{ type: 'offer', id: 1, message: 'A-007 ENTIN ROHMAH: selesai' }]);
    expect(offered.offer).toEqual({ id: 1, message: 'A-007 ENTIN ROHMAH: selesai' });
    expect(UNDO_MS).toBeGreaterThanOrEqual(5000);
    expect(UNDO_MS).toBeLessThanOrEqual(10000);
    expect(undoReducer(offered, { type: 'expire', id: 1 })).toEqual(NO_UNDO);
    const second = undoReducer(offered, { type: 'offer', id: 2, message: 'ENTIN ROHMAH → JKN' });
    expect(undoReducer(second, { type: 'expire', id: 1 }).offer?.id).toBe(2);
  });

  it('only the last change can be undone: a new change replaces the offer, and an old reverse finishing does not remove it', () => {
    const s = run([
      { type: 'offer', id: 1, message: 'first' },
      { type: 'offer', id: 2, message: 'second' },
    ]);
    expect(s.offer?.message).toBe('second');
    expect(undoReducer(s, { type: 'done', id: 1 }).offer?.id).toBe(2);
    expect(undoReducer(s, { type: 'done', id: 2 })).toEqual(NO_UNDO);
  });

  it('a second Undo while the first runs is ignored, and it does not expire nor get dismissed mid-way', () => {
    const busy = run([{ type: 'offer', id: 1, message: 'x' }, { type: 'start' }]);
    expect(busy.busy).toBe(true);
    expect(undoReducer(busy, { type: 'start' })).toBe(busy);
    expect(undoReducer(busy, { type: 'expire', id: 1 })).toBe(busy);
    expect(undoReducer(busy, { type: 'dismiss' })).toBe(busy);
    expect(undoReducer(NO_UNDO, { type: 'start' })).toBe(NO_UNDO);
  });

  it('Ctrl+Z (or Cmd+Z) undoes outside text fields only', () => {
    const k = (over: Partial<{ key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({ key: 'z', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...over });
    expect(isUndoKey(k({ ctrlKey: true }), false)).toBe(true);
    expect(isUndoKey(k({ ctrlKey: true, key: 'Z' }), false)).toBe(true);
    expect(isUndoKey(k({ metaKey: true }), false)).toBe(true);
    expect(isUndoKey(k({ ctrlKey: true }), true)).toBe(false);
    expect(isUndoKey(k({}), false)).toBe(false);
    expect(isUndoKey(k({ ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isUndoKey(k({ ctrlKey: true, altKey: true }), false)).toBe(false);
  });
});
