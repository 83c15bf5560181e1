import { describe, expect, it } from 'vitest';
import { NO_UNDO, UNDO_DEPTH, UNDO_MS, isUndoKey, nextUndo, undoReducer, type UndoEvent, type UndoState } from '../../../src/renderer/src/components/undo';
import { UndoStore } from '../../../src/renderer/src/components/undo-store';

const run = (events: UndoEvent[], from: UndoState = NO_UNDO): UndoState => events.reduce(undoReducer, from);

describe('the Undo stack', () => {
  it('the toast ends when its own timer expires (about 6 s), not when an older one does; the stack stays', () => {
    const offered = run([{ type: 'offer', id: 1, message: 'A-007 ENTIN ROHMAH: selesai' }]);
    expect(nextUndo(offered)).toEqual({ id: 1, message: 'A-007 ENTIN ROHMAH: selesai' });
    expect(offered.toast).toBe(1);
    expect(UNDO_MS).toBeGreaterThanOrEqual(5000);
    expect(UNDO_MS).toBeLessThanOrEqual(10000);
    const expired = undoReducer(offered, { type: 'expire', token: 1 });
    expect(expired.toast).toBeNull();
    expect(expired.stack).toHaveLength(1);
    const second = undoReducer(offered, { type: 'offer', id: 2, message: 'ENTIN ROHMAH → JKN' });
    expect(undoReducer(second, { type: 'expire', token: 1 }).toast).toBe(2);
  });

  it('every change is kept: undo takes the newest, then the one before (it used to keep only the last)', () => {
    let s = run([
      { type: 'offer', id: 1, message: 'SITI → Umum' },
      { type: 'offer', id: 2, message: 'RUDI → Jamkesda / PBI daerah' },
    ]);
    expect(nextUndo(s)?.message).toBe('RUDI → Jamkesda / PBI daerah');
    s = run([{ type: 'start' }, { type: 'done', id: 2, token: 3 }], s);
    // The toast shows again, now naming what the next Ctrl+Z undoes.
    expect(nextUndo(s)?.message).toBe('SITI → Umum');
    expect(s.toast).toBe(3);
    s = run([{ type: 'start' }, { type: 'done', id: 1, token: 4 }], s);
    expect(s).toEqual(NO_UNDO);
  });

  it(`keeps the last ${UNDO_DEPTH} changes`, () => {
    const s = run(Array.from({ length: UNDO_DEPTH + 5 }, (_, i) => ({ type: 'offer' as const, id: i + 1, message: `m${i + 1}` })));
    expect(s.stack).toHaveLength(UNDO_DEPTH);
    expect(s.stack[0]?.id).toBe(6);
    expect(nextUndo(s)?.id).toBe(UNDO_DEPTH + 5);
  });

  it('a second Undo while the first runs is ignored, and the toast neither expires nor is dismissed mid-way', () => {
    const busy = run([{ type: 'offer', id: 1, message: 'x' }, { type: 'start' }]);
    expect(busy.busy).toBe(true);
    expect(undoReducer(busy, { type: 'start' })).toBe(busy);
    expect(undoReducer(busy, { type: 'expire', token: 1 })).toBe(busy);
    expect(undoReducer(busy, { type: 'dismiss' })).toBe(busy);
    expect(undoReducer(NO_UNDO, { type: 'start' })).toBe(NO_UNDO);
  });

  it('the store: Ctrl+Z twice undoes two changes to two patients, newest first, each once; a refused one says why and the next goes on', async () => {
    const store = new UndoStore();
    const calls: string[] = [];
    store.offer('followUps', 'SITI → Umum', async () => (calls.push('SITI'), 'Diurungkan: SITI kembali Penjamin menyusul'));
    store.offer('followUps', 'RUDI → Jamkesda', async () => (calls.push('RUDI'), 'Diurungkan: RUDI kembali Penjamin menyusul'));
    store.offer('queue', 'U-002 BUDI: dipanggil', async () => (calls.push('BUDI'), 'Diurungkan: U-002 BUDI kembali Menunggu'));
    // Two at once: the second waits for nothing, it is ignored while the first runs.
    const [first, ignored] = await Promise.all([store.undo('followUps'), store.undo('followUps')]);
    expect(first).toEqual({ message: 'Diurungkan: RUDI kembali Penjamin menyusul', ok: true });
    expect(ignored).toBeNull();
    expect(await store.undo('followUps')).toEqual({ message: 'Diurungkan: SITI kembali Penjamin menyusul', ok: true });
    expect(await store.undo('followUps')).toBeNull();
    expect(calls).toEqual(['RUDI', 'SITI']);
    // Another screen's stack is its own.
    expect(nextUndo(store.state('queue'))?.message).toBe('U-002 BUDI: dipanggil');

    store.offer('queue', 'U-003 ANI: selesai', () => Promise.reject(new Error('Tidak dapat diurungkan: kunjungan sudah berubah')));
    expect(await store.undo('queue')).toEqual({ message: 'Tidak dapat diurungkan: kunjungan sudah berubah', ok: false });
    expect(await store.undo('queue')).toEqual({ message: 'Diurungkan: U-002 BUDI kembali Menunggu', ok: true });
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
