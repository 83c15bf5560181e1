/**
 * The order of arrival when a counter's clock is wrong (docs/hub.md "The counter's clock").
 *
 * A visit's `registered_at` is the registering counter's own clock, and it stays as written (it is
 * the record). Queues are ordered by arrival, so a PC an hour slow would put its patients an hour
 * ahead of everyone. The queue order time (`queue_at`) is the registration time moved onto the
 * hub's clock: the hub sets it when the visit reaches it (it measures that very request's clock,
 * X-Loket-Clock), and a counter sets it on its own visits not yet sent, from its last difference
 * with the hub. Null when the clock was within the tolerance (or not known): then the queue orders
 * by `registered_at`, as before. A counter whose own clock went back during the day also sets it,
 * just after the day's latest arrival (core/visits/arrival-order.ts).
 */

/** Clocks within this many seconds of the hub's leave the order alone (a LAN's delay, the Date header's whole seconds, a little drift). */
export const QUEUE_CLOCK_TOLERANCE_S = 60;

/**
 * `registeredAt` on the hub's clock, given how far the registering counter's clock is ahead of the
 * hub's (seconds; negative: behind); null when within the tolerance or not known.
 */
export function queueOrderTime(registeredAt: string, counterAheadS: number | null | undefined): string | null {
  if (counterAheadS === null || counterAheadS === undefined || Math.abs(counterAheadS) <= QUEUE_CLOCK_TOLERANCE_S) return null;
  const at = Date.parse(registeredAt);
  if (!Number.isFinite(at)) return null;
  return new Date(at - counterAheadS * 1000).toISOString();
}

/**
 * When a visit arrived, in ms on this computer's clock, for the waits it shows: `queueAt` (the
 * hub's clock) brought back by `hubAheadS` (the hub's clock minus this one's; null within the
 * tolerance), since the call and now are this computer's; `registeredAt` when there is no `queueAt`.
 */
export function arrivedAtMs(registeredAt: string, queueAt: string | null, hubAheadS: number | null): number {
  return queueAt === null ? Date.parse(registeredAt) : Date.parse(queueAt) - (hubAheadS ?? 0) * 1000;
}
