import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dobToIso, isoToDob, isoToDobBySlices } from '../../../src/core/lists/member-table';

describe('birth dates as the members table keeps them', () => {
  it('yyyy-mm-dd read by character codes gives what the slices and Number give, for dates and for any other text', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 4 });
    const isoLike = fc.tuple(digits, digits, digits).map(([y, m, d]) => `${y.padStart(4, '0')}-${m.padEnd(2, '0').slice(0, 2)}-${d.padEnd(2, '0').slice(0, 2)}`);
    fc.assert(
      fc.property(fc.oneof(isoLike, fc.string({ maxLength: 12 }), fc.constant('1985-0x-12'), fc.constant('1985-03-1 ')), (text) => {
        expect(isoToDob(text)).toEqual(isoToDobBySlices(text));
      }),
      { numRuns: 3000 },
    );
    expect(isoToDob('1985-03-12')).toBe(19850312);
    expect(dobToIso(isoToDob('2019-11-09'))).toBe('2019-11-09');
  });
});
