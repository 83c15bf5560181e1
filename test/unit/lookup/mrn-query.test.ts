import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mrnProbes, MAX_SHORT_SEQ } from '../../../src/core/lookup/mrn-query';
import { formatMrn } from '../../../src/shared/settings';

describe('record numbers as typed', () => {
  it('{seq:6}: the number with or without its zeros', () => {
    expect(mrnProbes('000005', '{seq:6}', '')).toEqual({ exact: ['000005'], glob: null });
    expect(mrnProbes('5', '{seq:6}', '')).toEqual({ exact: ['5', '000005'], glob: null });
    expect(mrnProbes(' 00 0005 ', '{seq:6}', '')).toEqual({ exact: ['00 0005', '000005'], glob: null });
  });

  it('RM-{yyyy}-{seq:5}: case, separators, zeros, and the year left out', () => {
    expect(mrnProbes('rm 2026 5', 'RM-{yyyy}-{seq:5}', '').exact).toContain('RM-2026-00005');
    expect(mrnProbes('RM.2026.00005', 'RM-{yyyy}-{seq:5}', '').exact).toContain('RM-2026-00005');
    expect(mrnProbes('RM\u20132026\u201300005', 'RM-{yyyy}-{seq:5}', '').exact).toContain('RM-2026-00005');
    expect(mrnProbes('RM 5', 'RM-{yyyy}-{seq:5}', '').glob).toBe('RM-[0-9][0-9][0-9][0-9]-00005');
    expect(mrnProbes('5', 'RM-{yyyy}-{seq:5}', '').glob).toBe('RM-[0-9][0-9][0-9][0-9]-00005');
  });

  it('the facility code and two-digit years', () => {
    expect(mrnProbes('pkm01/26/12', '{code}/{yy}/{seq:4}', 'PKM01').exact).toContain('PKM01/26/0012');
    expect(mrnProbes('12', '{code}/{yy}/{seq:4}', 'PKM01').glob).toBe('PKM01/[0-9][0-9]/0012');
  });

  it('a card without its zeros or a NIK is never read as a sequence, only as an exact record', () => {
    for (const q of ['1336526592', '123456789', '0001336526592', '3673015203850003']) {
      expect(mrnProbes(q, '{seq:6}', '')).toEqual({ exact: [q], glob: null });
      expect(mrnProbes(q, 'RM-{yyyy}-{seq:5}', '')).toEqual({ exact: [q], glob: null });
    }
  });

  it('a name is no record number', () => {
    expect(mrnProbes('Siti Aminah', '{seq:6}', '')).toEqual({ exact: ['SITI AMINAH'], glob: null });
  });

  it('property: any formatted record number, retyped with other case, separators and no zeros, is found', () => {
    const formats = ['{seq:6}', 'RM-{yyyy}-{seq:5}', '{yy}.{seq:4}', 'P{code}-{seq:7}', '{seq}/{yyyy}'];
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(' ', '.', '-', '', '\u2013'), (format, seq, year, sep) => {
        const stored = formatMrn(format, seq, `${year}-05-01`, 'A1').toUpperCase();
        const retyped = stored.toLowerCase().replace(/[-./]/g, sep);
        const p = mrnProbes(retyped, format, 'A1');
        const digitsOnly = retyped.replace(/[^0-9a-z]/g, '');
        // By design, more than MAX_SHORT_SEQ bare digits is a card or a NIK unless typed exactly as stored.
        if (!/^\d+$/.test(digitsOnly) || digitsOnly.length <= MAX_SHORT_SEQ) expect(p.exact.includes(stored) || (p.glob !== null && globMatches(p.glob, stored))).toBe(true);
        const bare = String(seq);
        if (bare.length <= MAX_SHORT_SEQ) {
          const b = mrnProbes(bare, format, 'A1');
          expect(b.exact.includes(stored) || (b.glob !== null && globMatches(b.glob, stored))).toBe(true);
        }
      }),
    );
  });
});

/** SQLite GLOB, enough for the patterns above: [..] classes and literal characters. */
function globMatches(glob: string, text: string): boolean {
  const source = glob.replace(/\[([^\]]+)\]|([^[])/g, (_, cls: string | undefined, ch: string | undefined) => (cls !== undefined ? `[${cls}]` : ch!.replace(/[.*+?^${}()|\\/-]/g, '\\$&')));
  return new RegExp(`^${source}$`).test(text);
}

describe('the record label typed with the number', () => {
  it('"No. RM 000013", "RM 13" find the record of a format without letters', () => {
    for (const typed of ['RM 000013', 'rm 13', 'RM-13', 'RM13', 'No. RM 000013', 'no rm: 13']) expect(mrnProbes(typed, '{seq:6}', '').exact).toContain('000013');
    // A format with those letters reads them as before.
    expect(mrnProbes('RM 13', 'RM-{seq:6}', '').exact).toContain('RM-000013');
    // Not a label: letters that merely start with RM, or RM without digits.
    expect(mrnProbes('RMX 13', '{seq:6}', '').exact).not.toContain('000013');
    expect(mrnProbes('RM', '{seq:6}', '')).toEqual({ exact: ['RM'], glob: null });
  });
});
