import { describe, expect, it } from 'vitest';
import { readBirthDate } from '../../../src/core/lists/birth-date';

const TODAY = '2026-11-23';
const read = (raw: string | number | Date) => readBirthDate(raw, raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim(), TODAY);

describe('readBirthDate', () => {
  it('reads a believable Excel serial and the usual text shapes', () => {
    expect(read(27487)).toEqual({ iso: '1975-04-03' });
    expect(read('12-01-1980')).toEqual({ iso: '1980-01-12' });
    expect(read(new Date(Date.UTC(1950, 6, 1)))).toEqual({ iso: '1950-07-01' });
  });

  it('a year alone, as a number or as text, is a year, never the serial 1950 = 1905-05-03', () => {
    expect(read(1950)).toMatchObject({ iso: null, problem: 'year-only', detail: '1950' });
    expect(read('1945')).toMatchObject({ iso: null, problem: 'year-only' });
    expect(read(1900)).toMatchObject({ problem: 'year-only' });
    expect(read(2026)).toMatchObject({ problem: 'year-only' });
  });

  it('an age, a day or any number before the 1906 serial is not a date', () => {
    for (const n of [1, 15, 31, 86, 120, 1899, 2027, 2192]) expect(read(n), String(n)).toMatchObject({ iso: null, problem: 'not-a-date' });
    expect(read(2193)).toEqual({ iso: '1906-01-01' });
  });

  it('a date before 1906 is implausible: reported, not stored', () => {
    expect(read(new Date(Date.UTC(1900, 0, 15)))).toMatchObject({ iso: null, problem: 'implausible', detail: '1900-01-15' });
    expect(read('01-01-1900')).toMatchObject({ iso: null, problem: 'implausible' });
  });

  it('"place, date" gives the date after the place', () => {
    expect(read('SERANG, 12-01-1980')).toEqual({ iso: '1980-01-12' });
    expect(read('KAB. LEBAK, 3 Maret 1985')).toEqual({ iso: '1985-03-03' });
    expect(read('SERANG 12/01/1980')).toEqual({ iso: '1980-01-12' });
    expect(read('SERANG')).toMatchObject({ iso: null, problem: 'unreadable' });
  });
});
