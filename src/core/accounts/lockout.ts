/**
 * The lock-out rule, in one place: after MAX_FAILED_ATTEMPTS wrong passwords or PINs in a row an
 * account is locked out for FIRST_LOCKOUT_MINUTES; every further lock-out in a row lasts twice
 * the one before (up to MAX_LOCKOUT_MINUTES). A good sign-in clears both counts. Pure: the
 * account store and the decoys for unknown usernames apply it alike.
 */
export const MAX_FAILED_ATTEMPTS = 5;
export const FIRST_LOCKOUT_MINUTES = 5;
export const MAX_LOCKOUT_MINUTES = 24 * 60;

export interface LockoutState {
  failedAttempts: number;
  /** Lock-outs in a row so far. */
  lockouts: number;
  /** ISO UTC, or null. */
  lockedUntil: string | null;
}

export const CLEAR_LOCKOUT: LockoutState = { failedAttempts: 0, lockouts: 0, lockedUntil: null };

/** Still locked out at `now`: the instant it ends; else null. */
export function lockedOutUntil(state: LockoutState, now: Date): string | null {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime() ? state.lockedUntil : null;
}

export function lockoutMinutes(lockouts: number): number {
  return Math.min(MAX_LOCKOUT_MINUTES, FIRST_LOCKOUT_MINUTES * 2 ** Math.max(0, lockouts - 1));
}

/** The state after one more wrong secret, and how many attempts are left before a lock-out (0: locked out now). */
export function afterFailure(state: LockoutState, now: Date): { state: LockoutState; attemptsLeft: number } {
  const failed = state.failedAttempts + 1;
  if (failed < MAX_FAILED_ATTEMPTS) return { state: { ...state, failedAttempts: failed }, attemptsLeft: MAX_FAILED_ATTEMPTS - failed };
  const lockouts = state.lockouts + 1;
  const until = new Date(now.getTime() + lockoutMinutes(lockouts) * 60_000).toISOString();
  return { state: { failedAttempts: 0, lockouts, lockedUntil: until }, attemptsLeft: 0 };
}

/** Minutes until the lock-out ends, rounded up (what a person is told). */
export const minutesUntil = (until: string, now: Date): number => Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 60_000));
