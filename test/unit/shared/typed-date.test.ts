import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidYmd, ymdToIso } from '../../../src/shared/dates';
import { dateWarnings, isoToDayFirst, parseTypedDate, typedYear, type TypedDate } from '../../../src/shared/typed-date';

const TODAY = '2026-11-29';
const any = (text: string, today = TODAY): TypedDate => parseTypedDate(text, { today, kind: 'any' });
const birth = (text: string, today = TODAY): TypedDate => parseTypedDate(text, { today, kind: 'birth' });
const pad = (n: number): string => String(n).padStart(2, '0');

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ABBR_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
const ABBR_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('parseTypedDate: each accepted shape', () => {
  it.each([
    ['12031985', '1985-03-12'],
    ['12-03-1985', '1985-03-12'],
    ['12/3/85', '1985-03-12'],
    ['12/03/1985', '1985-03-12'],
    ['12.03.1985', '1985-03-12'],
    ['12 03 1985', '1985-03-12'],
    ['1-1-2020', '2020-01-01'],
    ['120385', '1985-03-12'],
    ['12 Mar 1985', '1985-03-12'],
    ['12 Maret 1985', '1985-03-12'],
    ['12 MARET 1985', '1985-03-12'],
    ['12 march 1985', '1985-03-12'],
    ['12-Mar-85', '1985-03-12'],
    ['12 Mar. 1985', '1985-03-12'],
    ['12Mar1985', '1985-03-12'],
    ['17 Mei 1990', '1990-05-17'],
    ['17 May 1990', '1990-05-17'],
    ['28 Agu 1990', '1990-08-28'],
    ['28 Agt 1990', '1990-08-28'],
    ['28 Aug 1990', '1990-08-28'],
    ['28 Agustus 1990', '1990-08-28'],
    ['3 Okt 2001', '2001-10-03'],
    ['3 Oct 2001', '2001-10-03'],
    ['25 Des 1999', '1999-12-25'],
    ['25 Dec 1999', '1999-12-25'],
    ['March 12, 1985', '1985-03-12'],
    ['Mar 12 1985', '1985-03-12'],
    ['12 Maret, 1985', '1985-03-12'],
    ['1985-03-12', '1985-03-12'],
    ['1985-03-12T00:00:00Z', '1985-03-12'],
    ['19850312', '1985-03-12'],
    ['  28081990  ', '1990-08-28'],
  ])('%s is %s', (text, iso) => {
    expect(any(text)).toEqual({ ok: true, iso });
    expect(birth(text)).toEqual({ ok: true, iso });
  });

  it('reads 28081990 as 28 August 1990, never 8 February (the locale picker bug)', () => {
    expect(birth('28081990')).toEqual({ ok: true, iso: '1990-08-28' });
  });

  it('reads the day first when both could be a month: 03/12/1985 is 3 December', () => {
    expect(any('03/12/1985')).toEqual({ ok: true, iso: '1985-12-03' });
    expect(any('03121985')).toEqual({ ok: true, iso: '1985-12-03' });
  });

  it('gives empty text as no date, not as an error', () => {
    expect(any('')).toEqual({ ok: true, iso: '' });
    expect(any('   ')).toEqual({ ok: true, iso: '' });
  });
});

