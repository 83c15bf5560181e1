import type { Db } from '../store/open-database';

/**
 * How far behind the latest registration this PC's clock may be and still be taken as the same,
 * later day: a clock corrected back across midnight (a PC 20 minutes fast set right at 00:10, a
 * PC on WITA set to WIB) is hours off at most. A clock that ran a whole day ahead and was set
 * right is not followed: its visits stay on their (wrong) day, and the counter goes on with the
 * real one instead of filing a whole day's visits under tomorrow.
 */
export const DAY_CARRY_LIMIT_MS = 6 * 3_600_000;

/**
 * The day this counter files a visit under: the facility's service day by the clock
 * (`dayOf(now)`, service-day.ts), unless a later day has already begun here. At a 24-hour counter a
 * PC clock corrected back across midnight (00:10 set back to 23:50) would otherwise file the next
 * patient under a day that has already ended at this counter: a number of yesterday, a visit that
 * is in no queue the next morning, and the night's patients of the later day hidden from the queue
 * while the clock is behind. Nobody arrives before a patient already registered: while the latest
 * arrival of a later day is ahead of the clock (by less than DAY_CARRY_LIMIT_MS), that later day
 * goes on, and arrival-order.ts queues the visit after it and says how far the clock went back.
 *
 * That arrival must itself fall on the later day. A visit from another counter whose clock runs a
 * day ahead is dated tomorrow, but the hub puts its arrival (`queue_at`) on the hub's own clock:
 * it arrived today, so tomorrow has not begun, and one wrong PC does not move every counter's
 * queue to tomorrow.
 */
export function counterDay(db: Db, now: Date, dayOf: (instant: Date) => string): string {
  const clockDay = dayOf(now);
  const row = db
    .prepare('SELECT service_date AS day, max(coalesce(queue_at, registered_at)) AS last FROM visits WHERE service_date > ? GROUP BY service_date ORDER BY service_date DESC LIMIT 1')
    .get(clockDay) as { day: string; last: string } | undefined;
  if (!row) return clockDay;
  const last = new Date(row.last);
  const ahead = last.getTime() - now.getTime();
  return ahead <= DAY_CARRY_LIMIT_MS && dayOf(last) > clockDay ? row.day : clockDay;
}
