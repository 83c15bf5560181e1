/**
 * The facility's service day: the local date that numbers the queue and files the visits.
 *
 * Normally the date in the facility's time zone. When an administrator changes the zone in the
 * middle of a day (a puskesmas set up on WIB that is really on WITA), the day in progress runs
 * on under the old zone until that zone's next midnight; only then does the new zone take over.
 * Otherwise a change at 22:30 WIB to WIT (already 00:30 tomorrow there) would restart the
 * numbering and hide the day's queue, and a change the other way would make today "yesterday".
 */
import { isoDateInZone } from '../../shared/dates';

export interface ZoneChange {
  from: string;
  to: string;
  /** When it was changed (ISO UTC). */
  at: string;
}

export function serviceDay(now: Date, timeZone: string, change: ZoneChange | null): string {
  if (change && change.to === timeZone && change.from !== timeZone) {
    const at = new Date(change.at);
    if (now >= at && now < nextMidnight(at, change.from)) return isoDateInZone(now, change.from);
  }
  return isoDateInZone(now, timeZone);
}

/** The first instant after `after` at which the local date in `zone` changes (to the millisecond). */
export function nextMidnight(after: Date, zone: string): Date {
  const day = isoDateInZone(after, zone);
  let lo = after.getTime();
  let hi = lo + 50 * 3_600_000; // a local day is at most 25 hours, even across a DST change
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (isoDateInZone(new Date(mid), zone) === day) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
