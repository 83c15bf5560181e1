import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MASK_DOT, maskCard, maskIdentifiers, maskLongNumbers, maskNik } from '../../../src/shared/masking';
import { SEPARATOR_CODES } from '../../../src/shared/separators';

const digitsOf = (text: string): string => text.replace(/\D/g, '');
const digitString = (length: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const separator = fc.constantFrom(...SEPARATOR_CODES.map((c) => String.fromCharCode(c)));

/** The digits of an identifier written with 0-2 separators between any two digits, as clerks and files do. */
const written = (digits: string): fc.Arbitrary<string> =>
  fc.array(fc.array(separator, { maxLength: 2 }), { minLength: digits.length - 1, maxLength: digits.length - 1 }).map((gaps) => [...digits].map((d, i) => d + (gaps[i]?.join('') ?? '')).join(''));

/**
 * Text around an identifier: anything but digits. Mask dots may stand in it, though not right
 * against the number: 4 digits glued to dots are read as the kept end of a masked number.
 */
const noDigits = fc
  .string({ unit: fc.oneof(fc.constantFrom(...'abcNIK:;,"=\n() #•'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), separator), maxLength: 12 })
  .map((s) => `${s.replace(/\d/g, 'x')}x`);

describe('maskNik and maskCard', () => {
  it('keep the first and last 4 digits of a NIK, the last 4 of a card', () => {
    expect(maskNik('3273014503850003')).toBe('3273••••••••0003');
    expect(maskNik('3273 0145 0385 0003')).toBe('3273••••••••0003');
    expect(maskCard('0001336526592')).toBe('•••••••••6592');
    expect(maskCard('12')).toBe('••••');
  });

  it('are idempotent and never show a middle digit', () => {
    fc.assert(
      fc.property(digitString(16), digitString(13), (nik, card) => {
        expect(maskNik(maskNik(nik))).toBe(maskNik(nik));
        expect(maskCard(maskCard(card))).toBe(maskCard(card));
        expect(digitsOf(maskNik(nik))).toBe(nik.slice(0, 4) + nik.slice(-4));
        expect(digitsOf(maskCard(card))).toBe(card.slice(-4));
      }),
    );
  });
});

describe('maskIdentifiers', () => {
  it('masks identifiers in paths, sentences and rows', () => {
    expect(maskIdentifiers('/Peserta/nik/3673015203850003/tglSEP/2026-11-23')).toBe('/Peserta/nik/3673••••••••0003/tglSEP/2026-11-23');
    expect(maskIdentifiers('/Peserta/nokartu/0001336526592/tglSEP/2026-11-23')).toBe('/Peserta/nokartu/•••••••••6592/tglSEP/2026-11-23');
    expect(maskIdentifiers('NIK 3273.0145-0385 0003, kartu 0001 3365 26592.')).toBe('NIK 3273••••••••0003, kartu •••••••••6592.');
    expect(maskIdentifiers('baris 5 3273 0145 0385 0003')).toBe('baris 5 3273••••••••0003');
    expect(maskIdentifiers('2026-11-23 08:05, row 12, RM 000123')).toBe('2026-11-23 08:05, row 12, RM 000123');
  });

  it('leaves no middle digit of a NIK written anyhow inside any text', () => {
    fc.assert(
      fc.property(noDigits, digitString(16).chain(written).map((w) => [w, digitsOf(w)] as const), noDigits, (before, [nik, digits], after) => {
        const masked = maskIdentifiers(before + nik + after);
        expect(digitsOf(masked)).toBe(digits.slice(0, 4) + digits.slice(-4));
        expect(masked.startsWith(before) && masked.endsWith(after)).toBe(true);
      }),
    );
  });

  it('leaves only the last 4 digits of a card written anyhow inside any text', () => {
    fc.assert(
      fc.property(noDigits, digitString(13).chain(written).map((w) => [w, digitsOf(w)] as const), noDigits, (before, [card, digits], after) => {
        expect(digitsOf(maskIdentifiers(before + card + after))).toBe(digits.slice(-4));
      }),
    );
  });

  it('masks every identifier of a line of several, and nothing of the short numbers around them', () => {
    fc.assert(
      fc.property(digitString(16), digitString(13), fc.integer({ min: 1, max: 99 }), (nik, card, row) => {
        const masked = maskIdentifiers(`${row};${nik};${card};${MASK_DOT} ${row}`);
        expect(masked).toBe(`${row};${maskNik(nik)};${maskCard(card)};${MASK_DOT} ${row}`);
      }),
    );
  });

  it('is idempotent on any text, digits and dots included', () => {
    const unit = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 2, arbitrary: separator }, { weight: 1, arbitrary: fc.constantFrom(MASK_DOT, 'a', ';', '\n') });
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const once = maskIdentifiers(text);
        expect(maskIdentifiers(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves text without a 13- or 16-digit number untouched, character for character', () => {
    // Digit groups of up to 12 digits joined by anything but separators never make an identifier.
    const group = fc.integer({ min: 1, max: 12 }).chain(digitString);
    const joint = fc.string({ unit: fc.constantFrom(...'abc:;,()=+#\n•'), minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(group, joint), { maxLength: 8 }), noDigits, (parts, tail) => {
        const text = parts.map(([g, j]) => g + j).join('') + tail;
        expect(maskIdentifiers(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const noDigit = text.replace(/\d/g, '');
        expect(maskIdentifiers(noDigit)).toBe(noDigit);
      }),
    );
  });
});

describe('maskLongNumbers (the audit trail: numbers typed with a slip)', () => {
  it('masks a number of 12-20 digits written anyhow inside any text as one number', () => {
    fc.assert(
      fc.property(noDigits, fc.integer({ min: 12, max: 20 }).chain(digitString).chain((d) => written(d).map((w) => [w, d] as const)), noDigits, (before, [typed, digits], after) => {
        const masked = maskLongNumbers(before + typed + after);
        expect(digitsOf(masked)).toBe(digits.length > 13 ? digits.slice(0, 4) + digits.slice(-4) : digits.slice(-4));
        expect(masked.startsWith(before) && masked.endsWith(after)).toBe(true);
      }),
    );
  });

  it('leaves no 12 digits in a row and is idempotent on any text', () => {
    const unit = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'0123456789') }, { weight: 2, arbitrary: separator }, { weight: 1, arbitrary: fc.constantFrom(MASK_DOT, 'a', ';', '\n') });
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const once = maskLongNumbers(text);
        expect(once).not.toMatch(/\d{12}/);
        expect(maskLongNumbers(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('masks as maskIdentifiers does where that finds a NIK or card, and leaves short numbers', () => {
    expect(maskLongNumbers('NIK 3273.0145-0385 0003, kartu 0001 3365 26592.')).toBe('NIK 3273••••••••0003, kartu •••••••••6592.');
    expect(maskLongNumbers('2026-11-23 08:05, row 12, RM 000123')).toBe('2026-11-23 08:05, row 12, RM 000123');
    expect(maskLongNumbers('"367101090977007": 0 cocok')).toBe('"3671•••••••7007": 0 cocok');
  });
});
