// Keeps a dead BPJS service from costing the clerk a timeout on every look-up: after a run of
// failures we stop calling for a while, then let one trial call decide whether it is back.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold?: number; // consecutive failures that open the breaker; default 3
  coolDownMs?: number; // how long it stays open; default 60 s
  now?: () => number; // epoch ms, injectable for tests
}

export class CircuitBreaker {
  private readonly threshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = Math.max(1, options.failureThreshold ?? 3);
    this.coolDownMs = Math.max(0, options.coolDownMs ?? 60_000);
    this.now = options.now ?? Date.now;
  }

  /** For a status bar. 'half-open' means the cool-down is over and the next call is the trial. */
  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.coolDownMs ? 'half-open' : 'open';
  }

  /** When an open breaker will let a trial through (epoch ms), or null when closed. */
  get retryAt(): number | null {
    return this.openedAt === null ? null : this.openedAt + this.coolDownMs;
  }

  /**
   * Asks to make a call. True: go ahead, and report the outcome with succeed() or fail().
   * In half-open only one trial runs at a time; the others are refused until it reports.
   */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeed(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  fail(): void {
    if (this.trialInFlight || this.openedAt !== null) {
      // A failed trial reopens for a fresh cool-down.
      this.trialInFlight = false;
      this.openedAt = this.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }

  /** A call that was allowed but ended without telling us anything about the service. */
  release(): void {
    this.trialInFlight = false;
  }
}
