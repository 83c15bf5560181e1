import { describe, expect, it } from 'vitest';
import { dateCloseness } from '../../../src/shared/date-slips';

describe('birth dates that may be the same person\'s (searchtester S4, S11)', () => {
  it.each([
    ['1992-05-05', '1992-05-04'], // one digit
    ['1992-04-05', '1992-05-04'], // day and month swapped
    ['1983-09-04', '1983-04-09'],
    ['1970-05-03', '1970-05-30'], // two digits turned round
    ['1956-06-15', '1955-06-15'], // one digit of the year
    ['1950-01-01', '1950-07-01'], // the year-only conventions
    ['1950-03-12', '1950-07-01'],
    ['1945-11-20', '1945-01-01'],
    ['1992-12-08', '1992-12-03'],
    ['1992-03-12', '1992-12-03'],
    ['1990-05-15', '1990-05-05'],
  ])('%s is near %s', (a, b) => {
    expect(dateCloseness(a, b)).toBe('near');
    expect(dateCloseness(b, a)).toBe('near');
  });

  it('tells exact, missing and different apart', () => {
    expect(dateCloseness('1990-05-15', '1990-05-15')).toBe('exact');
    expect(dateCloseness(null, '1990-05-15')).toBe('unknown');
    expect(dateCloseness('1990-05-15', null)).toBe('unknown');
    expect(dateCloseness('1990-05-15', '1985-08-20')).toBe('different');
    expect(dateCloseness('1950-03-12', '1951-07-01')).toBe('different'); // the convention keeps the year
    expect(dateCloseness('1990-05-15', '1990-06-16')).toBe('different');
  });
});
