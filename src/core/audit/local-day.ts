import { isoDateInZone } from '../../shared/dates';
import { nextMidnight } from '../settings/service-day';

/** The first instant of a local calendar date in a time zone (UTC offsets never exceed a day). */
export function startOfLocalDay(date: string, zone: string): Date {
  let at = new Date(Date.parse(`${date}T00:00:00Z`) - 30 * 3_600_000);
  while (isoDateInZone(at, zone) < date) at = nextMidnight(at, zone);
  return at;
}

/** The first instant after a local calendar date. */
export function endOfLocalDay(date: string, zone: string): Date {
  return nextMidnight(startOfLocalDay(date, zone), zone);
}
