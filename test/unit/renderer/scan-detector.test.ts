import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOLD_MS, ScanDetector, type Decision } from '../../../src/renderer/src/scan/scan-detector';

/** Feeds `text` (digits) then Enter with the given gaps; returns every decision in order. */
function type(d: ScanDetector<string>, text: string, gap: number | ((i: number) => number), start = 1000, enter = true) {
  const out: Decision<string>[] = [];
  let t = start;
  const keys = enter ? [...text, 'Enter'] : [...text];
  keys.forEach((key, i) => {
    if (i > 0) t += typeof gap === 'number' ? gap : gap(i);
    out.push(d.feed({ key, time: t }, `${key}@${i}`));
  });
  return { out, end: t };
}

const NIK = '3673015203850003';
const CARD = '0001336526592';

describe('scan detector', () => {
  it.each([5, 12, 20])('takes 16 digits at %i ms and Enter as one scan; no key is given back', (gap) => {
    const d = new ScanDetector<string>();
    const { out } = type(d, NIK, gap);
    expect(out.slice(0, 16).every((x) => x.action === 'hold' && x.replay.length === 0)).toBe(true);
    const last = out[16];
    expect(last?.action).toBe('scan');
    expect(last?.digits).toBe(NIK);
    expect(last?.burst).toHaveLength(16);
    expect(d.pending).toBe(0);
  });

  it('a 13-digit card and a 10-digit number are scans too', () => {
    expect(type(new ScanDetector<string>(), CARD, 8).out.at(-1)?.digits).toBe(CARD);
    expect(type(new ScanDetector<string>(), '0123456789', 8).out.at(-1)?.action).toBe('scan');
  });

  it('a person typing at 80 ms or slower never makes a scan: each digit is given back, the Enter passes', () => {
    const d = new ScanDetector<string>();
    const { out } = type(d, NIK, 80);
    // Each digit is released by the next one (the pause broke the burst).
    const replayed = out.flatMap((x) => x.replay);
    expect(replayed).toEqual([...NIK].map((k, i) => `${k}@${i}`));
    expect(out.at(-1)?.action).toBe('pass');
    expect(out.some((x) => x.action === 'scan' || x.dropped.length > 0)).toBe(false);
  });

  it('9 digits at scanner speed and Enter: no scan; the digits are given back before the Enter', () => {
    const d = new ScanDetector<string>();
    const { out } = type(d, '123456789', 10);
    expect(out.at(-1)?.action).toBe('pass');
    expect(out.at(-1)?.replay).toEqual([...'123456789'].map((k, i) => `${k}@${i}`));
  });

  it('17 digits at scanner speed: rejected whole (no search, no key given back)', () => {
    const d = new ScanDetector<string>();
    const { out } = type(d, `${NIK}9`, 10);
    const last = out.at(-1);
    expect(last?.action).toBe('reject');
    expect(last?.burst).toHaveLength(17);
    expect(out.flatMap((x) => x.replay)).toEqual([]);
  });

  it('a scanner burst without Enter is dropped when the hold expires; a lone key is given back', () => {
    const d = new ScanDetector<string>();
    const { end } = type(d, NIK, 10, 1000, false);
    expect(d.tick(end + HOLD_MS - 1)).toEqual({ replay: [], dropped: [] });
    const released = d.tick(end + HOLD_MS);
    expect(released.replay).toEqual([]);
    expect(released.dropped).toHaveLength(16);

    d.feed({ key: '2', time: 5000 }, 'two');
    expect(d.tick(5000 + HOLD_MS)).toEqual({ replay: ['two'], dropped: [] });
  });

  it('a digit, a pause, then a scan: the lone digit is given back, the scan is whole', () => {
    const d = new ScanDetector<string>();
    expect(d.feed({ key: '3', time: 0 }, 'lone').action).toBe('hold');
    const { out } = type(d, CARD, 7, 400);
    expect(out[0]?.replay).toEqual(['lone']);
    expect(out.at(-1)?.action).toBe('scan');
    expect(out.at(-1)?.digits).toBe(CARD);
  });

  it('a shortcut (Alt+digit) and other keys pass and end the burst', () => {
    const d = new ScanDetector<string>();
    d.feed({ key: '1', time: 0 }, 'one');
    const alt = d.feed({ key: '2', time: 5, modified: true }, 'alt2');
    expect(alt).toEqual({ replay: ['one'], dropped: [], action: 'pass' });
    expect(d.feed({ key: 'u', time: 10 }, 'u')).toEqual({ replay: [], dropped: [], action: 'pass' });
  });

  it('property: any 10–16 digits at 5–20 ms per key and Enter is exactly that scan', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10,16}$/),
        fc.array(fc.integer({ min: 5, max: 20 }), { minLength: 17, maxLength: 17 }),
        (digits, gaps) => {
          const d = new ScanDetector<string>();
          const { out } = type(d, digits, (i) => gaps[i] ?? 5);
          return out.at(-1)?.action === 'scan' && out.at(-1)?.digits === digits && out.every((x) => x.replay.length === 0);
        },
      ),
    );
  });

  it('property: human typing (80–400 ms per key) of any digits never scans and gives every digit back in order', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), fc.array(fc.integer({ min: 80, max: 400 }), { minLength: 21, maxLength: 21 }), (digits, gaps) => {
        const d = new ScanDetector<string>();
        const { out } = type(d, digits, (i) => gaps[i] ?? 80);
        const replayed = out.flatMap((x) => x.replay);
        return out.every((x) => x.action !== 'scan' && x.dropped.length === 0) && replayed.join('') === [...digits].map((k, i) => `${k}@${i}`).join('');
      }),
    );
  });
});
