import { z } from 'zod';
import { hasControlCharacters, isCalendarDate, withoutFormatCharacters } from './text-rules';

/**
 * A calendar date as yyyy-mm-dd that exists: not 0000-00-00, not 2026-02-30, not 9999-12-31
 * (each matches the pattern; none is a day anyone was born on or came to a counter).
 */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd')
  .refine(isCalendarDate, { params: { rule: 'calendar-date' } });

/**
 * Text a person typed and Loket keeps or prints (a name, an address): no control characters and
 * no format characters such as bidi overrides or zero-width spaces (text-rules.ts): what is
 * stored must be what every screen, slip and export shows, and what a search finds.
 */
export const printable = <T extends z.ZodType<string>>(schema: T) => schema.refine((s) => !hasControlCharacters(s), { params: { rule: 'printable' } });

/**
 * A search a clerk typed or pasted: format characters (a direction mark copied from a web page,
 * a zero-width space) are dropped rather than refused, since they change nothing the clerk
 * sees; `schema` (trim, bounds, printable) then judges what is left.
 */
export const typedQuery = <T extends z.ZodType<string, string>>(schema: T) => z.string().transform(withoutFormatCharacters).pipe(schema);

/**
 * A person's name holds at least one letter (of any script): "1" or "-" typed by habit into the
 * name field (scan, Enter, unit digit, Enter after a NIK on no list) is no name, and would print
 * a slip and make a record named "1".
 */
export const hasLetter = (text: string): boolean => /\p{L}/u.test(text);
export const personName = <T extends z.ZodType<string>>(schema: T) =>
  // An empty name is the `required` rule's to report, not this one's.
  schema.refine((text) => text.trim() === '' || hasLetter(text), { params: { rule: 'letters' } });
