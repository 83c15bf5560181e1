import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyQuery } from '../../../src/core/lookup/classify-query';
import { shouldAutoSearch } from '../../../src/renderer/src/features/lookup/query-shape';
import { parseCard } from '../../../src/shared/card';
import { parseNik } from '../../../src/shared/nik';
import { SEPARATOR_CODES, isSeparator, stripSeparators } from '../../../src/shared/separators';

const separator = fc.constantFrom(...SEPARATOR_CODES.map((c) => String.fromCharCode(c)));

/** Digits with separators between some of them, the way clerks, phones and copied text write them. */
function spaced(digits: string): fc.Arbitrary<string> {
  return fc.array(fc.option(separator, { nil: '' }), { minLength: digits.length - 1, maxLength: digits.length - 1 }).map((seps) =>
    [...digits].map((d, i) => d + (seps[i] ?? '')).join(''),
  );
}

describe('one rule for separators', () => {
  it('a NIK written with en-dashes is a NIK to every reader', () => {
    const q = '3673\u20130152\u20130385\u20130003';
    expect(parseNik(q)).toMatchObject({ ok: true, info: { nik: '3673015203850003' } });
    expect(classifyQuery(q)).toEqual({ kind: 'nik', nik: '3673015203850003' });
    expect(shouldAutoSearch(q)).toBe(true);
  });

  it('em-dashes, slashes, dots and narrow spaces too', () => {
    for (const q of ['3673\u20140152\u20140385\u20140003', '3673/0152/0385/0003', '3673.0152.0385.0003', '3673\u202f0152\u202f0385\u202f0003']) {
      expect(classifyQuery(q)).toEqual({ kind: 'nik', nik: '3673015203850003' });
    }
    expect(parseCard('0001.3365.2659.2')).toMatchObject({ ok: true, card: '0001336526592' });
    expect(parseCard('0001\u20133365\u20132659\u20132')).toMatchObject({ ok: true, card: '0001336526592' });
  });

  it('a float printed by an export ("1336526592.0") is still no card', () => {
    expect(parseCard('1336526592.0')).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCard('1336526592.00 ')).toEqual({ ok: false, reason: 'not-digits' });
  });

  it('letters and other punctuation are no separators', () => {
    for (const c of ['a', 'Z', '0', '9', ',', ';', '+', '_', '(']) expect(isSeparator(c.charCodeAt(0))).toBe(false);
    expect(stripSeparators('3673 0152')).toBe('36730152');
    const plain = '3673015203850003';
    expect(stripSeparators(plain)).toBe(plain);
  });

  it('property: NIK parser, query classifier and the renderer agree on any separated NIK', () => {
    const nik = fc.tuple(fc.constantFrom('36', '73', '11', '97'), fc.stringMatching(/^\d{10}$/), fc.stringMatching(/^\d{3}[1-9]$/)).map((p) => p.join(''));
    fc.assert(
      fc.property(nik.chain((n) => spaced(n).map((q) => [n, q] as const)), ([n, q]) => {
        expect(parseNik(q)).toMatchObject({ ok: true, info: { nik: n } });
        expect(classifyQuery(q)).toEqual({ kind: 'nik', nik: n });
        expect(shouldAutoSearch(q)).toBe(true);
      }),
    );
  });

  it('property: a separated card number is the same card to the parser and the classifier', () => {
    const card = fc.stringMatching(/^0{3}[1-9]\d{9}$/);
    fc.assert(
      fc.property(card.chain((c) => spaced(c).map((q) => [c, q] as const)), ([c, q]) => {
        fc.pre(!/\d\.0+$/.test(q)); // an export's float tail is refused on purpose (test above)
        expect(parseCard(q)).toMatchObject({ ok: true, card: c });
        expect(classifyQuery(q)).toMatchObject({ kind: 'card', card: c });
      }),
    );
  });
});
