import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOLD_MS, MACHINE_GAP_MS, personsLead, ScanDetector, type Decision } from '../../../src/renderer/src/scan/scan-detector';

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

  it('9 digits at scanner speed and Enter: no scan, and neither the digits nor the Enter act on the screen', () => {
    const d = new ScanDetector<string>();
    const { out } = type(d, '123456789', 10);
    expect(out.at(-1)?.action).toBe('reject');
    expect(out.at(-1)?.burst).toHaveLength(9);
    expect(out.flatMap((x) => x.replay)).toEqual([]);
  });

  it('two quick digits and Enter (a person rolling two keys) are given back before the Enter', () => {
    const d = new ScanDetector<string>();
    const { out } = type(d, '12', 20);
    expect(out.at(-1)).toEqual({ replay: ['1@0', '2@1'], dropped: [], action: 'pass' });
  });

  it('fewer than 10 quick digits typed into a text field and Enter are a person\'s: they stay, the Enter passes (they used to be removed)', () => {
    // A birth date rolled at 30 ms a key (`8-6-2013`: the dashes end each burst), `08062013` in one go.
    const fieldType = (d: ScanDetector<string>, text: string, gap: number, start: number) =>
      [...text, 'Enter'].map((key, i) => d.feed({ key, time: start + i * gap, inField: true }, `${key}@${i}`));
    const d = new ScanDetector<string>();
    expect(fieldType(d, '2013', 30, 0).at(-1)).toMatchObject({ action: 'pass', dropped: [] });
    expect(fieldType(d, '08062013', 30, 5000).at(-1)).toMatchObject({ action: 'pass', dropped: [] });
    // A house number rolled at 15–20 ms (`JL MELATI 457`), and 9 digits: still a person's in a field.
    expect(fieldType(d, '457', 15, 9000).at(-1)?.action).toBe('pass');
    expect(fieldType(d, '123456789', 10, 12000).at(-1)?.action).toBe('pass');
    expect(d.pending).toBe(0);
    // 10–16 at scanner speed in a field are still a scan, 17 still a rejected one.
    expect(fieldType(d, NIK, 10, 15000).at(-1)).toMatchObject({ action: 'scan', digits: NIK });
    expect(fieldType(d, `${NIK}9`, 10, 20000).at(-1)).toMatchObject({ action: 'reject', digits: `${NIK}9` });
  });

  it('property: in a text field, 1–9 digits at any speed then Enter never scan nor reject', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,9}$/), fc.integer({ min: 1, max: 60 }), (digits, gap) => {
        const d = new ScanDetector<string>();
        const out = [...digits, 'Enter'].map((key, i) => d.feed({ key, time: 100 + i * gap, inField: true }, key));
        return out.at(-1)?.action === 'pass';
      }),
    );
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
    // A burst at scanner pace survives a stall of the PC.
    expect(d.holdFor()).toBe(MACHINE_GAP_MS);
    expect(d.tick(end + MACHINE_GAP_MS - 1)).toEqual({ replay: [], dropped: [] });
    const released = d.tick(end + MACHINE_GAP_MS);
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

  it('a scanner slowed down by a busy PC (clumps, pauses up to 100 ms, 45 ms on average) is still one scan', () => {
    // gaps[i]: the pause before key i (key 0 has none; key 16 is the Enter).
    const d = new ScanDetector<string>();
    const gaps = [0, 40, 4, 5, 100, 6, 80, 5, 95, 4, 90, 6, 85, 4, 100, 5, 30];
    const { out } = type(d, NIK, (i) => gaps[i] ?? 5);
    expect(out.at(-1)?.action).toBe('scan');
    expect(out.flatMap((x) => x.replay)).toEqual([]);
  });

  it('a 330 ms stall after 10 digits does not split the scan (no digit reaches the screen)', () => {
    const d = new ScanDetector<string>();
    const { out } = type(d, NIK, (i) => (i === 10 ? 330 : 12));
    expect(out.at(-1)?.action).toBe('scan');
    expect(out.at(-1)?.digits).toBe(NIK);
    expect(out.flatMap((x) => [...x.replay, ...x.dropped])).toEqual([]);
  });

  it('the clerk pressed a unit key 17 ms before the scanner fired: the key is given back, the scan is the NIK', () => {
    const d = new ScanDetector<string>();
    d.feed({ key: '1', time: 0 }, 'unit-key');
    const { out } = type(d, NIK, 20, 17);
    expect(out.at(-1)).toMatchObject({ action: 'scan', digits: NIK, replay: ['unit-key'] });
    expect(out.at(-1)?.burst).toHaveLength(16);
  });

  it('personsLead: only a tail with a known shape (NIK, card) is split off', () => {
    expect(personsLead(NIK)).toBe(0);
    expect(personsLead(CARD)).toBe(0);
    expect(personsLead(`2${NIK}`)).toBe(1);
    expect(personsLead(`1${CARD}`)).toBe(1);
    expect(personsLead(`12${CARD}`)).toBe(2);
    expect(personsLead('1234567890')).toBe(0);
    expect(personsLead(`${NIK}9`)).toBe(0); // 67... is no province
    expect(personsLead(`0${NIK}`)).toBe(0); // 0 is no unit key
  });

  it('in the search field (nothing held) a scan whose second key came 150 ms late is still the whole number', () => {
    const d = new ScanDetector<string>();
    let t = 0;
    const out = [...NIK, 'Enter'].map((key, i) => d.feed({ key, time: (t += i === 1 ? 150 : i === 0 ? 0 : 15), inField: true }, key));
    expect(out.at(-1)).toMatchObject({ action: 'scan', digits: NIK });
  });

  it('a stall of 106 ms after the scanner\'s first key: that key was given back, but the scan is still the whole NIK', () => {
    const d = new ScanDetector<string>();
    d.feed({ key: '3', time: 0 }, 'first');
    const { out } = type(d, NIK.slice(1), 15, 106);
    expect(out[0]?.replay).toEqual(['first']);
    expect(out.at(-1)).toMatchObject({ action: 'scan', digits: NIK });
    // The same when the hold timer gave the first key back before the second arrived.
    const timed = new ScanDetector<string>();
    timed.feed({ key: '3', time: 0 }, 'first');
    expect(timed.tick(HOLD_MS)).toEqual({ replay: ['first'], dropped: [] });
    expect(type(timed, NIK.slice(1), 15, 180).out.at(-1)).toMatchObject({ action: 'scan', digits: NIK });
    // A person's digit long before is not glued on.
    const later = new ScanDetector<string>();
    later.feed({ key: '3', time: 0 }, 'first');
    expect(type(later, NIK.slice(1), 15, 2000).out.at(-1)).toMatchObject({ action: 'scan', digits: NIK.slice(1) });
  });

  it('a lone digit waits only HOLD_MS; a second key after that starts afresh', () => {
    const d = new ScanDetector<string>();
    d.feed({ key: '1', time: 0 }, 'one');
    expect(d.holdFor()).toBe(HOLD_MS);
    expect(d.feed({ key: '2', time: HOLD_MS + 1 }, 'two')).toEqual({ replay: ['one'], dropped: [], action: 'hold' });
  });

  it('a shortcut (Alt+digit) and other keys pass and end the burst', () => {
    const d = new ScanDetector<string>();
    d.feed({ key: '1', time: 0 }, 'one');
    const alt = d.feed({ key: '2', time: 5, modified: true }, 'alt2');
    expect(alt).toEqual({ replay: ['one'], dropped: [], action: 'pass' });
    expect(d.feed({ key: 'u', time: 10 }, 'u')).toEqual({ replay: [], dropped: [], action: 'pass' });
  });

  it('property: any 10–16 digits (that is not a unit key + NIK/card) at 5–20 ms per key and Enter is exactly that scan', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10,16}$/),
        fc.array(fc.integer({ min: 5, max: 20 }), { minLength: 17, maxLength: 17 }),
        (digits, gaps) => {
          // (A unit key glued in front of a NIK or card is split off: the test above.)
          fc.pre(personsLead(digits) === 0);
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
