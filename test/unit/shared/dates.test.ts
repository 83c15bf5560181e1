import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { daysBetween, excelSerialToIso, isoDateInZone, parseDate } from '../../../src/shared/dates';

const TODAY = '2025-06-01';
const DAY_MS = 86_400_000;

const isoOf = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);
const daysOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const parts = (iso: string): { y: string; m: string; d: string } => ({ y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10) });

describe('parseDate: text', () => {
  it.each([
    ['12-03-1985', '1985-03-12'],
    ['12/03/1985', '1985-03-12'],
    ['12.03.1985', '1985-03-12'],
    ['2/3/1985', '1985-03-02'],
    ['12 / 03 / 1985', '1985-03-12'],
    ['1985-03-12', '1985-03-12'],
    ['1985/03/12', '1985-03-12'],
    ['1985-3-2', '1985-03-02'],
    ['19850312', '1985-03-12'],
    ['12031985', '1985-03-12'],
    ['12 Maret 1985', '1985-03-12'],
    ['12 MARET 1985', '1985-03-12'],
    ['12 maret 1985', '1985-03-12'],
    ['12 Mar 1985', '1985-03-12'],
    ['12 Mar. 1985', '1985-03-12'],
    ['12-Mar-1985', '1985-03-12'],
    ['12-MAR-85', '1985-03-12'],
    ['12 Agustus 1985', '1985-08-12'],
    ['12 Agt 1985', '1985-08-12'],
    ['12 Ags 1985', '1985-08-12'],
    ['12 Agu 1985', '1985-08-12'],
    ['12 August 1985', '1985-08-12'],
    ['1 Januari 2000', '2000-01-01'],
    ['1 Pebruari 2000', '2000-02-01'],
    ['29 Peb 2000', '2000-02-29'],
    ['1 Mei 1970', '1970-05-01'],
    ['1 May 1970', '1970-05-01'],
    ['1 Juni 1970', '1970-06-01'],
    ['1 Juli 1970', '1970-07-01'],
    ['1 Sept 1970', '1970-09-01'],
    ['1 Okt 1970', '1970-10-01'],
    ['1 October 1970', '1970-10-01'],
    ['1 Nop 1970', '1970-11-01'],
    ['1 Nopember 1970', '1970-11-01'],
    ['25 Des 1970', '1970-12-25'],
    ['25 Dec 1970', '1970-12-25'],
    ['March 12, 1985', '1985-03-12'],
    ['Mar 12 1985', '1985-03-12'],
    ['Selasa, 12 Maret 1985', '1985-03-12'],
    ['1985-03-12 00:00:00', '1985-03-12'],
    ['1985-03-12T00:00:00.000Z', '1985-03-12'],
    ['12/03/1985 0:00', '1985-03-12'],
    ['12/03/1985 00.00.00', '1985-03-12'],
    ['3/12/1985 12:00:00 AM', '1985-12-03'],
    ['  12-03-1985\u00a0', '1985-03-12'],
    ['\ufeff12-03-1985', '1985-03-12'],
  ])('%j -> %s', (text, iso) => {
    expect(parseDate(text, TODAY)).toBe(iso);
  });

  it.each(['31-02-1985', '29-02-1985', '12-13-1985', '00-01-1985', '32/01/1985', '1985-02-30', '12 Foo 1985', '12-03-985', '31120', '1985',
    '', '   ', 'tidak tahu', '12-03/1985', '01-01-1799', '01-01-2201', '20251301', '99999999'])('%j -> null', (text) => {
    expect(parseDate(text, TODAY)).toBeNull();
  });

  it('puts the day first in numeric forms, always', () => {
    expect(parseDate('03/12/1985', TODAY)).toBe('1985-12-03');
    expect(parseDate('12/03/1985', TODAY)).toBe('1985-03-12');
  });

  it('pivots two-digit years so the date is not after today', () => {
    expect(parseDate('1/3/85', TODAY)).toBe('1985-03-01');
    expect(parseDate('1/6/25', TODAY)).toBe('2025-06-01');
    expect(parseDate('2/6/25', TODAY)).toBe('1925-06-02');
    expect(parseDate('1/1/00', TODAY)).toBe('2000-01-01');
    expect(parseDate('31/12/99', TODAY)).toBe('1999-12-31');
  });
});