describe('parseTypedDate: errors in words', () => {
  it.each([
    ['31-02-1985', 'no-such-date'],
    ['31021985', 'no-such-date'],
    ['29-02-2023', 'no-such-date'],
    ['31 Apr 1990', 'no-such-date'],
    ['00-01-1990', 'no-such-date'],
    ['12-13-1990', 'no-such-date'],
    ['12-03-1850', 'year-range'],
    ['12-03-2150', 'year-range'],
    ['abc', 'unreadable'],
    ['1203', 'unreadable'],
    ['12-03-198', 'unreadable'],
    ['12 Foo 1985', 'unreadable'],
    ['1985-03-1985', 'unreadable'],
  ])('%s: %s', (text, error) => {
    expect(any(text)).toEqual({ ok: false, error });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(any('29-02-2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(any('29-02-2000')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(any('29-02-1900')).toEqual({ ok: false, error: 'no-such-date' });
  });
});

describe('rule: a date in the future', () => {
  it('refuses a future birth date', () => {
    expect(birth('30-11-2026')).toEqual({ ok: false, error: 'future-birth' });
    expect(birth('29-11-2026')).toEqual({ ok: true, iso: '2026-11-29' }); // born today
  });

  it('accepts a future date of any other kind, with a warning', () => {
    expect(any('30-11-2026')).toEqual({ ok: true, iso: '2026-11-30' });
    expect(dateWarnings('2026-11-30', { today: TODAY, kind: 'any' })).toEqual([{ kind: 'future' }]);
    expect(dateWarnings('2026-11-29', { today: TODAY, kind: 'any' })).toEqual([]);
  });
});

describe('rule: a date that the NIK contradicts', () => {
  it('warns with the NIK date, comparing day, month and two-digit year only', () => {
    expect(dateWarnings('1985-03-13', { today: TODAY, kind: 'birth', nikBirthDate: '1985-03-12' })).toEqual([{ kind: 'nik', nikDate: '1985-03-12' }]);
    expect(dateWarnings('1985-03-12', { today: TODAY, kind: 'birth', nikBirthDate: '1985-03-12' })).toEqual([]);
    // The NIK's century is a guess: 1920 against a NIK read as 2020 is no contradiction.
    expect(dateWarnings('1920-01-01', { today: TODAY, kind: 'birth', nikBirthDate: '2020-01-01' })).toEqual([]);
    expect(dateWarnings('1985-03-13', { today: TODAY, kind: 'birth', nikBirthDate: null })).toEqual([]);
    expect(dateWarnings('', { today: TODAY, kind: 'birth', nikBirthDate: '1985-03-12' })).toEqual([]);
  });

  it('writes the NIK date day first', () => {
    expect(isoToDayFirst('1985-03-12')).toBe('12-03-1985');
    expect(isoToDayFirst('')).toBe('');
  });
});

describe('two-digit years', () => {
  it('pivots a birth date into the past', () => {
    expect(birth('12/3/85')).toEqual({ ok: true, iso: '1985-03-12' });
    expect(birth('1/1/20')).toEqual({ ok: true, iso: '2020-01-01' });
    expect(birth('1/1/26')).toEqual({ ok: true, iso: '2026-01-01' });
    expect(birth('30/11/26')).toEqual({ ok: true, iso: '1926-11-30' }); // 2026-11-30 is tomorrow
  });

  it('takes the nearer century for other dates', () => {
    expect(any('1/1/27')).toEqual({ ok: true, iso: '2027-01-01' });
    expect(any('1/1/85')).toEqual({ ok: true, iso: '1985-01-01' });
    expect(typedYear(76, 1, 1, TODAY, 'any')).toBe(1976); // a tie goes to the past
  });
});

// ----- properties -----

const dateArb = fc
  .record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .filter(({ y, m, d }) => isValidYmd(y, m, d));

const todayArb = fc
  .record({ y: fc.integer({ min: 1950, max: 2090 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => ymdToIso(y, m, d));

type Shape = (y: number, m: number, d: number) => string;
const SHAPES: Record<string, Shape> = {
  ddmmyyyy: (y, m, d) => `${pad(d)}${pad(m)}${y}`,
  'dd-mm-yyyy': (y, m, d) => `${pad(d)}-${pad(m)}-${y}`,
  'd/m/yyyy': (y, m, d) => `${d}/${m}/${y}`,
  'dd.mm.yyyy': (y, m, d) => `${pad(d)}.${pad(m)}.${y}`,
  'd m yyyy': (y, m, d) => `${d} ${m} ${y}`,
  'd Mon yyyy (id)': (y, m, d) => `${d} ${ABBR_ID[m - 1]} ${y}`,
  'd Mon yyyy (en)': (y, m, d) => `${d} ${ABBR_EN[m - 1]} ${y}`,
  'd Month yyyy (id)': (y, m, d) => `${d} ${MONTHS_ID[m - 1]} ${y}`,
  'd Month yyyy (en)': (y, m, d) => `${d} ${MONTHS_EN[m - 1]} ${y}`,
  'dd-Mon-yyyy upper': (y, m, d) => `${pad(d)}-${(ABBR_ID[m - 1] ?? '').toUpperCase()}-${y}`,
  'Month d, yyyy (en)': (y, m, d) => `${MONTHS_EN[m - 1]} ${d}, ${y}`,
  'yyyy-mm-dd (ISO)': (y, m, d) => ymdToIso(y, m, d),
  yyyymmdd: (y, m, d) => `${y}${pad(m)}${pad(d)}`,
};

describe('parseTypedDate: properties', () => {
  it.each(Object.entries(SHAPES))('every valid date written as %s parses back to itself', (_name, shape) => {
    fc.assert(
      fc.property(dateArb, ({ y, m, d }) => {
        expect(any(shape(y, m, d))).toEqual({ ok: true, iso: ymdToIso(y, m, d) });
      }),
      { numRuns: 300 },
    );
  });

  it('a birth date with a two-digit year is never in the future, and the latest such date', () => {
    fc.assert(
      fc.property(dateArb, todayArb, fc.constantFrom<Shape>((y, m, d) => `${d}/${m}/${pad(y % 100)}`, (y, m, d) => `${pad(d)}${pad(m)}${pad(y % 100)}`), ({ y, m, d }, today, shape) => {
        const r = birth(shape(y, m, d), today);
        if (!r.ok) {
          // 29 February of a century year may not exist in the chosen century; and when today
          // is itself in the 1900s, 19yy can still be ahead: refused, never given as a date.
          if (r.error === 'future-birth') expect(ymdToIso(1900 + (y % 100), m, d) > today).toBe(true);
          else expect([r.error, m, d]).toEqual(['no-such-date', 2, 29]);
          return;
        }
        expect(r.iso <= today).toBe(true);
        expect(r.iso.slice(2)).toBe(ymdToIso(y, m, d).slice(2));
        // The latest past date with those digits: a century later would be in the future.
        expect(ymdToIso(Number(r.iso.slice(0, 4)) + 100, m, d) > today).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('random text never throws and gives a real ISO date, nothing, or an error', () => {
    const errors = new Set(['unreadable', 'no-such-date', 'year-range', 'future-birth']);
    const textArb = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.stringMatching(/^[0-9 ./-]{0,14}$/),
      fc.stringMatching(/^[0-9]{1,2} ?[A-Za-z]{2,9} ?[0-9]{2,4}$/),
    );
    fc.assert(
      fc.property(textArb, todayArb, fc.constantFrom<'birth' | 'any'>('birth', 'any'), (text, today, kind) => {
        const r = parseTypedDate(text, { today, kind });
        if (r.ok) {
          if (r.iso === '') {
            expect(text.trim()).toBe('');
            return;
          }
          const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.iso);
          expect(m).not.toBeNull();
          expect(isValidYmd(Number(m?.[1]), Number(m?.[2]), Number(m?.[3]))).toBe(true);
          if (kind === 'birth') expect(r.iso <= today).toBe(true);
        } else {
          expect(errors.has(r.error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never gives a date that does not exist: impossible day-month-year is an error', () => {
    const partsArb = fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 0, max: 15 }), d: fc.integer({ min: 0, max: 35 }) });
    fc.assert(
      fc.property(partsArb, fc.constantFrom(...Object.values(SHAPES).slice(0, 5)), ({ y, m, d }, shape) => {
        const r = any(shape(y, m, d));
        if (isValidYmd(y, m, d)) expect(r).toEqual({ ok: true, iso: ymdToIso(y, m, d) });
        else expect(r.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
