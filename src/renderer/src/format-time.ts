import type { TFunction } from 'i18next';
import { localeOf, type Lang } from './i18n';

/** "Jum, 13 Jun 2025 11.00" in the facility's zone: a deadline the clerk can act on. */
export function formatDateTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** "2 hari 5 jam" / "3 jam 10 menit" / "12 menit": the two largest parts, zero parts left out. */
export function formatDuration(minutes: number, t: TFunction): string {
  const total = Math.abs(Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('duration.days', { count: days }));
    if (hours > 0) parts.push(t('duration.hours', { count: hours }));
  } else if (hours > 0) {
    parts.push(t('duration.hours', { count: hours }));
    if (mins > 0) parts.push(t('duration.minutes', { count: mins }));
  } else parts.push(t('duration.minutes', { count: mins }));
  return parts.join(' ');
}
