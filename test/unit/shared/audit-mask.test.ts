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

describe('maskAuditQuery: a NIK or card typed with a slip (protecttester P6)', () => {
  it('masks a NIK typed a digit short or a digit long, which the look-up reads as no NIK', () => {
    expect(maskAuditQuery('367101090977007')).toBe('3671•••••••7007');
    expect(maskAuditQuery('36710109097700755')).toBe('3671•••••••••0755');
    expect(maskAuditQuery('3671 0109 0977 007')).toBe('3671•••••••7007');
    expect(maskAuditQuery('3671-0109-0977-00755')).toBe('3671•••••••••0755');
    expect(maskAuditQuery('SITI 367101090977007')).toBe('SITI 3671•••••••7007');
    expect(maskAuditQuery('cari 123456789012 lagi')).toBe('cari ••••••••9012 lagi');
  });

  it('leaves dates, record and row numbers as typed', () => {
    expect(maskAuditQuery('SITI 12-03-1985')).toBe('SITI 12-03-1985');
    expect(maskAuditQuery('RM 00-01-23')).toBe('RM 00-01-23');
    expect(maskAuditQuery('baris 12, RM 000123, 2026-11-23 08:05')).toBe('baris 12, RM 000123, 2026-11-23 08:05');
  });

  it('never shows more than 8 digits of any number of 12-20 digits typed anyhow, nor a middle digit', () => {
    const sep = fc.constantFrom(' ', '-', '.', '\u2013', '');
    fc.assert(
      fc.property(digitString(12, 20), fc.array(sep, { minLength: 20, maxLength: 20 }), fc.constantFrom('', 'SITI ', 'nik: '), (digits, seps, before) => {
        const typed = [...digits].map((d, i) => d + (i < digits.length - 1 ? seps[i] : '')).join('');
        const shown = maskAuditQuery(before + typed).slice(before.length).replace(/\D/g, '');
        const kept = digits.length > 13 ? digits.slice(0, 4) + digits.slice(-4) : digits.slice(-4);
        expect(shown).toBe(kept);
        expect(maskAuditQuery(maskAuditQuery(before + typed))).toBe(maskAuditQuery(before + typed));
      }),
    );
  });
});