describe('parseDate: dd-mm-yyyy and yyyy-mm-dd read without the regex', () => {
  // The ten-character shapes take a fast path; the same text with spaces around its separators
  // takes the general one (NUMERIC). Both must read every day, month and year alike, valid or not.
  const spaced = (s: string, sep: string): string => s.split(sep).join(` ${sep} `);
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  it('reads every day 00-32 of every month 00-13, in both orders and with each separator, as the general path does', () => {
    let compared = 0;
    for (const sep of ['-', '/', '.']) {
      for (const y of [1899, 1900, 1985, 2000, 2024, 2025, 2100, 2201, 9999]) {
        for (let m = 0; m <= 13; m++) {
          for (let d = 0; d <= 32; d++) {
            const dayFirst = [pad(d, 2), pad(m, 2), pad(y, 4)].join(sep);
            const yearFirst = [pad(y, 4), pad(m, 2), pad(d, 2)].join(sep);
            expect(parseDate(dayFirst, '2026-11-29'), dayFirst).toBe(parseDate(spaced(dayFirst, sep), '2026-11-29'));
            expect(parseDate(yearFirst, '2026-11-29'), yearFirst).toBe(parseDate(spaced(yearFirst, sep), '2026-11-29'));
            compared += 2;
          }
        }
      }
    }
    expect(parseDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDate('2025.12.31')).toBe('2025-12-31');
    expect(compared).toBe(3 * 9 * 14 * 33 * 2);
  });

  it('leaves mixed separators and non-digits to the general path', () => {
    expect(parseDate('12-03/1985')).toBeNull();
    expect(parseDate('1985/03-12')).toBeNull();
    expect(parseDate('1a-03-1985')).toBeNull();
    expect(parseDate('12-0x-1985')).toBeNull();
    expect(parseDate('12 03 1985')).toBeNull();
    expect(parseDate('12-MAR-198')).toBeNull();
  });
});

describe('parseDate: numbers, dates and nothing', () => {
  it('reads JS numbers as Excel serials', () => {
    expect(parseDate(31118)).toBe('1985-03-12');
    expect(parseDate(31118.75)).toBe('1985-03-12');
    expect(parseDate(45658)).toBe('2025-01-01');
    expect(parseDate(0)).toBeNull();
    expect(parseDate(-5)).toBeNull();
    expect(parseDate(60)).toBeNull();
    expect(parseDate(2958465)).toBeNull(); // 9999-12-31 is a serial, but not a year parseDate accepts
    expect(parseDate(Number.NaN)).toBeNull();
  });

  it('reads Date objects by their UTC fields', () => {
    expect(parseDate(new Date(Date.UTC(1985, 2, 12)))).toBe('1985-03-12');
    expect(parseDate(new Date(Date.UTC(1985, 2, 12, 23, 59)))).toBe('1985-03-12');
    expect(parseDate(new Date(Number.NaN))).toBeNull();
    expect(parseDate(new Date(Date.UTC(1700, 0, 1)))).toBeNull();
  });

  it('returns null for null and undefined', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });
});

