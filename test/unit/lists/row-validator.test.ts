import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withoutTextMark } from '../../../src/shared/text-mark';
import { RowValidator, isNormalName } from '../../../src/core/lists/row-validator';
import type { RawRow } from '../../../src/core/lists/list-reader.types';

/** The normal form validate() gives a name that is not already normal. */
const normalForm = (name: string): string => withoutTextMark(name.trim()).toUpperCase().replace(/\s+/g, ' ').trim();

describe('isNormalName: a name already in its normal form skips the normalising', () => {
  it('is true only for names the normalising would give back unchanged', () => {
    const chars = fc.constantFrom(...'AZ az.,\'`="-\t\u00a0\u2003É0'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((c) => c.join('')), (name) => {
        if (isNormalName(name)) expect(normalForm(name)).toBe(name);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is true for the names lists hold, and false for those the normalising changes', () => {
    for (const name of ['SITI AMINAH', "NUR'AINI", 'H. AHMAD SUBARJO, S.PD', 'A', '']) expect(isNormalName(name), name).toBe(true);
    for (const name of ['Siti Aminah', 'SITI  AMINAH', ' SITI', 'SITI ', "'SITI", '="SITI"', 'SITI\tAMINAH', 'SITI\u00a0AMINAH', 'ÉLISE']) {
      expect(isNormalName(name), name).toBe(false);
    }
  });
});

describe('RowValidator: validity dates', () => {
  // NIK, name, TMT, TAT
  const validator = new RowValidator({ nik: 0, name: 1, validFrom: 2, validUntil: 3 }, '2026-11-29', 'words', 4);
  const row = (n: number, from: string, until: string): RawRow => ({ row: n, cells: ['3673015203850003', 'SITI AMINAH', from, until], plainText: true });
  const validity = (r: RawRow): string => {
    const outcome = validator.validate(r);
    if (outcome.kind !== 'member') throw new Error(outcome.kind);
    return outcome.member[5].split('\x1f').slice(-2).join(' ') + (outcome.warnings.length > 0 ? ` [${outcome.warnings.map((w) => `${w.code}:${w.detail}`).join()}]` : '');
  };

  it('reads each row its own dates when the rows around it repeat theirs, and warns of every unreadable one', () => {
    expect(validity(row(1, '01-01-2025', '31-12-2025'))).toBe('2025-01-01 2025-12-31');
    expect(validity(row(2, '01-01-2025', '31-12-2025'))).toBe('2025-01-01 2025-12-31');
    expect(validity(row(3, '01-01-2025', '30-06-2026'))).toBe('2025-01-01 2026-06-30');
    expect(validity(row(4, '01-01-2025', 'bulan depan'))).toBe('2025-01-01  [row/validity-unreadable:bulan depan]');
    expect(validity(row(5, '01-01-2025', 'bulan depan'))).toBe('2025-01-01  [row/validity-unreadable:bulan depan]');
    expect(validity(row(6, '-', '31-12-2025'))).toBe(' 2025-12-31');
    expect(validity(row(7, '01-01-2025', '31-12-2025'))).toBe('2025-01-01 2025-12-31');
    expect(validity(row(8, '2025-01-01', '2025-12-31'))).toBe('2025-01-01 2025-12-31');
  });
});

describe('RowValidator: the packed detail', () => {
  // NIK, name, sex, status, address, TMT, TAT
  const mapping = { nik: 0, name: 1, sex: 2, status: 3, address: 4, validFrom: 5, validUntil: 6 };
  const detailOf = (validator: RowValidator, n: number, cells: string[]): string => {
    const outcome = validator.validate({ row: n, cells: ['3673015203850003', 'SITI AMINAH', ...cells], plainText: true });
    if (outcome.kind !== 'member') throw new Error(outcome.kind);
    return outcome.member[5];
  };

  it('is what a fresh validator makes of the same row, whatever rows came before (details without copied fields are reused)', () => {
    const cells = fc.tuple(
      fc.constantFrom('L', 'P', '', 'X'),
      fc.constantFrom('AKTIF', 'NON AKTIF', 'MENINGGAL', 'PINDAH', ''),
      fc.constantFrom('', '', 'JL. MAWAR 5'),
      fc.constantFrom('01-01-2025', '01-07-2025', '', '-'),
      fc.constantFrom('31-12-2025', '30-06-2026', ''),
    );
    fc.assert(
      fc.property(fc.array(cells, { minLength: 1, maxLength: 40 }), (rows) => {
        const validator = new RowValidator(mapping, '2026-11-29', 'words', 7);
        rows.forEach((row, i) => {
          const fresh = new RowValidator(mapping, '2026-11-29', 'words', 7);
          expect(detailOf(validator, i + 2, [...row])).toBe(detailOf(fresh, i + 2, [...row]));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('carries the sex, the reason, a copied field and the dates in their places', () => {
    const validator = new RowValidator(mapping, '2026-11-29', 'words', 7);
    const fields = (d: string): string[] => d.split('\x1f');
    const plain = fields(detailOf(validator, 2, ['P', 'AKTIF', '', '01-01-2025', '31-12-2025']));
    expect([plain[0], plain[5], plain.at(-2), plain.at(-1)]).toEqual(['P', '', '2025-01-01', '2025-12-31']);
    const withAddress = fields(detailOf(validator, 3, ['P', 'AKTIF', 'JL. MAWAR 5', '01-01-2025', '31-12-2025']));
    expect(withAddress[5]).toBe('JL. MAWAR 5');
    expect(fields(detailOf(validator, 4, ['P', 'AKTIF', '', '01-01-2025', '31-12-2025']))[5]).toBe('');
  });
});
