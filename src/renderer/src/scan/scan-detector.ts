/**
 * Tells a barcode scan from a clerk's typing, from key timing alone.
 *
 * A scanner "types" a NIK (16 digits) or card number (13) in a burst, a few milliseconds per key,
 * and ends it with Enter. A person types a digit every 80 ms or slower. Outside text fields the
 * caller holds each digit back (`hold`) until it knows which it is: a scan is then taken whole
 * (`scan`), a person's keys are given back in order (`replay`). Pure: the caller passes the time.
 */

/** Longest pause between two keys of one burst (ms). A loaded PC stretches a scanner's 5–20 ms. */
export const MAX_GAP_MS = 50;
/** A scan's keys come this fast on average (ms per key, Enter included). */
export const MAX_MEAN_GAP_MS = 30;
/** How long a held key waits before it is judged a person's (ms): the caller's timer. */
export const HOLD_MS = MAX_GAP_MS;
export const MIN_SCAN_DIGITS = 10;
export const MAX_SCAN_DIGITS = 16;

export interface KeyInput {
  key: string;
  /** ms, any monotonic origin (event.timeStamp). */
  time: number;
  /** Alt, Ctrl or Meta held: a shortcut, never part of a scan. */
  modified?: boolean;
}

export interface Decision<T> {
  /** Earlier keys that turned out to be a person's, to be given back first, in order. */
  replay: T[];
  /**
   * Earlier keys that came at scanner speed but never made a scan (no Enter, or a pause): a
   * machine's, not a person's, so never given back (16 digits must not press 16 unit keys).
   */
  dropped: T[];
  /**
   * What to do with this key: `pass` it on; `hold` it (a possible scan); `scan`: it is the Enter
   * that ends a scan of `digits`; `reject`: the Enter ends a scanner-speed burst that is no number
   * Loket knows (17+ digits). For scan and reject the burst and this Enter are consumed.
   */
  action: 'pass' | 'hold' | 'scan' | 'reject';
  digits?: string;
  /** For scan and reject: the burst's keys (the caller may undo what they did in a text field). */
  burst?: T[];
}

/** What became of keys held when the burst ended without a scan. */
export interface Release<T> {
  replay: T[];
  dropped: T[];
}

interface Held<T> {
  key: string;
  time: number;
  payload: T;
}

const isDigit = (key: string): boolean => key.length === 1 && key >= '0' && key <= '9';

export class ScanDetector<T> {
  private burst: Held<T>[] = [];

  /** The keys waiting for a decision (for the caller's bookkeeping). */
  get pending(): number {
    return this.burst.length;
  }

  /** A key went down. `payload` comes back in `replay`/`burst` (the event, its target, …). */
  feed(input: KeyInput, payload: T): Decision<T> {
    const last = this.burst[this.burst.length - 1];
    const gapOk = last !== undefined && input.time - last.time <= MAX_GAP_MS;

    if (isDigit(input.key) && !input.modified) {
      // A pause breaks the burst: what came before ends there.
      const released = last && !gapOk ? this.release() : { replay: [], dropped: [] };
      this.burst.push({ key: input.key, time: input.time, payload });
      return { ...released, action: 'hold' };
    }

    if (input.key === 'Enter' && !input.modified && last && gapOk && this.fast(input.time)) {
      const n = this.burst.length;
      if (n >= MIN_SCAN_DIGITS) {
        const burst = this.burst.map((h) => h.payload);
        const digits = this.burst.map((h) => h.key).join('');
        this.burst = [];
        return { replay: [], dropped: [], action: n <= MAX_SCAN_DIGITS ? 'scan' : 'reject', digits, burst };
      }
    }

    // Any other key (or an Enter after a person's digits): the digits first, then this key.
    return { ...this.release(), action: 'pass' };
  }

  /** Time passes without keys: a burst quiet for HOLD_MS or longer is over. */
  tick(now: number): Release<T> {
    const last = this.burst[this.burst.length - 1];
    if (!last || now - last.time < HOLD_MS) return { replay: [], dropped: [] };
    return this.release();
  }

  /** Ends the burst: a person's keys are to be replayed, a machine's dropped. */
  release(): Release<T> {
    const out = this.burst.map((h) => h.payload);
    const last = this.burst[this.burst.length - 1];
    const machine = last !== undefined && this.burst.length >= MIN_SCAN_DIGITS && this.fast(last.time, this.burst.length - 1);
    this.burst = [];
    return machine ? { replay: [], dropped: out } : { replay: out, dropped: [] };
  }

  /** Keys at scanner speed from the burst's first key to `until`, over `gaps` intervals (default: digits + Enter). */
  private fast(until: number, gaps = this.burst.length): boolean {
    const first = this.burst[0];
    if (!first || gaps <= 0) return false;
    return (until - first.time) / gaps <= MAX_MEAN_GAP_MS;
  }
}
