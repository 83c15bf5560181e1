import { describe, expect, it } from 'vitest';
import { nameWithDate } from '../../../src/shared/name-with-date';

const today = '2026-12-02';

describe('nameWithDate', () => {
  it('takes a birth date typed after (or before) the name apart from it, in the forms a clerk types', () => {
    for (const [query, dateText] of [
      ['siti aminah 12-03-1985', '12-03-1985'],
      ['siti aminah 12/3/1985', '12/3/1985'],
      ['siti aminah 12.03.85', '12.03.85'],
      ['siti aminah 12031985', '12031985'],
      ['siti aminah, 12 Maret 1985', '12 Maret 1985'],
      ['  siti   aminah   12-03-1985 ', '12-03-1985'],
    ] as const) {
      expect(nameWithDate(query, today), query).toEqual({ name: 'siti aminah', dateText, iso: '1985-03-12' });
    }
    expect(nameWithDate('12-03-1985 siti aminah', today)).toEqual({ name: 'siti aminah', dateText: '12-03-1985', iso: '1985-03-12' });
  });

  it('leaves a name alone: no date, a date that cannot be a birth date, or nothing but the date', () => {
    expect(nameWithDate('siti aminah', today)).toBeNull();
    expect(nameWithDate('bayi ny. siti 2', today)).toBeNull();
    expect(nameWithDate('siti aminah 31-02-1985', today)).toBeNull();
    expect(nameWithDate('siti aminah 12-03-2027', today)).toBeNull();
    expect(nameWithDate('12-03-1985', today)).toBeNull();
    expect(nameWithDate('RM lama 000013', today)).toBeNull();
    expect(nameWithDate('siti aminah 3673015203850003', today)).toBeNull();
  });
});
