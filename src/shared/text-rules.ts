import { z } from 'zod';
import { isValidYmd } from './dates';

/** Dates Loket accepts anywhere: a birth date, a list's as-of date, a report range. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/**
 * A calendar date as yyyy-mm-dd that exists: not 0000-00-00, not 2026-02-30, not 9999-12-31
 * (each matches the pattern; none is a day anyone was born on or came to a counter).
 */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd')
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= FIRST_YEAR && y <= LAST_YEAR && isValidYmd(y, Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  }, { params: { rule: 'calendar-date' } });

/** C0 controls (NUL, bell, escape...) and DEL: nothing a person types into a name. */
export function hasControlCharacters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** The text with every control character removed. */
export function withoutControlCharacters(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) out += s[i];
  }
  return out;
}

/** Text a person typed (a name, an address, a query): no control characters. */
export const printable = <T extends z.ZodType<string>>(schema: T) => schema.refine((s) => !hasControlCharacters(s), { params: { rule: 'printable' } });
