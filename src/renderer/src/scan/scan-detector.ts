import { PROVINCE_CODES } from '../../../shared/nik';

/**
 * Tells a barcode scan from a clerk's typing, from key timing alone.
 *
 * A scanner "types" a NIK (16 digits) or card number (13) in a burst, a few milliseconds per key,
 * and ends it with Enter. A person types a digit every 80 ms or slower. Outside text fields the
 * caller holds each digit back (`hold`) until it knows which it is: a scan is then taken whole
 * (`scan`), a person's keys are given back in order (`replay`). Pure: the caller passes the time.
 */

/**
 * How long a lone digit outside a text field waits to see whether more follow (ms): long enough
 * for a scanner's second key on a busy old PC, short enough that a person hardly sees it (and
 * the next key, Enter included, gives it back at once, in order).
 */
export const HOLD_MS = 100;
/**
 * Once a burst runs at scanner pace, a pause up to this long does not end it (ms): an old PC
 * under load, or a USB hub, delivers a scanner's 5–20 ms keys in clumps now and then.
 */
export const BURST_GAP_MS = 150;
/**
 * In a text field nothing is held (the keys go in at once), so waiting costs nothing there: a
 * burst that starts in a field may pause this long (ms) before it is judged over.
 */
export const FIELD_GAP_MS = 200;
/** A scan's keys come at most this far apart on average (ms per key, Enter included); a person's at 80 ms or more. */
export const MAX_MEAN_GAP_MS = 50;
/** From this many digits at scanner pace on, the burst is a machine's: never given back as keys. */
export const MACHINE_DIGITS = 3;
/** A machine's burst ends only with Enter, another key, or this long a pause (ms). */
export const MACHINE_GAP_MS = 1000;
/** How soon after a digit given back a burst must start to be taken as the same scan (ms). */
export const SPLIT_MS = 400;
export const MIN_SCAN_DIGITS = 10;
export const MAX_SCAN_DIGITS = 16;

export interface KeyInput {
  key: string;
  /** ms, any monotonic origin (event.timeStamp). */
  time: number;
  /** Alt, Ctrl or Meta held: a shortcut, never part of a scan. */
  modified?: boolean;
  /** The key types into a text field (the caller lets it in at once instead of holding it). */
  inField?: boolean;
}

export interface Decision<T> {
  /** Earlier keys that turned out to be a person's, to be given back first, in order. */
  replay: T[];
  /**
   * Earlier keys that came at scanner speed but never made a scan (no Enter, a long pause): a
   * machine's, not a person's, so never given back (16 digits must not press 16 unit keys).
   */
  dropped: T[];
  /**
   * What to do with this key: `pass` it on; `hold` it (a possible scan); `scan`: it is the Enter
   * that ends a scan of `digits` (10–16); `reject`: the Enter ends a scanner-speed burst of more
   * than 16 digits, or (outside text fields) of fewer than 10. For scan and reject the burst and
   * this Enter are consumed. Fewer than 10 quick digits typed into a text field are a person's:
   * their Enter passes (`replay` holds them, which were never held back).
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
  inField: boolean;
  payload: T;
}

const isDigit = (key: string): boolean => key.length === 1 && key >= '0' && key <= '9';

/** A NIK (16 digits, a real province code first) or a JKN card number (13 digits, a leading 0). */
const knownShape = (d: string): boolean => (d.length === 16 && PROVINCE_CODES.includes(d.slice(0, 2))) || /^0\d{12}$/.test(d);

/**
 * How many leading digits of a burst are a person's key pressed just before the scan (a unit key,
 * 1–9): 0 when the burst itself has a known shape or no shorter tail has one; else 1 or 2.
 */
export function personsLead(digits: string): number {
  if (knownShape(digits)) return 0;
  for (const k of [1, 2]) if (/^[1-9]+$/.test(digits.slice(0, k)) && knownShape(digits.slice(k))) return k;
  return 0;
}

export class ScanDetector<T> {
  private burst: Held<T>[] = [];
  /**
   * One or two digits just given back as a person's because the next key came late: if a
   * machine's burst follows at once and only makes a NIK or card with them, they were the
   * scanner's first keys, split off by a stalled page. (Given back already; the scan still gets them.)
   */
  private recent: { keys: string; time: number } | null = null;

  /** The keys waiting for a decision (for the caller's bookkeeping). */
  get pending(): number {
    return this.burst.length;
  }

