import { describe, expect, it } from 'vitest';
import { CLAIM_MS, heldKeyStep, TypeAhead, type HeldKey } from '../../../src/renderer/src/features/lookup/type-ahead';

const key = (k: string): HeldKey => ({ key: k, init: { key: k } });

describe('keys typed ahead of the screen', () => {
  it('holds every key from the search asked for until its answer, then gives them to the unit step one by one', () => {
    const gate = new TypeAhead();
    expect(gate.holding).toBe(false);
    gate.begin();
    expect(gate.holding).toBe(true);
    const asked = gate.claim();
    expect(gate.claim()).toBeNull(); // a second look-up (typing) is not the one asked for
    gate.hold(key('Enter'));
    gate.hold(key('3'));
    gate.hold(key('Enter'));
    expect(gate.next('answer')).toBeNull(); // the answer is not in yet
    gate.answered(asked);
    expect(gate.next('answer')?.key).toBe('Enter');
    expect(gate.next('pending')).toBeNull(); // the NIK check runs
    expect(gate.mustDrop('pending')).toBe(false);
    expect(gate.next('unit')?.key).toBe('3');
    expect(gate.next('unit')?.key).toBe('Enter');
    expect(gate.holding).toBe(false);
  });

  it('drops the keys where the answer shows no unit step; a new search drops those of the old one', () => {
    const gate = new TypeAhead();
    gate.begin();
    gate.answered(gate.claim());
    gate.hold(key('3'));
    expect(gate.mustDrop('answer')).toBe(true); // a digit on an answer would be typed into the search
    gate.hold(key('Enter'));
    expect(gate.mustDrop('other')).toBe(true);
    expect(gate.drop()).toBe(2);
    gate.begin();
    gate.hold(key('3'));
    gate.begin();
    expect(gate.drop()).toBe(0);
  });

  it('an answer of an older look-up does not end the wait; Esc ends it', () => {
    const gate = new TypeAhead();
    gate.begin();
    const first = gate.claim();
    gate.begin();
    const second = gate.claim();
    gate.answered(first);
    expect(gate.awaitingAnswer).toBe(true);
    gate.answered(second);
    expect(gate.awaitingAnswer).toBe(false);
    gate.begin();
    gate.hold(key('3'));
    gate.cancel();
    expect(gate.holding).toBe(false);
  });

  it('what a held key does on each screen', () => {
    expect(heldKeyStep('pending', '3')).toBe('wait');
    expect(heldKeyStep('unit', '3')).toBe('replay');
    expect(heldKeyStep('unit', 'j')).toBe('replay');
    expect(heldKeyStep('unit', 'Tab')).toBe('drop');
    expect(heldKeyStep('answer', 'Enter')).toBe('replay');
    expect(heldKeyStep('answer', '3')).toBe('drop');
    expect(heldKeyStep('other', 'Enter')).toBe('drop');
  });
});

describe('a search asked for that never starts', () => {
  it('holds nothing once CLAIM_MS passed without a look-up (the same card scanned again); a claimed one waits for its answer', () => {
    let t = 0;
    const gate = new TypeAhead(() => t);
    gate.begin();
    expect(gate.holding).toBe(true);
    t = CLAIM_MS;
    expect(gate.holding).toBe(false);
    gate.begin();
    const asked = gate.claim();
    t += 10 * CLAIM_MS;
    expect(gate.holding).toBe(true);
    gate.answered(asked);
    expect(gate.holding).toBe(false);
  });

  it('digits at scanner pace are a scan: never given to the unit step one by one, never dropped while they come', () => {
    let now = 0;
    const gate = new TypeAhead(() => now);
    gate.begin();
    gate.answered(gate.claim());
    for (const [i, d] of [...'3673011705900001'].entries()) gate.hold({ key: d, time: i * 30, init: { key: d } });
    now = 500;
    expect(gate.next('unit')).toBeNull();
    expect(gate.mustDrop('answer')).toBe(false);
    gate.hold({ key: 'Enter', time: 520, init: { key: 'Enter' } });
    gate.hold({ key: '3', time: 600, init: { key: '3' } });
    expect(gate.scan(620)).toEqual({ kind: 'ended', digits: '3673011705900001', taken: 17, usable: true });
    expect(gate.take(17).map((k) => k.key)).toEqual(['3']);
    expect(gate.holding).toBe(false);
  });
});
