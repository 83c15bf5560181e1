import { describe, expect, it } from 'vitest';
import { NO_UNDO, UNDO_MS, isUndoKey, undoReducer, type UndoEvent, type UndoState } from '../../../src/renderer/src/components/undo';

const run = (events: UndoEvent[], from: UndoState = NO_UNDO): UndoState => events.reduce(undoReducer, from);

describe('the Undo offer', () => {
  it('lasts UNDO_MS (about 6 s), then is gone', () => {
    const offered = run([{ type: 'offer', id: 1, message: 'A-007 ENTIN ROHMAH: selesai', now: 1000 }]);
    expect(offered.offer).toEqual({ id: 1, message: 'A-007 ENTIN ROHMAH: selesai', until: 1000 + UNDO_MS });
    expect(UNDO_MS).toBeGreaterThanOrEqual(5000);
    expect(undoReducer(offered, { type: 'tick', now: 1000 + UNDO_MS - 1 }).offer?.id).toBe(1);
    expect(undoReducer(offered, { type: 'tick', now: 1000 + UNDO_MS })).toEqual(NO_UNDO);
  });

  it('only the last change can be undone: a new change replaces the offer, and an old reverse finishing does not remove it', () => {
    const s = run([
      { type: 'offer', id: 1, message: 'first', now: 0 },
      { type: 'offer', id: 2, message: 'second', now: 10 },
    ]);
    expect(s.offer?.message).toBe('second');
    expect(undoReducer(s, { type: 'done', id: 1 }).offer?.id).toBe(2);
    expect(undoReducer(s, { type: 'done', id: 2 })).toEqual(NO_UNDO);
  });

  it('a second Undo while the first runs is ignored, and it does not expire nor get dismissed mid-way', () => {
    const busy = run([{ type: 'offer', id: 1, message: 'x', now: 0 }, { type: 'start' }]);
    expect(busy.busy).toBe(true);
    expect(undoReducer(busy, { type: 'start' })).toBe(busy);
    expect(undoReducer(busy, { type: 'tick', now: UNDO_MS * 2 })).toBe(busy);
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
