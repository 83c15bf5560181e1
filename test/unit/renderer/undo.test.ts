import { describe, expect, it } from 'vitest';
import { NO_UNDO, UNDO_DEPTH, UNDO_MS, decideUndo, isUndoKey, nextUndo, undoableInARow, undoReducer, type UndoEvent, type UndoPlace, type UndoState } from '../../../src/renderer/src/components/undo';
import { UndoStore, type Undone } from '../../../src/renderer/src/components/undo-store';
import { words, wordsText, type Words } from '../../../src/renderer/src/i18n/words';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';

const run = (events: UndoEvent[], from: UndoState = NO_UNDO): UndoState => events.reduce(undoReducer, from);
const UMUM: UndoPlace = { day: '2026-11-25', part: 'UMUM', name: 'Poli Umum' };
const GIGI: UndoPlace = { day: '2026-11-25', part: 'GIGI', name: 'Poli Gigi' };
const NEXT_DAY: UndoPlace = { ...UMUM, day: '2026-11-26' };
const m = (text: string): Words => words('queue.calledDone', { queue: text, name: '' });
const offer = (id: number, text: string, place = UMUM): UndoEvent => ({ type: 'offer', id, message: m(text), place });
const put = (text: string): Promise<Undone> => Promise.resolve({ message: m(text), ok: true });

/** Words in a language, with the app's catalogs (as i18next would word them: {{name}} filled in). */
function say(w: Words, lang: 'id' | 'en'): string {
  const catalog = lang === 'id' ? uiId : uiEn;
  const t = (key: string, params?: Record<string, unknown>): string => {
    const raw = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
    return String(raw).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params?.[name] ?? `{{${name}}}`));
  };
  return wordsText(w, t, lang);
}

