/**
 * Keys typed ahead of the screen (F8): a practised clerk's "scan, Enter, unit digit, Enter" often
 * arrives before the scan's answer, or before the unit step, is on screen. From the moment a
 * search is asked for (a scan, Enter in the search field) until its answer shows, no key reaches
 * the screen: the previous patient's answer and register panel, still visible, must never take
 * them. The keys are held and given, one at a time, to the step they were meant for once it
 * shows; where the answer shows no such step they are dropped (and the screen says so). Digits
 * at scanner pace are another card scanned meanwhile: kept whole and searched (held-scan.ts).
 * DOM-free for the unit tests; use-type-ahead.ts wires it to the keyboard and the screen.
 */
import { heldScan, type HeldScan } from './held-scan';

/** What the search screen shows now, as far as held keys are concerned. */
export type ScreenNow =
  /** The answer, or the step a held key made (the NIK check, the registration), is not up yet. */
  | 'pending'
  /** The unit step has the keys: digits, payer letters and Enter go there. */
  | 'unit'
  /** An answer naming a patient "Daftarkan" (Enter) registers; the search field has the focus. */
  | 'answer'
  /** Anything else: not found, a question, a conflict, a form, another screen. */
  | 'other';

/** A held key: what use-type-ahead gives back (the fields of a KeyboardEvent's init it needs). */
export interface HeldKey {
  key: string;
  /** When it went down (event.timeStamp): tells a scanner's burst from a person's keys. */
  time?: number;
  init: { key: string; code?: string; location?: number; shiftKey?: boolean };
}

/** What to do with the next held key on `screen`. */
export function heldKeyStep(screen: ScreenNow, key: string): 'wait' | 'replay' | 'drop' {
  if (screen === 'pending') return 'wait';
  if (screen === 'unit') return key === 'Enter' || key.length === 1 ? 'replay' : 'drop';
  if (screen === 'answer') return key === 'Enter' ? 'replay' : 'drop';
  return 'drop';
}

/** The gate between the keyboard and the search screen (one per renderer: `typeAhead`). */
/**
 * How long a search asked for may take to start (a look-up claiming it): a scan or Enter that
 * starts none (the same card scanned again, an Enter that registers instead) holds nothing.
 */
export const CLAIM_MS = 300;

export class TypeAhead {
  private gen = 0;
  /** The search asked for whose answer is not in yet; null: none pending. */
  private pending: number | null = null;
  private claimed = false;
  private begunAt = 0;
  private keys: HeldKey[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A search was asked for (a scan, Enter): from now on keys are held until its answer shows. */
  begin(): void {
    this.pending = ++this.gen;
    this.claimed = false;
    this.begunAt = this.now();
    // Keys held for an older search were meant for a screen that will never show.
    this.keys = [];
  }

  /** The look-up that runs the search asked for takes its number (null: no search was asked for). */
  claim(): number | null {
    if (!this.awaitingAnswer || this.claimed) return null;
    this.claimed = true;
    return this.pending;
  }

  /** The answer of look-up `gen` is in (shown, or failed). */
  answered(gen: number | null): void {
    if (gen !== null && gen === this.pending) this.pending = null;
  }

  /** Esc, a clear: nothing pending, nothing held (nothing is said: the clerk started over). */
  cancel(): void {
    this.pending = null;
    this.keys = [];
  }

  /** Whether a key pressed now is held: a search is pending, or earlier keys still wait for their step. */
  get holding(): boolean {
    return this.awaitingAnswer || this.keys.length > 0;
  }

  /** A search asked for whose answer is not in: claimed by its look-up, or still within CLAIM_MS of being asked for. */
  get awaitingAnswer(): boolean {
    return this.pending !== null && (this.claimed || this.now() - this.begunAt < CLAIM_MS);
  }

  hold(key: HeldKey): void {
    this.keys.push(key);
  }

  /** The next held key to give back, or null when it must wait (or none is held). */
  next(screen: ScreenNow): HeldKey | null {
    const first = this.keys[0];
    // Digits still coming may be a scan: none of them is a unit key before that is known.
    if (!first || this.awaitingAnswer || heldKeyStep(screen, first.key) !== 'replay' || this.scan().kind === 'open') return null;
    this.keys.shift();
    return first;
  }

  /** Whether the held keys must be dropped on `screen` (the step they were meant for is not there). */
  mustDrop(screen: ScreenNow): boolean {
    const first = this.keys[0];
    // Digits still coming may be a scan's first keys: they wait for the rest (held-scan.ts).
    return first !== undefined && !this.awaitingAnswer && heldKeyStep(screen, first.key) === 'drop' && this.scan().kind !== 'open';
  }

  /** Whether the held keys start with a scan (whatever the screen shows: a scan is always a new search). */
  scan(now: number = this.now()): HeldScan {
    return heldScan(this.keys, now);
  }

  /** Takes the first `n` held keys (a scan that ended) and lets go of the rest, returned. */
  take(n: number): HeldKey[] {
    const rest = this.keys.slice(n);
    this.keys = [];
    return rest;
  }

  /** Drops every held key; how many there were. */
  drop(): number {
    const n = this.keys.length;
    this.keys = [];
    return n;
  }
}

/** The renderer's one gate: the scan (App), the search flow and the look-up share it. */
export const typeAhead = new TypeAhead();