  /** A key went down. `payload` comes back in `replay`/`burst` (the event, its target, …). */
  feed(input: KeyInput, payload: T): Decision<T> {
    const last = this.burst[this.burst.length - 1];
    const gapOk = last !== undefined && input.time - last.time <= this.holdFor();

    if (isDigit(input.key) && !input.modified) {
      // A pause breaks the burst: what came before ends there.
      const released = last && !gapOk ? this.release() : { replay: [], dropped: [] };
      this.burst.push({ key: input.key, time: input.time, inField: input.inField === true, payload });
      return { ...released, action: 'hold' };
    }

    if (input.key === 'Enter' && !input.modified && gapOk && this.machine()) {
      const all = this.burst;
      this.burst = [];
      // The clerk's own key just before the scanner fired (a unit key, 17 ms earlier) is
      // indistinguishable by time; the number's shape tells it apart. It is given back first.
      const lead = personsLead(all.map((h) => h.key).join(''));
      const scanned = all.slice(lead);
      const burst = scanned.map((h) => h.payload);
      const own = scanned.map((h) => h.key).join('');
      const first = all[0] as Held<T>;
      const recent = this.recent && first.time - this.recent.time <= SPLIT_MS && !knownShape(own) && knownShape(this.recent.keys + own) ? this.recent.keys : '';
      this.recent = null;
      const digits = recent + own;
      const n = digits.length;
      // Too short to be a NIK or card, typed into a text field: a person rolling digits (a date
      // `08062013`, a house number). They stay where they were typed and the Enter is the field's.
      if (n < MIN_SCAN_DIGITS && all.every((h) => h.inField)) return { replay: all.map((h) => h.payload), dropped: [], action: 'pass' };
      const replay = all.slice(0, lead).map((h) => h.payload);
      // A machine's number Loket does not know (17 digits; 9 outside a text field, where the
      // digits would be unit keys) is swallowed whole, its Enter too: it must never confirm or
      // register anything on screen. The caller says so in words.
      return { replay, dropped: [], action: n >= MIN_SCAN_DIGITS && n <= MAX_SCAN_DIGITS ? 'scan' : 'reject', digits, burst };
    }

    // Any other key (or an Enter after a person's digits): the digits first, then this key.
    const released = this.release();
    this.recent = null;
    return { ...released, action: 'pass' };
  }

  /**
   * How long after the last key the burst is over (ms), so when the caller's timer calls tick():
   * HOLD_MS for a lone digit (a person's key waits no longer), BURST_GAP_MS for two quick ones,
   * FIELD_GAP_MS in a text field (nothing waits there), MACHINE_GAP_MS once the burst is plainly
   * a machine's (a stalled PC must not split a scan).
   */
  holdFor(): number {
    if (this.machine()) return MACHINE_GAP_MS;
    if (this.burst.length > 0 && this.burst.every((h) => h.inField)) return FIELD_GAP_MS;
    return this.burst.length >= 2 && this.meanGap() <= MAX_MEAN_GAP_MS ? BURST_GAP_MS : HOLD_MS;
  }

  /** Time passes without keys: a burst quiet for holdFor() or longer is over. */
  tick(now: number): Release<T> {
    const last = this.burst[this.burst.length - 1];
    if (!last || now - last.time < this.holdFor()) return { replay: [], dropped: [] };
    return this.release();
  }

  /** Ends the burst: a person's keys are to be replayed, a machine's dropped. */
  release(): Release<T> {
    const out = this.burst.map((h) => h.payload);
    const machine = this.machine();
    const last = this.burst[this.burst.length - 1];
    this.recent = !machine && last && this.burst.length <= 2 ? { keys: this.burst.map((h) => h.key).join(''), time: last.time } : null;
    this.burst = [];
    return machine ? { replay: [], dropped: out } : { replay: out, dropped: [] };
  }

  /** No person types MACHINE_DIGITS digits at scanner pace. */
  private machine(): boolean {
    return this.burst.length >= MACHINE_DIGITS && this.meanGap() <= MAX_MEAN_GAP_MS;
  }

  private meanGap(): number {
    const n = this.burst.length;
    const first = this.burst[0];
    const last = this.burst[n - 1];
    return first && last && n >= 2 ? (last.time - first.time) / (n - 1) : Infinity;
  }
}