describe('the Undo stack', () => {
  it('the toast ends when its own timer expires (about 6 s), not when an older one does; the stack stays', () => {
    const offered = run([offer(1, 'A-007')]);
    expect(nextUndo(offered)).toEqual({ id: 1, message: m('A-007'), place: UMUM, final: false });
    expect(offered.toast).toBe(1);
    expect(UNDO_MS).toBeGreaterThanOrEqual(5000);
    expect(UNDO_MS).toBeLessThanOrEqual(10000);
    const expired = undoReducer(offered, { type: 'expire', token: 1 });
    expect(expired.toast).toBeNull();
    expect(expired.stack).toHaveLength(1);
    const second = undoReducer(offered, offer(2, 'A-008'));
    expect(undoReducer(second, { type: 'expire', token: 1 }).toast).toBe(2);
  });

  it('every change is kept: undo takes the newest, then the one before (it used to keep only the last)', () => {
    let s = run([offer(1, 'SITI'), offer(2, 'RUDI')]);
    expect(nextUndo(s)?.message).toEqual(m('RUDI'));
    s = run([{ type: 'start' }, { type: 'done', id: 2, ok: true, token: 3 }], s);
    // The toast shows again, now naming what the next Ctrl+Z undoes.
    expect(nextUndo(s)?.message).toEqual(m('SITI'));
    expect(s.toast).toBe(3);
    s = run([{ type: 'start' }, { type: 'done', id: 1, ok: true, token: 4 }], s);
    expect(s).toEqual(NO_UNDO);
  });

  it(`keeps the last ${UNDO_DEPTH} changes`, () => {
    const s = run(Array.from({ length: UNDO_DEPTH + 5 }, (_, i) => offer(i + 1, `m${i + 1}`)));
    expect(s.stack).toHaveLength(UNDO_DEPTH);
    expect(s.stack[0]?.id).toBe(6);
    expect(nextUndo(s)?.id).toBe(UNDO_DEPTH + 5);
  });

  it('a second Undo while the first runs is ignored, and the toast neither expires nor is dismissed mid-way', () => {
    const busy = run([offer(1, 'x'), { type: 'start' }]);
    expect(busy.busy).toBe(true);
    expect(undoReducer(busy, { type: 'start' })).toBe(busy);
    expect(undoReducer(busy, { type: 'expire', token: 1 })).toBe(busy);
    expect(undoReducer(busy, { type: 'dismiss' })).toBe(busy);
    expect(undoReducer(NO_UNDO, { type: 'start' })).toBe(NO_UNDO);
  });

  it('a change that cannot be undone (a cancel) is a wall: Ctrl+Z stops there and never reaches the older change of another patient', () => {
    const s = run([offer(1, 'U-002 PRIYO: selesai'), { type: 'offer', id: 2, message: m('U-003 UDIN: batal'), place: UMUM, final: true }]);
    expect(s.toast).toBeNull(); // nothing to offer
    expect(decideUndo(s, UMUM)).toMatchObject({ do: 'refuse', reason: 'final' });
    expect(undoableInARow(s, UMUM)).toBe(0);
    // A newer change above the wall is undone; the wall stays under it.
    const later = undoReducer(s, offer(3, 'U-004'));
    expect(decideUndo(later, UMUM)).toMatchObject({ do: 'undo', entry: { id: 3 } });
    expect(undoableInARow(later, UMUM)).toBe(1);
  });

  it('acts only where the change was made: another unit’s tab says where; after midnight nothing of yesterday', () => {
    const s = run([offer(1, 'U-001'), offer(2, 'G-001', GIGI)]);
    expect(decideUndo(s, GIGI)).toMatchObject({ do: 'undo', entry: { id: 2 } });
    // On Poli Umum the newest change is Poli Gigi's: said, not skipped to Poli Umum's older one.
    expect(decideUndo(s, UMUM)).toMatchObject({ do: 'refuse', reason: 'elsewhere', entry: { id: 2 } });
    expect(decideUndo(s, { ...GIGI, day: NEXT_DAY.day })).toMatchObject({ do: 'refuse', reason: 'other-day' });
    expect(decideUndo(NO_UNDO, UMUM)).toEqual({ do: 'refuse', reason: 'nothing' });
  });

  it('the store: Ctrl+Z twice undoes two changes to two patients, newest first, each once', async () => {
    const store = new UndoStore();
    const calls: string[] = [];
    store.offer('followUps', UMUM, m('SITI → Umum'), () => (calls.push('SITI'), put('SITI back')));
    store.offer('followUps', UMUM, m('RUDI → Jamkesda'), () => (calls.push('RUDI'), put('RUDI back')));
    store.offer('queue', UMUM, m('U-002 BUDI: dipanggil'), () => (calls.push('BUDI'), put('BUDI back')));
    // Two at once: the second waits for nothing, it is ignored while the first runs.
    const [first, ignored] = await Promise.all([store.undo('followUps', UMUM), store.undo('followUps', UMUM)]);
    expect(first).toEqual({ message: m('RUDI back'), ok: true });
    expect(ignored).toBeNull();
    expect(await store.undo('followUps', UMUM)).toEqual({ message: m('SITI back'), ok: true });
    expect(await store.undo('followUps', UMUM)).toEqual({ message: words('undo.nothing'), ok: false });
    expect(calls).toEqual(['RUDI', 'SITI']);
    // Another screen's stack is its own.
    expect(nextUndo(store.state('queue'))?.message).toEqual(m('U-002 BUDI: dipanggil'));
  });

  it('the store: after a cancel, Ctrl+Z says the cancel is final and undoes nothing, again and again', async () => {
    const store = new UndoStore();
    const calls: string[] = [];
    store.offer('queue', UMUM, m('U-002 PRIYO: selesai'), () => (calls.push('PRIYO'), put('PRIYO back')));
    store.final('queue', UMUM, m('U-003 UDIN: batal'));
    for (let i = 0; i < 2; i++) expect(await store.undo('queue', UMUM)).toEqual({ message: words('undo.final', { change: m('U-003 UDIN: batal') }), ok: false });
    expect(calls).toEqual([]);
  });

  it('the store: a refused undo (the visit changed meanwhile) is said, and stays as a wall too', async () => {
    const store = new UndoStore();
    const calls: string[] = [];
    store.offer('queue', UMUM, m('U-002 BUDI'), () => (calls.push('BUDI'), put('BUDI back')));
    store.offer('queue', UMUM, m('U-003 ANI'), () => Promise.resolve({ message: words('undo.failed', { reason: 'changed' }), ok: false }));
    expect(await store.undo('queue', UMUM)).toEqual({ message: words('undo.failed', { reason: 'changed' }), ok: false });
    expect(await store.undo('queue', UMUM)).toMatchObject({ message: { key: 'undo.final' }, ok: false });
    expect(calls).toEqual([]);
  });

  it('the store: after midnight the stack of yesterday is dropped, and Ctrl+Z says why nothing happened', async () => {
    const store = new UndoStore();
    const calls: string[] = [];
    store.offer('queue', UMUM, m('U-005 UDIN: selesai'), () => (calls.push('UDIN'), put('UDIN back')));
    expect(await store.undo('queue', NEXT_DAY)).toEqual({ message: words('undo.otherDay'), ok: false });
    expect(store.state('queue')).toEqual(NO_UNDO);
    expect(await store.undo('queue', UMUM)).toEqual({ message: words('undo.nothing'), ok: false });
    expect(calls).toEqual([]);
  });

  it('what Ctrl+Z says is kept as words and worded in the language of the moment (the toast after a switch to English)', () => {
    const called = words('queue.calledDone', { queue: 'U-005', name: 'UDIN PANJAITAN' });
    expect(say(called, 'id')).toBe('U-005 UDIN PANJAITAN: dipanggil');
    expect(say(called, 'en')).toBe('U-005 UDIN PANJAITAN: called');
    const undone = words('queue.undone', { queue: 'U-005', name: 'UDIN PANJAITAN', status: words('queue.statusInSentence.waiting') });
    expect(say(undone, 'en')).toBe('Undone: U-005 UDIN PANJAITAN back to waiting');
    expect(say(words('undo.final', { change: words('queue.cancelledDone', { queue: 'U-003', name: 'UDIN' }) }), 'en')).toBe(
      'Nothing undone: the last change (U-003 UDIN: visit cancelled) cannot be undone.',
    );
    expect(say({ error: { code: 'visit/bad-status', params: { from: 'cancelled', to: 'waiting' } } }, 'en')).not.toMatch(/dibatalkan|kunjungan/);
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
