import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateFieldState, dateInWords, textAfterValue } from '../../../src/renderer/src/components/date-field-logic';

const TODAY = '2026-11-29';

describe('dateInWords', () => {
  it('writes the month in words in the UI language', () => {
    expect(dateInWords('1985-03-12', 'id')).toBe('12 Maret 1985');
    expect(dateInWords('1985-03-12', 'en')).toBe('12 March 1985');
    expect(dateInWords('1990-08-28', 'id')).toBe('28 Agustus 1990');
    expect(dateInWords('1990-05-17', 'id')).toBe('17 Mei 1990');
    expect(dateInWords('', 'id')).toBe('');
  });
});

describe('dateFieldState: what the field gives and shows', () => {
  it('gives ISO and the date in words for a date', () => {
    expect(dateFieldState('28081990', { today: TODAY, lang: 'id', kind: 'birth' })).toEqual({
      iso: '1990-08-28',
      error: null,
      note: { tone: 'ok', words: '28 Agustus 1990' },
    });
  });

  it('gives nothing and the error for text that is no date', () => {
    expect(dateFieldState('31-02-1985', { today: TODAY, lang: 'id', kind: 'birth' })).toEqual({
      iso: '',
      error: 'no-such-date',
      note: { tone: 'error', error: 'no-such-date', text: '31-02-1985' },
    });
  });

  it('refuses a future birth date: no ISO, an error', () => {
    const s = dateFieldState('01-01-2027', { today: TODAY, lang: 'id', kind: 'birth' });
    expect(s.iso).toBe('');
    expect(s.error).toBe('future-birth');
  });

  it('warns about a future date of another kind, still giving it', () => {
    const s = dateFieldState('01-01-2027', { today: TODAY, lang: 'en', kind: 'any' });
    expect(s).toEqual({ iso: '2027-01-01', error: null, note: { tone: 'warn', words: '1 January 2027', warnings: [{ kind: 'future' }] } });
  });

  it('warns when the NIK says another birth date', () => {
    const s = dateFieldState('13-03-1985', { today: TODAY, lang: 'id', kind: 'birth', nikBirthDate: '1985-03-12' });
    expect(s.iso).toBe('1985-03-13');
    expect(s.note).toEqual({ tone: 'warn', words: '13 Maret 1985', warnings: [{ kind: 'nik', nikDate: '1985-03-12' }] });
  });

  it('does not call half a date an error while the clerk types, but does once the field is left', () => {
    expect(dateFieldState('2808', { today: TODAY, lang: 'id', focused: true }).note).toEqual({ tone: 'typing' });
    expect(dateFieldState('2808', { today: TODAY, lang: 'id', focused: false }).note).toEqual({ tone: 'error', error: 'unreadable', text: '2808' });
    expect(dateFieldState('2808', { today: TODAY, lang: 'id', focused: true }).error).toBe('unreadable');
  });

  it('empty text is no date and no error', () => {
    expect(dateFieldState('', { today: TODAY, lang: 'id' })).toEqual({ iso: '', error: null, note: { tone: 'empty' } });
  });
});

describe('textAfterValue: the text follows a value from outside, never the field\'s own', () => {
  it('keeps what the clerk typed when the value is the one the field gave', () => {
    expect(textAfterValue('1985-03-12', '1985-03-12', '12/3/85')).toBe('12/3/85');
    expect(textAfterValue('', '', '31-02-1985')).toBe('31-02-1985');
  });

  it('writes a value from outside day first, and clears for an empty one', () => {
    expect(textAfterValue('1990-08-28', '', '')).toBe('28-08-1990');
    expect(textAfterValue('', '1990-08-28', '28081990')).toBe('');
  });

  it('a value written day first reads back to itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-29T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const text = textAfterValue(iso, '', '');
        expect(dateFieldState(text, { today: TODAY, lang: 'id', kind: 'birth' }).iso).toBe(iso);
      }),
    );
  });
});
