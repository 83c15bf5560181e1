import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseCard } from '../../../src/shared/card';

describe('parseCard', () => {
  it('accepts 13-digit text as is', () => {
    expect(parseCard('0001336526592')).toEqual({ ok: true, card: '0001336526592', restoredZeros: false });
    expect(parseCard('1234567890123')).toEqual({ ok: true, card: '1234567890123', restoredZeros: false });
  });

  it('strips spaces, dashes, tabs, NBSP and an Excel text apostrophe', () => {
    for (const raw of ['0001 3365 2659 2', '0001-3365-26592', ' 0001336526592 ', '0001\u00a0336526592', "'0001336526592", '0001336526592\t']) {
      expect(parseCard(raw)).toEqual({ ok: true, card: '0001336526592', restoredZeros: false });
    }
  });

  it('restores leading zeros a spreadsheet ate, from numbers and numeric text', () => {
    expect(parseCard(1336526592)).toEqual({ ok: true, card: '0001336526592', restoredZeros: true });
    expect(parseCard('1336526592')).toEqual({ ok: true, card: '0001336526592', restoredZeros: true });
    expect(parseCard(123456789)).toEqual({ ok: true, card: '0000123456789', restoredZeros: true });
    expect(parseCard(123456789012)).toEqual({ ok: true, card: '0123456789012', restoredZeros: true });
    expect(parseCard(1234567890123)).toEqual({ ok: true, card: '1234567890123', restoredZeros: false });
  });

  it('rejects by reason', () => {
    expect(parseCard(null)).toEqual({ ok: false, reason: 'empty' });
    expect(parseCard(undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(parseCard('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCard('  - ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseCard('0001336526S92')).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCard('1.33653E+12')).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCard(1.5)).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCard(-1336526592)).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCard(Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'not-digits' });
    expect(parseCard('12345678')).toEqual({ ok: false, reason: 'length' });
    expect(parseCard(12345678)).toEqual({ ok: false, reason: 'length' });
    expect(parseCard('00013365265921')).toEqual({ ok: false, reason: 'length' });
    expect(parseCard(3673014503850003)).toEqual({ ok: false, reason: 'length' }); // a NIK, not a card
  });

  const cardWithZeros = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^\d{12}$/))
    .map(([zeros, first, rest]) => ('0'.repeat(zeros) + String(first) + rest).slice(0, 13));

  it('property: a card with leading zeros survives a trip through a number', () => {
    fc.assert(
      fc.property(cardWithZeros, (card) => {
        expect(card).toMatch(/^0{1,4}[1-9]\d*$/);
        expect(card).toHaveLength(13);
        expect(parseCard(Number(card))).toEqual({ ok: true, card, restoredZeros: true });
        expect(parseCard(String(Number(card)))).toEqual({ ok: true, card, restoredZeros: true });
        expect(parseCard(card)).toEqual({ ok: true, card, restoredZeros: false });
      }),
    );
  });

  it('property: never throws and only returns 13-digit cards', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer()), (raw) => {
        const r = parseCard(raw);
        if (r.ok) expect(r.card).toMatch(/^\d{13}$/);
      }),
    );
  });
});
