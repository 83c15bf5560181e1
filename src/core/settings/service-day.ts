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
import type { RunningDay } from '../../shared/settings';

export interface ZoneChange {
  from: string;
  to: string;
  /** When it was changed (ISO UTC). */
  at: string;
}

/** From `at` (ISO UTC) on, visits are filed under `to` instead of `from` (settings.repo.ts readZoneSwitches). */
export interface ZoneSwitch {
  from: string;
  to: string;
  at: string;
}

/**
 * The zone a visit registered at `instant` was filed under: the zone its service date and its
 * times belong to. Before the first switch, that switch's old zone; none recorded: the zone now.
 */
export function zoneAt(instant: string, switches: readonly ZoneSwitch[], current: string): string {
  if (switches.length === 0) return current;
  const t = Date.parse(instant);
  let zone = switches[0]!.from;
  for (const s of switches) if (Date.parse(s.at) <= t) zone = s.to;
  return zone;
}

export function serviceDay(now: Date, timeZone: string, change: ZoneChange | null): string {
  return isoDateInZone(now, oldZoneDay(now, timeZone, change)?.zone ?? timeZone);
}

/**
 * While the day in progress finishes under the zone it began in (after a change of zone), that
 * zone and the instant its day ends (ISO UTC); otherwise null. The screens take "today" from it
 * (settings view `runningDay`), so they name the same day the core numbers and files under.
 */
export function oldZoneDay(now: Date, timeZone: string, change: ZoneChange | null): RunningDay | null {
  if (!change || change.to !== timeZone || change.from === timeZone) return null;
  const at = new Date(change.at);
  const until = nextMidnight(at, change.from);
  return now >= at && now < until ? { zone: change.from, until: until.toISOString() } : null;
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
