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
 *
 * The first call is moved onto the hub's clock the same way (`called_hub_at`, from the calling
 * counter's clock), so every wait (arrival to call) is counted on one clock; `called_at` stays as
 * the calling counter wrote it.
 */

/** Clocks within this many seconds of the hub's leave the order alone (a LAN's delay, the Date header's whole seconds, a little drift). */
export const QUEUE_CLOCK_TOLERANCE_S = 60;

/**
 * An instant a counter wrote (`registeredAt`, a call) on the hub's clock, given how far that counter's clock is ahead of the
 * hub's (seconds; negative: behind); null when within the tolerance or not known.
 */
export function queueOrderTime(registeredAt: string, counterAheadS: number | null | undefined): string | null {
  if (counterAheadS === null || counterAheadS === undefined || Math.abs(counterAheadS) <= QUEUE_CLOCK_TOLERANCE_S) return null;
  const at = Date.parse(registeredAt);
  if (!Number.isFinite(at)) return null;
  return new Date(at - counterAheadS * 1000).toISOString();
}

/** A visit's times the waits are counted from, as stored (the hub's columns null when the clock was right or not known). */
export interface WaitTimes {
  registeredAt: string;
  queueAt: string | null;
  calledAt: string | null;
  /** The first call on the hub's clock when the calling counter's was off (`called_hub_at`); null otherwise. */
  calledHubAt: string | null;
}

/**
 * Whole minutes waited, on the hub's clock: from the arrival (`queueAt`, else `registeredAt`) to
 * the first call (`calledHubAt`, else `calledAt`), so neither a slow registering PC nor a slow
 * calling PC adds or takes an hour. Without a call: to `endHere` (a serve by an older Loket, a
 * cancel, now: this computer's clock, brought onto the hub's by `hubAheadS`, the hub's clock minus
 * this one's); null when there is no end either. Never below 0.
 */
export function minutesWaited(v: WaitTimes, endHere: string | null, hubAheadS: number | null): number | null {
  const arrived = Date.parse(v.queueAt ?? v.registeredAt);
  const ended = v.calledAt !== null ? Date.parse(v.calledHubAt ?? v.calledAt) : endHere === null ? null : Date.parse(endHere) + (hubAheadS ?? 0) * 1000;
  return ended === null ? null : Math.max(0, Math.round((ended - arrived) / 60_000));
}
