import { localeOf, type Lang } from './i18n';

export { todayIso } from './facility-today';

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "12 Mar 1985" / "12 Mei 2025": the month in words, so day and month are never confused. */
export function formatDate(iso: string | null, lang: Lang): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  let format = dateFormats.get(lang);
  if (!format) {
    // UTC on both sides: a calendar date must not shift with the clock's zone.
    format = new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** Whole years between a yyyy-mm-dd birth date and today (local calendar). */
export function ageInYears(iso: string | null, today: Date = new Date()): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age -= 1;
  return age >= 0 && age < 150 ? age : null;
}

/** Today as yyyy-mm-dd in the computer's zone: the upper bound of a birth date. */
