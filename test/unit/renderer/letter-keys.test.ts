import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUpKey } from '../../../src/renderer/src/features/followups/followup-keys';
import { isPrintable, LetterGuard, QUIET_MS, SETTLE_MS } from '../../../src/renderer/src/components/letter-keys';
import type { FollowUpKind, Payer } from '../../../src/shared/counter';

/**
 * Plays keys into a guard as the hook does (each key first runs an action that came due; a timer
 * runs the last one) and returns the actions that ran, with the keys that were ignored.
 */
function play(keys: { key: string; at: number }[], actionOf: (key: string, i: number) => string | null) {
  const guard = new LetterGuard<string>();
  const ran: string[] = [];
  const ignored: string[] = [];
  keys.forEach(({ key, at }, i) => {
    const v = guard.press(at, actionOf(key, i));
    if (v.due) ran.push(v.due);
    if (v.ignored) ignored.push(key);
  });
  const end = (keys.at(-1)?.at ?? 0) + 60_000;
  const last = guard.tick(end);
  if (last) ran.push(last);
  return { ran, ignored };
}

const typed = (word: string, gap: number, start = 10_000) => [...word].map((key, i) => ({ key, at: start + i * gap }));

/** The follow-up list's meaning of a letter for a settle-payer task (each letter acts on the task selected then). */
const settle = { count: 5, index: 0, kind: 'settle-payer' as FollowUpKind, payer: 'pending' as Payer };
const followUpAction = (key: string, i: number): string | null => {
  const a = followUpKey({ key, altKey: false, ctrlKey: false, metaKey: false }, settle);
  return a && a.type !== 'move' ? `${a.type === 'payer' ? a.payer : a.type}#${i}` : null;
};
/** The queue's P (call next), S (served), B (cancel, asks) on the selected row. */
const queueAction = (key: string, i: number): string | null => (['p', 's', 'b'].includes(key.toLowerCase()) ? `${key}#${i}` : null);

