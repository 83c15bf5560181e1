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

/** "10.42" (id) / "10:42" (en) in the facility's zone. */
export function formatClock(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** "23 Nov 10.42": a live answer's moment, short enough for a table cell. */
export function formatDayClock(iso: string, lang: Lang, timeZone: string): string {
  const day = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'short', timeZone }).format(new Date(iso));
  return `${day} ${formatClock(iso, lang, timeZone)}`;
}

/** The calendar date (yyyy-mm-dd) of an instant in the facility's zone. */
export function localDateOf(iso: string, timeZone: string): string {
  // en-CA writes dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

/** "1,2" (id) / "1.2" (en): milliseconds as seconds with one decimal. */
export function formatSeconds(ms: number, lang: Lang): string {
  return (ms / 1000).toLocaleString(localeOf(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/**
 * "10 Jun 2025 10:42:05" (en) / "10 Jun 2025 10.42.05" (id): a log line's moment in the facility's
 * zone, the month in words as on every other screen (a slashed "01/12/2026" reads as 12 January to
 * an en-US reader: reporttester F4). Date and clock are formatted apart: the locales' own
 * join puts a comma between them.
 */
export function formatLogTime(iso: string, lang: Lang, timeZone: string): string {
  const at = new Date(iso);
  const day = new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: 'short', year: 'numeric', timeZone }).format(at);
  const clock = new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return `${day} ${clock}`;
}
