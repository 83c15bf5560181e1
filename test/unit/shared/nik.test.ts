import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PROVINCE_CODES, nikMismatch, parseNik, readNikCell, type NikCell, type NikInfo } from '../../../src/shared/nik';

const TODAY = '2025-06-01';

function info(nik: string, today = TODAY): NikInfo {
  const p = parseNik(nik, today);
  if (!p.ok) throw new Error(`expected ${nik} to parse, got ${p.reason}`);
  return p.info;
}

/** A NIK built from parts, and what parsing it must give back. */
const validNik = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES),
    regency: fc.integer({ min: 1, max: 99 }),
    district: fc.integer({ min: 1, max: 99 }),
    // Inside the century window that ends at TODAY, so the two-digit year is unambiguous.
    day: fc.integer({ min: daysOf('1925-06-02'), max: daysOf(TODAY) }),
    sex: fc.constantFrom('L' as const, 'P' as const),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map((p) => {
    const iso = new Date(p.day * 86_400_000).toISOString().slice(0, 10);
    const dd = Number(iso.slice(8, 10)) + (p.sex === 'P' ? 40 : 0);
    const nik = p.province + pad(p.regency, 2) + pad(p.district, 2) + pad(dd, 2) + iso.slice(5, 7) + iso.slice(2, 4) + pad(p.serial, 4);
    return { ...p, iso, nik };
  });

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
function daysOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

describe('PROVINCE_CODES', () => {
  it('holds the current province codes, Papua splits included', () => {
    for (const c of ['11', '19', '21', '31', '36', '51', '53', '61', '65', '71', '76', '81', '82', '91', '92', '93', '94', '95', '96', '97']) {
      expect(PROVINCE_CODES).toContain(c);
    }
    for (const c of ['00', '01', '10', '20', '22', '30', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '98', '99']) {
      expect(PROVINCE_CODES).not.toContain(c);
    }
    expect(PROVINCE_CODES).toHaveLength(39);
  });
});

describe('parseNik', () => {
  it('decodes region, birth date, sex and serial', () => {
    expect(parseNik('3673014503850003', TODAY)).toEqual({
      ok: true,
      info: {
        nik: '3673014503850003',
        provinceCode: '36',
        regencyCode: '3673',
        districtCode: '367301',
        birthDate: '1985-03-05',
        sex: 'P',
        serial: '0003',
      },
    });
    const man = info('7571011212000123');
    expect([man.sex, man.birthDate, man.regencyCode, man.serial]).toEqual(['L', '2000-12-12', '7571', '0123']);
  });

  it('strips spaces, dots, dashes, tabs and non-breaking spaces', () => {
    for (const typed of ['3673 0145 0385 0003', '3673.01.450385.0003', '3673-01-45-03-85-0003', ' 3673014503850003 ', '3673\u00a00145\u00a003850003', '3673014503850003\t']) {
      expect(info(typed).nik).toBe('3673014503850003');
    }
  });

  it('rejects by structure, in order: empty, not-digits, length, province, serial', () => {
    const reason = (s: string): string | undefined => {
      const p = parseNik(s, TODAY);
      return p.ok ? undefined : p.reason;
    };
    expect(reason('')).toBe('empty');
    expect(reason('  . - ')).toBe('empty');
    expect(reason('36730145O3850003')).toBe('not-digits'); // letter O for zero
    expect(reason('3673O1')).toBe('not-digits');
    expect(reason('367301450385000')).toBe('length');
    expect(reason('36730145038500031')).toBe('length');
    expect(reason('0673014503850003')).toBe('province'); // never starts with 0
    expect(reason('1073014503850003')).toBe('province');
    expect(reason('9973014503850003')).toBe('province');
    expect(reason('3673014503850000')).toBe('serial');
  });

  it('keeps a NIK whose date digits are not a date: the date is unknown, never a rejection', () => {
    for (const nik of ['3673010013850003', '3673013503850003', '3673017203850003', '3673014500850003', '3673013102850003', '3673012902010001']) {
      const p = parseNik(nik, TODAY);
      expect(p.ok).toBe(true);
      if (p.ok) expect(p.info.birthDate).toBeNull();
    }
    expect(info('3673012902000001').birthDate).toBe('2000-02-29');
    expect(info('3673016902960001').birthDate).toBe('1996-02-29');
  });

  it('picks 20yy unless that is after today, then 19yy', () => {
    expect(info('3673010105250001').birthDate).toBe('2025-05-01');
    expect(info('3673010106250001').birthDate).toBe('2025-06-01');
    expect(info('3673010206250001').birthDate).toBe('1925-06-02');
    expect(info('3673010101990001').birthDate).toBe('1999-01-01');
    expect(info('3673010101000001').birthDate).toBe('2000-01-01');
    expect(info('3673010101240001', '2023-12-31').birthDate).toBe('1924-01-01');
  });

  it('uses the current date when today is omitted', () => {
    const p = parseNik('3673010101000001');
    expect(p.ok && p.info.birthDate).toBe('2000-01-01');
    const thisYear = new Date().getFullYear();
    const nextYy = String(thisYear + 1).slice(-2);
    const q = parseNik(`3673013112${nextYy}0001`);
    expect(q.ok && q.info.birthDate).toBe(`19${nextYy}-12-31`);
  });

  it('round-trips region, birth date and sex for NIKs built from valid parts', () => {
    fc.assert(
      fc.property(validNik, (v) => {
        const i = info(v.nik);
        expect(i.provinceCode).toBe(v.province);
        expect(i.regencyCode).toBe(v.province + pad(v.regency, 2));
        expect(i.districtCode).toBe(i.regencyCode + pad(v.district, 2));
        expect(i.birthDate).toBe(v.iso);
        expect(i.sex).toBe(v.sex);
        expect(i.serial).toBe(pad(v.serial, 4));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = parseNik(s, TODAY);
        if (p.ok) expect(p.info.nik).toMatch(/^\d{16}$/);
      }),
    );
  });
});