describe('single-letter actions against typing (queue and follow-ups)', () => {
  it('typing "budi" at 120 ms a key on the follow-ups changes nothing (it used to set SITI to Umum and RUDI to Jamkesda)', () => {
    const { ran, ignored } = play(typed('budi', 120), followUpAction);
    expect(ran).toEqual([]);
    expect(ignored).toEqual([...'budi']);
  });

  it('typing "pasien" at 120 ms on the queue calls nobody and serves nobody', () => {
    expect(play(typed('pasien', 120), queueAction).ran).toEqual([]);
    // A word starting with an action letter, typed fast or at a typist's 300 ms.
    expect(play(typed('umar', 80), followUpAction).ran).toEqual([]);
    expect(play(typed('jumadi', 300), followUpAction).ran).toEqual([]);
  });

  it('slow typing (600 ms a key, past SETTLE_MS) makes one change at most: every later letter is ignored', () => {
    const { ran } = play(typed('udjkm', 600), followUpAction);
    expect(ran).toEqual(['umum#0']);
    expect(play(typed('ssss', 700), queueAction).ran).toEqual(['s#0']);
  });

  it('a key pressed alone acts, SETTLE_MS later; another alone after a quiet second acts too', () => {
    const guard = new LetterGuard<string>();
    expect(guard.press(0, 'jkn')).toEqual({ due: null, ignored: false, alone: true, dropped: null });
    expect(guard.tick(SETTLE_MS - 1)).toBeNull();
    expect(guard.dueIn(SETTLE_MS - 1)).toBe(1);
    expect(guard.tick(SETTLE_MS)).toBe('jkn');
    expect(guard.tick(SETTLE_MS + 1)).toBeNull();
    // Within QUIET_MS of the last key: ignored (the clerk reads the toast first).
    expect(guard.press(QUIET_MS, 'umum')).toEqual({ due: null, ignored: true, alone: false, dropped: null });
    expect(guard.tick(QUIET_MS + SETTLE_MS)).toBeNull();
    // The ignored key counts as typing too: quiet is counted from it.
    expect(guard.press(QUIET_MS + QUIET_MS, 'umum').ignored).toBe(true);
    expect(guard.press(3 * QUIET_MS + 1, 'umum').ignored).toBe(false);
    expect(guard.tick(3 * QUIET_MS + 1 + SETTLE_MS)).toBe('umum');
  });

  it('a late timer: the next key first runs the action that came due, then is judged', () => {
    const guard = new LetterGuard<string>();
    guard.press(0, 'p');
    expect(guard.press(SETTLE_MS + 10, 's')).toEqual({ due: 'p', ignored: true, alone: false, dropped: null });
  });

  it('Escape or a shortcut drops a letter still waiting, and hands it back so the screen can name it', () => {
    const guard = new LetterGuard<string>();
    guard.press(0, 'p');
    expect(guard.cancel()).toBe('p');
    expect(guard.tick(SETTLE_MS)).toBeNull();
    expect(guard.dueIn(SETTLE_MS)).toBeNull();
    expect(guard.cancel()).toBeNull(); // nothing waited: nothing to say
  });

  it('a second key within SETTLE_MS names the letter it dropped (typing); later keys drop nothing more', () => {
    const guard = new LetterGuard<string>();
    guard.press(0, 's#0');
    expect(guard.press(80, 'x#1')).toEqual({ due: null, ignored: true, alone: false, dropped: 's#0' });
    expect(guard.press(160, null).dropped).toBeNull();
  });

  it('a scan right after a letter (F7): flush() runs it at once, before SETTLE_MS; typing is still held back', () => {
    const guard = new LetterGuard<string>();
    guard.press(0, 's');
    expect(guard.flush()).toBe('s');
    expect(guard.tick(SETTLE_MS)).toBeNull(); // run once, not again by the timer
    expect(guard.flush()).toBeNull();
    // A word's first letter was dropped by the second: a scan after the word runs nothing.
    guard.press(5000, 'b');
    guard.press(5100, null);
    expect(guard.flush()).toBeNull();
  });

  it('the app runs the waiting letters of the screens shown when a scan comes (letter-flush.ts)', async () => {
    const { onScanRunLetter, runWaitingLetters } = await import('../../../src/renderer/src/components/letter-flush');
    const ran: string[] = [];
    const off = onScanRunLetter(() => ran.push('queue'));
    runWaitingLetters();
    off();
    runWaitingLetters(); // a screen left is no longer asked
    expect(ran).toEqual(['queue']);
  });

  it('only one character without Ctrl/Alt/Meta is judged (Ctrl+Z, Alt+3, arrows, Enter are not)', () => {
    const k = (key: string, m: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...m });
    expect(isPrintable(k('u'))).toBe(true);
    expect(isPrintable(k('U'))).toBe(true);
    expect(isPrintable(k(' '))).toBe(true);
    expect(isPrintable(k('z', { ctrlKey: true }))).toBe(false);
    expect(isPrintable(k('3', { altKey: true }))).toBe(false);
    for (const key of ['ArrowDown', 'Enter', 'Escape', 'F1', 'Home']) expect(isPrintable(k(key))).toBe(false);
  });

  it('property: keys closer than QUIET_MS make one change at most; closer than SETTLE_MS, none (unless one key)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{2,20}$/), fc.array(fc.integer({ min: 1, max: QUIET_MS }), { minLength: 20, maxLength: 20 }), (word, gaps) => {
        let at = 5000;
        const keys = [...word].map((key, i) => ({ key, at: (at += i === 0 ? 0 : (gaps[i] ?? 1)) }));
        const { ran } = play(keys, (_, i) => `#${i}`);
        expect(ran.length).toBeLessThanOrEqual(1);
        if (gaps.slice(1, word.length).every((g) => g < SETTLE_MS)) expect(ran).toEqual([]);
      }),
    );
  });
});

describe('a letter pressed alone that has no action here', () => {
  it('is told apart from typing, so the screen can say why it did nothing', () => {
    const guard = new LetterGuard<string>();
    expect(guard.press(0, null)).toEqual({ due: null, ignored: true, alone: true, dropped: null });
    // Typing: the next keys come at once.
    expect(guard.press(100, null).alone).toBe(false);
    expect(guard.press(100 + QUIET_MS + 1, null).alone).toBe(true);
  });

  it('the queue says which row is missing; the follow-ups which task takes the key', async () => {
    const { queueLetterWhyNot } = await import('../../../src/renderer/src/features/queue/queue-keys');
    const { followUpLetterWhyNot } = await import('../../../src/renderer/src/features/followups/followup-keys');
    const row = (status: 'waiting' | 'called' | 'served' | 'cancelled') => ({ status }) as Parameters<typeof queueLetterWhyNot>[1];
    expect(queueLetterWhyNot('s', null)).toBe('pick-row');
    expect(queueLetterWhyNot('u', row('waiting'))).toBe('recall-called-only');
    expect(queueLetterWhyNot('b', row('served'))).toBe('row-closed');
    expect(queueLetterWhyNot('s', row('called'))).toBeNull(); // it acts
    expect(queueLetterWhyNot('x', null)).toBeNull(); // typing
    expect(queueLetterWhyNot('p', null)).toBeNull(); // call next needs no row
    expect(followUpLetterWhyNot('j', 'identify-patient')).toBe('payer-on-identity');
    expect(followUpLetterWhyNot('C', 'identify-patient')).toBe('payer-on-identity');
    expect(followUpLetterWhyNot('i', 'settle-payer')).toBe('identify-on-payer');
    expect(followUpLetterWhyNot('j', 'settle-payer')).toBeNull();
  });
});

