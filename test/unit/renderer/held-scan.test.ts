import { describe, expect, it } from 'vitest';
import { heldScan, type TimedKey } from '../../../src/renderer/src/features/lookup/held-scan';

/** Keys `gap` ms apart from t=0. */
const keys = (text: string[], gap: number, from = 0): TimedKey[] => text.map((key, i) => ({ key, time: from + i * gap }));
const digits = (s: string): string[] => [...s];

describe('a scan among the keys held ahead of an answer', () => {
  it('digits at scanner pace ending with Enter are a scan, taken with its Enter; the keys after it stay', () => {
    const held = [...keys(digits('3673011705900001'), 30), { key: 'Enter', time: 480 }, { key: '3', time: 700 }];
    expect(heldScan(held, 800)).toEqual({ kind: 'ended', digits: '3673011705900001', taken: 17, usable: true });
  });

  it('one stall of the busy page inside the burst does not make it a person\'s', () => {
    const held = keys(digits('367301'), 30);
    held[3] = { key: '3', time: 400 };
    held[4] = { key: '0', time: 430 };
    held[5] = { key: '1', time: 460 };
    expect(heldScan(held, 500)).toEqual({ kind: 'open' });
    expect(heldScan([...held, { key: 'Tab', time: 490 }], 500)).toMatchObject({ kind: 'ended', digits: '367301', usable: false });
  });

  it('a scanner without a suffix: the burst ends after a second of quiet', () => {
    const held = keys(digits('0001336526601'), 20);
    expect(heldScan(held, 300)).toEqual({ kind: 'open' });
    expect(heldScan(held, 1300)).toEqual({ kind: 'ended', digits: '0001336526601', taken: 13, usable: true });
  });

  it("a person's digits are no scan; a lone digit still coming may be a scan's first key", () => {
    expect(heldScan(keys(digits('3673'), 120), 400)).toEqual({ kind: 'none' });
    expect(heldScan(keys(['3'], 0), 100)).toEqual({ kind: 'open' });
    expect(heldScan(keys(['3'], 0), 1100)).toEqual({ kind: 'none' });
    expect(heldScan([...keys(['3'], 0), { key: 'Enter', time: 90 }], 100)).toEqual({ kind: 'none' });
    expect(heldScan(keys(['Enter', '3', 'Enter'], 10), 100)).toEqual({ kind: 'none' });
    // Keys without a time (given back by another hook) are never a scan.
    expect(heldScan([{ key: '3' }, { key: '6' }, { key: '7' }], 100)).toEqual({ kind: 'none' });
  });
});