describe('readNikCell', () => {
  it('reads text cells normally', () => {
    expect(readNikCell('3673014503850003', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003', info: { sex: 'P' } });
    expect(readNikCell(" '3673014503850003", false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell('3673 0145 0385 0003 ', false, TODAY)).toMatchObject({ kind: 'valid' });
    expect(readNikCell('3673014503850000', false, TODAY)).toEqual({ kind: 'invalid', reason: 'serial' });
    expect(readNikCell('1234', false, TODAY)).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell('NIK TIDAK ADA', false, TODAY)).toEqual({ kind: 'invalid', reason: 'not-digits' });
  });

  it('reads 16 bare digits (the fast path) exactly as the same digits written with separators', () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const nik = fc.tuple(
      fc.constantFrom('36', '11', '97', '00', '20', '99'),
      fc.array(digit, { minLength: 2, maxLength: 2 }),
      fc.integer({ min: 0, max: 79 }).map((d) => String(d).padStart(2, '0')), // day, +40 for women, some impossible
      fc.integer({ min: 0, max: 14 }).map((m) => String(m).padStart(2, '0')),
      fc.array(digit, { minLength: 4, maxLength: 4 }),
      fc.constantFrom('0000', '0001', '0010', '1234', '9990'),
    ).map(([p, r, d, m, rest, serial]) => p + r.join('') + d + m + rest.join('') + serial);
    fc.assert(
      fc.property(nik, fc.boolean(), fc.constantFrom(TODAY, '2000-02-28', '2026-11-29'), (n, numeric, today) => {
        const spaced = `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8, 12)} ${n.slice(12)}`;
        // What a cell promises (NikCell): the kind, the NIK, its birth date and sex; the general path gives more.
        const promised = (cell: NikCell): unknown => (cell.kind === 'valid' ? { ...cell, info: { birthDate: cell.info.birthDate, sex: cell.info.sex } } : cell);
        expect(readNikCell(n, numeric, today)).toEqual(promised(readNikCell(spaced, numeric, today)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('treats missing values and placeholders as empty', () => {
    for (const raw of [null, undefined, '', '   ', '\u00a0', '-', ' . ', "'"]) expect(readNikCell(raw)).toEqual({ kind: 'empty' });
  });

  it('marks a 16-digit number ending in 0 as damaged: Excel kept only 15 digits', () => {
    expect(readNikCell(3673014503850000)).toEqual({ kind: 'damaged', prefix15: '367301450385000' });
    expect(readNikCell(9401014503850010)).toEqual({ kind: 'damaged', prefix15: '940101450385001' });
  });

  it('trusts a 16-digit number whose last digit is not 0 (a program wrote all 16), up to 2^53', () => {
    expect(readNikCell(3673014503850003, true, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003', info: { sex: 'P' } });
    expect(readNikCell(3673050205650591, true, TODAY)).toMatchObject({ kind: 'valid', nik: '3673050205650591' });
    // Above Number.MAX_SAFE_INTEGER the double has lost the last digit already.
    expect(readNikCell(Number('9401014503850013'))).toEqual({ kind: 'damaged', prefix15: '940101450385001' });
    expect(readNikCell(1000000000000000)).toEqual({ kind: 'invalid', reason: 'province' });
    expect(readNikCell(367301450385000)).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell(1e16)).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell(0)).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell(367301450385.5)).toEqual({ kind: 'invalid', reason: 'not-digits' });
    expect(readNikCell(-3673014503850000)).toEqual({ kind: 'invalid', reason: 'not-digits' });
    expect(readNikCell(Number.NaN)).toEqual({ kind: 'invalid', reason: 'not-digits' });
  });

  it('treats 16-digit text from a numeric cell ending in 0 as damaged', () => {
    expect(readNikCell('3673014503850000', true)).toEqual({ kind: 'damaged', prefix15: '367301450385000' });
    expect(readNikCell('3673014503850010', true)).toEqual({ kind: 'damaged', prefix15: '367301450385001' });
    expect(readNikCell('3673014503850010', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850010' });
    expect(readNikCell('3673014503850003', true, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell('1073014503850000', true)).toEqual({ kind: 'invalid', reason: 'province' });
  });

  it('reads a NIK kept as text by a mark: a leading apostrophe or an Excel text formula ="…"', () => {
    expect(readNikCell('="3673014503850003"', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell(' = "3673 0145 0385 0003" ', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell('`3673014503850003', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell('=""')).toEqual({ kind: 'empty' });
    expect(readNikCell('="3673014503850003"&"1"')).toEqual({ kind: 'invalid', reason: 'not-digits' });
  });

  it('reads a NIK a script printed as a float ("….0") as the number a numeric cell holds', () => {
    expect(readNikCell('3673014503850003.0', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell("'3673014503850003.00", false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    // The same rules as a numeric cell: a last 0 may be Excel's, and above 2^53 the float changed the digits.
    expect(readNikCell('3673014503850010.0')).toEqual({ kind: 'damaged', prefix15: '367301450385001' });
    expect(readNikCell('9401014503850012.0')).toEqual({ kind: 'damaged', prefix15: '940101450385001' });
    // Not an integer, or a float of too few digits: still refused.
    expect(readNikCell('3673014503850003.5')).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell('367301450385003.0')).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell('1.23E+15')).toEqual({ kind: 'invalid', reason: 'scientific' });
  });

  it('reads scientific notation by how many digits survived', () => {
    expect(readNikCell('3.67301E+15')).toEqual({ kind: 'invalid', reason: 'scientific' });
    expect(readNikCell('3,67301E+15')).toEqual({ kind: 'invalid', reason: 'scientific' });
    expect(readNikCell(' 3.67301e15 ')).toEqual({ kind: 'invalid', reason: 'scientific' });
    expect(readNikCell('3.6730145038500E+15')).toEqual({ kind: 'invalid', reason: 'scientific' }); // 14 digits
    expect(readNikCell('3.67301450385000E+15')).toEqual({ kind: 'damaged', prefix15: '367301450385000' });
    expect(readNikCell('3,67301450385001E+15')).toEqual({ kind: 'damaged', prefix15: '367301450385001' });
    expect(readNikCell('3.673014503850003E+15', false, TODAY)).toMatchObject({ kind: 'valid', nik: '3673014503850003' });
    expect(readNikCell('3.67301E+14')).toEqual({ kind: 'invalid', reason: 'length' });
    expect(readNikCell('1.07301450385000E+15')).toEqual({ kind: 'invalid', reason: 'province' });
  });

  it('property: a NIK that went through Excel is never valid and keeps its first 15 digits; a program-written one is exact up to 2^53', () => {
    fc.assert(
      fc.property(validNik, ({ nik }) => {
        // What Excel stores: 15 significant digits, the 16th replaced by 0.
        const excel = readNikCell(Number(nik.slice(0, 15) + '0'));
        expect(excel).toEqual({ kind: 'damaged', prefix15: nik.slice(0, 15) });
        // A number written with all 16 digits (openpyxl, pandas): exact while it is a safe integer
        // and does not end in 0 (which Excel's own would). Above 2^53 (Papua, 9xxx) doubles are
        // even, and an odd NIK ending in 9 may round up into the 15th digit; that number no
        // longer carries the prefix at all.
        const asNumber = Number(nik);
        if (asNumber <= Number.MAX_SAFE_INTEGER && !nik.endsWith('0')) {
          expect(readNikCell(asNumber, true, TODAY)).toMatchObject({ kind: 'valid', nik });
        } else if (asNumber <= Number.MAX_SAFE_INTEGER || !nik.endsWith('9')) {
          expect(readNikCell(asNumber)).toEqual({ kind: 'damaged', prefix15: nik.slice(0, 15) });
        } else {
          expect(readNikCell(asNumber).kind).not.toBe('valid');
        }
        expect(readNikCell(nik, false, TODAY)).toMatchObject({ kind: 'valid', nik });
      }),
      { numRuns: 500 },
    );
  });
});

describe('nikMismatch', () => {
  const woman = info('3673014503850003'); // 1985-03-05, P
  it('is null when birth date and sex agree or are unknown', () => {
    expect(nikMismatch(woman, '1985-03-05', 'P')).toBeNull();
    expect(nikMismatch(woman, null, null)).toBeNull();
    expect(nikMismatch(woman, '1985-03-05', null)).toBeNull();
    expect(nikMismatch(woman, null, 'P')).toBeNull();
    expect(nikMismatch(woman, 'not a date', 'P')).toBeNull();
    expect(nikMismatch(info('3673013503850003'), '1985-03-05', 'L')).toBeNull(); // NIK date unknown
  });
  it('warns about the birth date, the sex, or both', () => {
    expect(nikMismatch(woman, '1985-03-06', 'P')).toBe('dob');
    expect(nikMismatch(woman, '1986-03-05', null)).toBe('dob');
    expect(nikMismatch(woman, '1985-03-05', 'L')).toBe('sex');
    expect(nikMismatch(woman, '1985-05-03', 'L')).toBe('dob-and-sex');
  });
  it('ignores the century, which a NIK cannot tell', () => {
    const old = info('3673010101250001'); // decoded 2025-01-01 but may be a centenarian
    expect(nikMismatch(old, '1925-01-01', 'L')).toBeNull();
  });
});
