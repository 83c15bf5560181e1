import { isoDateInZone } from '../../shared/dates';
import type { CounterSettingsView } from '../../shared/settings';

/**
 * Today at the facility, in its time zone: a PC whose clock runs on another zone (or on UTC, as
 * a reinstalled Windows may) must not open the reports on the wrong day.
 */
export function facilityToday(timeZone: string | undefined, now: Date = new Date()): string {
  return timeZone ? isoDateInZone(now, timeZone) : todayIso(now);
}

/** Today by the PC's own clock and zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The service day: the day the core numbers the queue and files the visits by. After a change of
 * the facility's zone it is the old zone's date until that zone's midnight (`runningDay`), so
 * "Hari ini" and the undo of today's changes name the day the visits are on (nighttester F12).
 */
export function serviceToday(settings: Pick<CounterSettingsView, 'timeZone' | 'runningDay'> | null | undefined, now: Date = new Date()): string {
  const running = settings?.runningDay;
  if (running && now.getTime() < Date.parse(running.until)) return isoDateInZone(now, running.zone);
  return facilityToday(settings?.timeZone, now);
}
