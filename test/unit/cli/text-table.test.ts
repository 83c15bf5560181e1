import { describe, expect, it } from 'vitest';
import { textTable } from '../../../src/cli/text-table';

describe('a report table in a terminal', () => {
  it('aligns the columns, numbers to the right, an empty cell as "-"', () => {
    const lines = textTable({ headers: ['Unit', 'Penjamin', 'Median'], rows: [['UMUM', 'JKN', 12.5], ['GIGI', 'Penjamin menyusul', null]] });
    expect(lines).toEqual([
      '  Unit  Penjamin           Median',
      '  ----  -----------------  ------',
      '  UMUM  JKN                  12.5',
      '  GIGI  Penjamin menyusul       -',
    ]);
  });

  it('counts an en dash as one character, and keeps a table without rows to its header', () => {
    expect(textTable({ headers: ['Jam', 'N'], rows: [['08:00–09:00', 3]] })[2]).toBe('  08:00–09:00  3');
    expect(textTable({ headers: ['A', 'B'], rows: [] }, '')).toEqual(['A  B', '-  -']);
  });
});
