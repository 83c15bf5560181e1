import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskAuditQuery } from '../../../src/shared/audit-mask';

const digitString = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('maskAuditQuery: an audited query masked by what the core read it as', () => {
  it('masks a card typed without its leading zeros as the card (the length rule alone let it through)', () => {
    expect(maskAuditQuery('1336526592', '0001336526592')).toBe('•••••••••6592');
    expect(maskAuditQuery('1336-526-592', '0001336526592')).toBe('•••••••••6592');
    expect(maskAuditQuery('0001336526592', '0001336526592')).toBe('•••••••••6592');
    expect(maskAuditQuery('3673 0152 0385 0003', '3673015203850003')).toBe('3673••••••••0003');
  });

  it('reads a query without a key (an older entry) as the look-up does, and leaves a name as typed', () => {
    expect(maskAuditQuery('1336526592')).toBe('•••••••••6592');
    expect(maskAuditQuery('3673015203850003')).toBe('3673••••••••0003');
    expect(maskAuditQuery('SITI AMINAH 1985-03-12')).toBe('SITI AMINAH 1985-03-12');
    expect(maskAuditQuery('000123')).toBe('000123');
  });

  it('never shows more than the last four digits of any card typed with 9-13 digits, with or without its key', () => {
    fc.assert(
      fc.property(digitString(9, 13), fc.boolean(), (typed, withKey) => {
        const key = typed.padStart(13, '0');
        const shown = maskAuditQuery(typed, withKey ? key : undefined);
        expect(shown.replace(/\D/g, '')).toBe(key.slice(-4));
      }),
    );
  });
});
