import { QUEUE_CLOCK_TOLERANCE_S } from '../../shared/queue-clock';
import type { Db } from '../store/open-database';

/**
 * A visit's place in the order of arrival when this PC's clock went back during the day.
 *
 * Queues order by arrival time (`coalesce(queue_at, registered_at)`). A clock corrected backwards
 * (a PC set to WITA instead of WIB and fixed at nine, a CMOS clock Windows re-syncs) would put
 * everyone registered after the correction before everyone who came earlier, with the size of the
 * correction as their wait. Nobody can come before a patient already registered, so a visit whose
 * time is more than the tolerance before the day's latest arrival is queued just after it
 * (`queue_at`), and the registration says how far the clock went back. `registered_at` stays the
 * clock's own reading: it is the record.
 *
 * Across midnight the day is the later one already begun here (counter-day.ts), so a clock set
 * back from 00:10 to 23:50 is compared with 00:10 too. A clock that jumped a day ahead files
 * visits under tomorrow's service day; that is not caught here.
 */
export interface ArrivalOrder {
  /** The queue order time to store: `hubQueueAt` unless the clock went back. */
  queueAt: string | null;
  /** Whole minutes this PC's clock is behind the day's latest arrival; absent when it is not. */
  clockBackMinutes?: number;
}

export function arrivalOrder(db: Db, serviceDate: string, registeredAt: string, hubQueueAt: string | null): ArrivalOrder {
  const { last } = db.prepare('SELECT max(coalesce(queue_at, registered_at)) AS last FROM visits WHERE service_date = ?').get(serviceDate) as { last: string | null };
  const lastMs = last === null ? NaN : Date.parse(last);
  const ownMs = Date.parse(hubQueueAt ?? registeredAt);
  if (!Number.isFinite(lastMs) || lastMs - ownMs <= QUEUE_CLOCK_TOLERANCE_S * 1000) return { queueAt: hubQueueAt };
  return { queueAt: new Date(lastMs + 1).toISOString(), clockBackMinutes: Math.round((lastMs - ownMs) / 60_000) };
}
