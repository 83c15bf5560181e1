import type { ContractError } from '../../../../shared/contract';

/**
 * A refused sign-in, unlock or take-over, as the clerk should read it: which UI text, with what.
 * 'other' is worded from the core's own catalog (useErrorText).
 */
export type SignInFailure =
  | { kind: 'wrong'; attemptsLeft: number | null }
  | { kind: 'locked-out'; until: string; minutesLeft: number }
  | { kind: 'disabled' }
  | { kind: 'other'; error: ContractError };

const numberParam = (error: ContractError, name: string): number | null => {
  const value = error.params?.[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

/** Classifies the core's answer; `nowMs` to say how long a lock-out still lasts when the core did not (at least 1 minute). */
export function signInFailure(error: ContractError, nowMs: number): SignInFailure {
  if (error.code === 'account/wrong-credentials') return { kind: 'wrong', attemptsLeft: numberParam(error, 'attemptsLeft') };
  if (error.code === 'account/locked-out') {
    const until = error.params?.until;
    const untilMs = typeof until === 'string' ? Date.parse(until) : NaN;
    if (typeof until === 'string' && Number.isFinite(untilMs)) {
      // The core says the minutes by its own clock; else they are counted here.
      const minutes = numberParam(error, 'minutes') ?? Math.ceil((untilMs - nowMs) / 60_000);
      return { kind: 'locked-out', until, minutesLeft: Math.max(1, minutes) };
    }
  }
  if (error.code === 'account/disabled') return { kind: 'disabled' };
  return { kind: 'other', error };
}
