import { formatMessage, type Lang } from './i18n/messages';

/**
 * A counter's clock compared with its hub's. Visits are filed under the counter's own date and
 * time (its service date, its queue day), so a counter a day off files them under the wrong day;
 * trust in the hub never rests on the clock (the pinned transport ignores certificate dates), so
 * the difference is said in words instead. Within this many minutes nothing is said: the hub's
 * `Date` header has whole seconds and a PC's clock drifts a little between time syncs.
 */
export const CLOCK_TOLERANCE_MINUTES = 5;

/**
 * Sent by a counter on every request to its hub (enrollment included): its own clock, in ms since
 * 1970, when it sent the request. The hub compares it with its own clock and keeps the difference
 * for `loket hub status`, so the IT officer sees which counter's clock is off. Older counters do not
 * send it (the hub then knows nothing of their clock).
 */
export const COUNTER_CLOCK_HEADER = 'x-loket-clock';

/**
 * Sent likewise: the time zone the counter files its visits under (its settings' timeZone). Until
 * the hub holds a facility zone each counter keeps its own; `loket hub status` says when enrolled
 * counters differ (reporttester F9). Older counters do not send it.
 */
export const COUNTER_ZONE_HEADER = 'x-loket-time-zone';

/** Whether a difference of `minutes` (either way) is beyond the tolerance. */
export const clockIsOff = (minutes: number): boolean => Math.abs(minutes) > CLOCK_TOLERANCE_MINUTES;

/** The hub's clock minus this computer's, in whole minutes, when beyond the tolerance; null otherwise (or unknown). */
export function clockDifferenceMinutes(offsetMs: number | null | undefined): number | null {
  if (offsetMs === null || offsetMs === undefined || !Number.isFinite(offsetMs)) return null;
  const minutes = Math.round(offsetMs / 60_000);
  return clockIsOff(minutes) ? minutes : null;
}

/** Counters whose clocks agree with each other within this many minutes are "off by the same amount". */
export const SAME_OFFSET_SPREAD_MINUTES = 2 * CLOCK_TOLERANCE_MINUTES;

/**
 * When every active counter's clock is off the hub's by about the same amount, the likelier
 * story is one wrong clock at the hub, not several wrong counters (each PC keeps its own time):
 * returns how far the hub's clock then seems off, in whole minutes (negative: behind the
 * counters'), and of how many counters, or null. Needs two counters at least (one alone cannot say whose clock is wrong),
 * all off beyond the tolerance, on the same side, within SAME_OFFSET_SPREAD_MINUTES of each other.
 * Revoked counters and counters whose clock is not known do not count.
 */
export function hubClockLikelyOff(counters: readonly { revoked: boolean; clockAheadMinutes?: number | null | undefined }[]): HubClockOff | null {
  const ahead = counters.filter((c) => !c.revoked && typeof c.clockAheadMinutes === 'number').map((c) => c.clockAheadMinutes as number);
  if (ahead.length < 2 || !ahead.every(clockIsOff)) return null;
  if (!ahead.every((m) => Math.sign(m) === Math.sign(ahead[0]!))) return null;
  const sorted = [...ahead].sort((a, b) => a - b);
  if (sorted.at(-1)! - sorted[0]! > SAME_OFFSET_SPREAD_MINUTES) return null;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { minutes: -median + 0, counters: ahead.length }; // the counters ahead of the hub: the hub behind them
}

export interface HubClockOff {
  /** The hub's clock minus the counters', whole minutes (negative: the hub is behind). */
  minutes: number;
  /** How many active counters agree on it. */
  counters: number;
}

const UNITS: Record<Lang, { day: [string, string]; hour: [string, string]; minute: [string, string] }> = {
  id: { day: ['hari', 'hari'], hour: ['jam', 'jam'], minute: ['menit', 'menit'] },
  en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
};

/** "1 hari 2 jam", "62 menit" / "1 day 2 hours": the two largest parts that are not zero. */
export function durationWords(lang: Lang, totalMinutes: number): string {
  const m = Math.abs(Math.round(totalMinutes));
  const parts: [number, keyof (typeof UNITS)['id']][] = [
    [Math.floor(m / 1440), 'day'],
    [Math.floor((m % 1440) / 60), 'hour'],
    [m % 60, 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) return `0 ${UNITS[lang].minute[1]}`;
  return shown.map(([n, unit]) => `${n} ${UNITS[lang][unit][n === 1 ? 0 : 1]}`).join(' ');
}

/** What to tell the clerk or the IT officer about a difference of `minutes` (hub minus this computer). */
export function clockDifferenceText(lang: Lang, minutes: number): string {
  return formatMessage(lang, minutes > 0 ? 'hub/clock-behind' : 'hub/clock-ahead', { amount: durationWords(lang, minutes) });
}