describe('excelSerialToIso', () => {
  it('follows the 1900 date system, fake leap day included', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(0.5)).toBeNull();
    expect(excelSerialToIso(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('property: agrees with Date arithmetic for every serial from 61 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        expect(excelSerialToIso(serial)).toBe(isoOf(serial - 25569));
        expect(parseDate(serial)).toBe(serial <= 109939 ? isoOf(serial - 25569) : null); // 109939 = 2200-12-31
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseDate: property round trips', () => {
  const anyDate = fc.integer({ min: daysOf('1800-01-01'), max: daysOf('2200-12-31') }).map(isoOf);
  const recentDate = fc.integer({ min: daysOf('1925-06-02'), max: daysOf(TODAY) }).map(isoOf);
  const ID_MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
  const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  const formats: Record<string, (iso: string) => string> = {
    'dd-mm-yyyy': (iso) => `${parts(iso).d}-${parts(iso).m}-${parts(iso).y}`,
    'dd/mm/yyyy': (iso) => `${parts(iso).d}/${parts(iso).m}/${parts(iso).y}`,
    'dd.mm.yyyy': (iso) => `${parts(iso).d}.${parts(iso).m}.${parts(iso).y}`,
    'd/m/yyyy': (iso) => `${Number(parts(iso).d)}/${Number(parts(iso).m)}/${parts(iso).y}`,
    'yyyy-mm-dd': (iso) => iso,
    'yyyy/mm/dd': (iso) => iso.replace(/-/g, '/'),
    yyyymmdd: (iso) => iso.replace(/-/g, ''),
    'd Month yyyy (id)': (iso) => `${Number(parts(iso).d)} ${ID_MONTHS[Number(parts(iso).m) - 1]} ${parts(iso).y}`,
    'dd-Mon-yyyy (en)': (iso) => `${parts(iso).d}-${EN_MONTHS[Number(parts(iso).m) - 1]?.slice(0, 3)}-${parts(iso).y}`,
    'Month d, yyyy (en)': (iso) => `${EN_MONTHS[Number(parts(iso).m) - 1]} ${Number(parts(iso).d)}, ${parts(iso).y}`,
    'yyyy-mm-dd hh:mm:ss': (iso) => `${iso} 00:00:00`,
    'dd/mm/yyyy h:mm': (iso) => `${parts(iso).d}/${parts(iso).m}/${parts(iso).y} 0:00`,
  };
  for (const [name, format] of Object.entries(formats)) {
    it(`property: parseDate(${name}(d)) === d`, () => {
      fc.assert(
        fc.property(anyDate, (iso) => {
          expect(parseDate(format(iso), TODAY)).toBe(iso);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('property: two-digit years round-trip within the century before today', () => {
    fc.assert(
      fc.property(recentDate, (iso) => {
        const { y, m, d } = parts(iso);
        expect(parseDate(`${Number(d)}/${Number(m)}/${y.slice(2)}`, TODAY)).toBe(iso);
        expect(parseDate(`${d}-${EN_MONTHS[Number(m) - 1]?.slice(0, 3)}-${y.slice(2)}`, TODAY)).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('property: Date objects and serials round-trip', () => {
    fc.assert(
      fc.property(anyDate, (iso) => {
        expect(parseDate(new Date(`${iso}T00:00:00Z`))).toBe(iso);
        if (iso >= '1900-03-01') expect(parseDate(daysOf(iso) + 25569)).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('property: never throws; any result is a real ISO date', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseDate(s, TODAY);
        if (r !== null) expect(isoOf(daysOf(r))).toBe(r);
      }),
    );
  });
});

describe('isoDateInZone', () => {
  it('gives the facility date in WIB, WITA and WIT', () => {
    const instant = new Date('2025-01-01T16:30:00Z');
    expect(isoDateInZone(instant, 'UTC')).toBe('2025-01-01');
    expect(isoDateInZone(instant, 'Asia/Jakarta')).toBe('2025-01-01'); // 23:30 WIB
    expect(isoDateInZone(instant, 'Asia/Makassar')).toBe('2025-01-02'); // 00:30 WITA
    expect(isoDateInZone(instant, 'Asia/Jayapura')).toBe('2025-01-02');
    expect(isoDateInZone(new Date('2024-12-31T17:00:00Z'), 'Asia/Jakarta')).toBe('2025-01-01');
  });
  it('throws on an unknown zone', () => {
    expect(() => isoDateInZone(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole days, b - a', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
    expect(daysBetween('1985-03-12', '1985-03-12')).toBe(0);
    expect(daysBetween('1900-01-01', '2000-01-01')).toBe(36524);
    expect(daysBetween('bad', '2000-01-01')).toBeNaN();
    expect(daysBetween('2000-02-30', '2000-03-01')).toBeNaN();
  });
  it('property: matches Date arithmetic', () => {
    const day = fc.integer({ min: daysOf('1800-01-01'), max: daysOf('2200-12-31') });
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(isoOf(a), isoOf(b))).toBe(b - a);
      }),
    );
  });
});
