import { usernameKey } from '../../shared/accounts';
import { LoketError } from '../errors';
import type { Db } from '../store/open-database';
import { findAccount, saveLockout, type StoredAccount } from './accounts.repo';
import { CLEAR_LOCKOUT, afterFailure, lockedOutUntil, minutesUntil, type LockoutState } from './lockout';
import { HASH_COST, decoyHash, verifySecret, type ScryptCost } from './password-hash';
import { usableForSignIn } from './session';

/**
 * Checks a secret (password or PIN) of an account under the lock-out rule. Every refusal for a
 * wrong secret is `account/wrong-credentials` with the attempts left, and a username that does
 * not exist (or may not sign in here) is answered exactly like one that does: its failures are
 * counted in memory by the same rule, and a decoy hash is verified so the time tells nothing.
 * Only with the right secret does a person learn that the account is disabled.
 */
export class CredentialCheck {
  /** Failures of usernames with no account here, by their key: the same answers as a real account's. */
  private readonly decoys = new Map<string, LockoutState>();
  /** One check at a time: attempts sent together cannot each read the count before the others wrote it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly cost: ScryptCost = HASH_COST,
  ) {}

  /**
   * `secretsOf` names the hashes that would be accepted (the password; or the PIN; or either).
   * Resolves with the account and which hash matched; rejects with the refusal.
   */
  check(username: string, secret: string, secretsOf: (account: StoredAccount) => (string | null)[]): Promise<{ account: StoredAccount; matched: number }> {
    const run = this.queue.then(() => this.checkNow(username, secret, secretsOf));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async checkNow(username: string, secret: string, secretsOf: (account: StoredAccount) => (string | null)[]): Promise<{ account: StoredAccount; matched: number }> {
    const found = findAccount(this.db, username);
    const account = found && usableForSignIn(this.db, found) ? found : undefined;
    const now = this.now();
    const state: LockoutState = account ?? this.decoys.get(usernameKey(username)) ?? CLEAR_LOCKOUT;
    const until = lockedOutUntil(state, now);
    if (until) throw lockedOut(until, now);

    const hashes = account ? secretsOf(account) : [];
    let matched = -1;
    for (const [i, hash] of hashes.entries()) {
      if (hash !== null && matched < 0 && (await verifySecret(secret, hash))) matched = i;
    }
    if (!account) await verifySecret(secret, await decoyHash(this.cost));

    if (!account || matched < 0) {
      const failed = afterFailure(state, now);
      if (account) saveLockout(this.db, account.username, failed.state);
      else this.decoys.set(usernameKey(username), failed.state);
      if (failed.state.lockedUntil && failed.attemptsLeft === 0) throw lockedOut(failed.state.lockedUntil, now);
      throw new LoketError('account/wrong-credentials', { attemptsLeft: failed.attemptsLeft });
    }
    if (account.disabled) throw new LoketError('account/disabled');
    saveLockout(this.db, account.username, CLEAR_LOCKOUT);
    return { account, matched };
  }
}

function lockedOut(until: string, now: Date): LoketError {
  return new LoketError('account/locked-out', { until, minutes: minutesUntil(until, now) });
}
