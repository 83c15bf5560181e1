import { isoDateInZone } from '../../shared/dates';

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
