import { formatCalendarDate } from '../../shared/dates';
import type { Lang } from '../../shared/i18n/messages';

export { todayIso } from './facility-today';

/** "12 Mar 1985" / "12 Mei 2025": the month in words, so day and month are never confused. */
export function formatDate(iso: string | null, lang: Lang): string | null {
  return iso ? formatCalendarDate(iso, lang) : null;
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
