// What the date field shows beside the text: the understood date in words, a warning, or the
// error in words. Pure, so every rule is unit-tested without a browser.
import type { Lang } from '../../../shared/i18n/messages';
import { dateWarnings, isoToDayFirst, parseTypedDate, type DateKind, type DateWarning, type TypedDateError } from '../../../shared/typed-date';

// Written out rather than left to Intl: the same words on every Windows build, and testable in Node.
const MONTH_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "12 Maret 1985" / "12 March 1985": the month in words, so day and month are never confused. */
export function dateInWords(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) return '';
  return `${Number(m[3])} ${MONTH_WORDS[lang][Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

export type DateNote =
  | { tone: 'empty' }
  | { tone: 'typing' }
  | { tone: 'ok'; words: string }
  | { tone: 'warn'; words: string; warnings: DateWarning[] }
  | { tone: 'error'; error: TypedDateError; text: string };

export interface DateFieldState {
  /** What the rest of the app gets: ISO yyyy-mm-dd or ''. */
  iso: string;
  /** Set when the text is not empty and gives no date: a form refuses to save it as it is. */
  error: TypedDateError | null;
  note: DateNote;
}

export interface DateFieldOptions {
  today: string;
  lang: Lang;
  kind?: DateKind;
  nikBirthDate?: string | null;
  /** While the clerk is still typing, half a date is not yet an error. */
  focused?: boolean;
}

export function dateFieldState(text: string, options: DateFieldOptions): DateFieldState {
  const kind = options.kind ?? 'any';
  const parsed = parseTypedDate(text, { today: options.today, kind });
  if (!parsed.ok) {
    const typing = parsed.error === 'unreadable' && options.focused === true;
    return { iso: '', error: parsed.error, note: typing ? { tone: 'typing' } : { tone: 'error', error: parsed.error, text: text.trim() } };
  }
  if (parsed.iso === '') return { iso: '', error: null, note: { tone: 'empty' } };
  const words = dateInWords(parsed.iso, options.lang);
  const warnings = dateWarnings(parsed.iso, { today: options.today, kind, nikBirthDate: options.nikBirthDate ?? null });
  return { iso: parsed.iso, error: null, note: warnings.length > 0 ? { tone: 'warn', words, warnings } : { tone: 'ok', words } };
}

/**
 * The field's text after its value prop changed. A value the field itself gave keeps the clerk's
 * text as typed ("12/3/85" stays); any other (the form filled it from the NIK, Esc cleared it)
 * replaces the text, written day first.
 */
export function textAfterValue(value: string, lastGiven: string, text: string): string {
  if (value === lastGiven) return text;
  return isoToDayFirst(value);
}
