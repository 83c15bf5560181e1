import { z } from 'zod';
import { hasControlCharacters, isCalendarDate } from './text-rules';

/**
 * A calendar date as yyyy-mm-dd that exists: not 0000-00-00, not 2026-02-30, not 9999-12-31
 * (each matches the pattern; none is a day anyone was born on or came to a counter).
 */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd')
  .refine(isCalendarDate, { params: { rule: 'calendar-date' } });

/** Text a person typed (a name, an address, a query): no control characters. */
export const printable = <T extends z.ZodType<string>>(schema: T) => schema.refine((s) => !hasControlCharacters(s), { params: { rule: 'printable' } });
