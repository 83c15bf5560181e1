import { MACHINE_DIGITS, MACHINE_GAP_MS, MAX_MEAN_GAP_MS, MAX_SCAN_DIGITS, MIN_SCAN_DIGITS } from '../../scan/scan-detector';

/**
 * A scan among the keys the type-ahead gate holds (type-ahead.ts). A card scanned while the
 * previous card's search still runs is held there key by key: the scan detector never sees it
 * whole (the page stalls while the answer renders, so the burst arrives in pieces), and dropping
 * its first digits as "typed ahead" would leave the rest to be searched as another number. So
 * the gate judges the held keys itself: digits at scanner pace are a machine's number, kept
 * whole and searched as a scan once it ends; a person's digits typed ahead stay what they were.
 */

/** A held key as this judgement needs it: its key and when it went down (event.timeStamp). */
export interface TimedKey {
  key: string;
  time?: number;
}

/** What the held keys are: no scan; a burst of digits still coming; or a scan that ended. */
export type HeldScan =
  | { kind: 'none' }
  | { kind: 'open' }
  /** `digits` (the first `taken` held keys, its Enter or Tab included) ended; `usable`: 10–16 digits. */
  | { kind: 'ended'; digits: string; taken: number; usable: boolean };

const isDigit = (key: string): boolean => key.length === 1 && key >= '0' && key <= '9';

function medianGap(times: number[]): number {
  const gaps = times.slice(1).map((t, i) => t - (times[i] as number)).sort((a, b) => a - b);
  return gaps.length === 0 ? Infinity : (gaps[Math.floor((gaps.length - 1) / 2)] as number);
}

/**
 * The held keys at `now`: a run of digits from the first held key on is a scan when it has
 * MACHINE_DIGITS or more and most of its keys came at scanner pace (the median gap: one stall
 * of a busy page inside the burst does not make it a person's). It ends with Enter or Tab (a
 * scanner's suffix, taken with it), another key, or a pause of MACHINE_GAP_MS (a scanner set
 * without a suffix). Fewer digits still coming may be a scan's first keys: 'open'.
 */
export function heldScan(keys: readonly TimedKey[], now: number): HeldScan {
  let n = 0;
  while (n < keys.length && isDigit((keys[n] as TimedKey).key)) n++;
  const run = keys.slice(0, n);
  const times = run.map((k) => k.time);
  if (n === 0 || times.some((t) => t === undefined)) return { kind: 'none' };
  const last = times[n - 1] as number;
  const quiet = n === keys.length && now - last >= MACHINE_GAP_MS;
  if (n < MACHINE_DIGITS) return n === keys.length && !quiet ? { kind: 'open' } : { kind: 'none' };
  if (medianGap(times as number[]) > MAX_MEAN_GAP_MS) return { kind: 'none' };
  if (n === keys.length && !quiet) return { kind: 'open' };
  const digits = run.map((k) => k.key).join('');
  const next = keys[n]?.key;
  const taken = next === 'Enter' || next === 'Tab' ? n + 1 : n;
  return { kind: 'ended', digits, taken, usable: n >= MIN_SCAN_DIGITS && n <= MAX_SCAN_DIGITS };
}
