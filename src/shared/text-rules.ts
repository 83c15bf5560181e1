import { isValidYmd } from './dates';

// No zod here: the import's worker threads use these rules, and loading zod costs each ~75 ms
// (text-schemas.ts has the contract's schemas).

/** Dates Loket accepts anywhere: a birth date, a list's as-of date, a report range. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

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

/** yyyy-mm-dd of a day that exists, between FIRST_YEAR and LAST_YEAR. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  return y >= FIRST_YEAR && y <= LAST_YEAR && isValidYmd(y, Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}
