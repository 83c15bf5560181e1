import { describe, expect, it } from 'vitest';
import { HASH_COST, OUTSIDE_HASH_COST, hashSecret, isSecretHash, outsideHashProblem, verifySecret, weakerThanCurrent } from '../../../src/core/accounts/password-hash';
import { FIRST_LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, MAX_LOCKOUT_MINUTES, CLEAR_LOCKOUT, afterFailure, lockedOutUntil, lockoutMinutes } from '../../../src/core/accounts/lockout';

describe('password and PIN hashes', () => {
  it('a hash at the default cost records N, r, p and a random salt, and verifies only its secret', async () => {
    const [a, b] = await Promise.all([hashSecret('kata sandi'), hashSecret('kata sandi')]);
    expect(a).toMatch(new RegExp(`^scrypt\\$${HASH_COST.N}\\$${HASH_COST.r}\\$${HASH_COST.p}\\$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain('kata sandi');
    expect(await verifySecret('kata sandi', a)).toBe(true);
    expect(await verifySecret('kata sandI', a)).toBe(false);
    expect(weakerThanCurrent(a)).toBe(false);
  });

  it('a hash made at a lower cost still verifies and is marked for renewal; a malformed one matches nothing', async () => {
    const cheap = await hashSecret('1234', { N: 1024, r: 8, p: 1 });
    expect(await verifySecret('1234', cheap)).toBe(true);
    expect(weakerThanCurrent(cheap)).toBe(true);
    expect(isSecretHash(cheap)).toBe(true);
    for (const bad of ['', 'plain-password', 'scrypt$x$8$1$AA==$AA==', 'bcrypt$10$abc', cheap.replace('$1024$', '$1000$')]) {
      expect(isSecretHash(bad)).toBe(false);
      expect(await verifySecret('plain-password', bad)).toBe(false);
    }
  });

  it("a hash made elsewhere (the hub's) is held to the costs Loket makes: none weaker, none far costlier (security tester 3)", async () => {
    const made = await hashSecret('2468');
    // The same salt and key under other costs (only the cost is judged here).
    const at = (N: number, r = 8, p = 1): string => made.replace(/^scrypt\$\d+\$\d+\$\d+\$/, `scrypt$${N}$${r}$${p}$`);
    expect(outsideHashProblem(made)).toBeNull();
    expect(outsideHashProblem(at(OUTSIDE_HASH_COST.max.N))).toBeNull();
    expect(outsideHashProblem(await hashSecret('2468', { N: 1024, r: 8, p: 1 }))).toBe('too-weak');
    expect(outsideHashProblem(at(2))).toBe('too-weak');
    expect(outsideHashProblem(at(HASH_COST.N, 1))).toBe('too-weak');
    expect(outsideHashProblem(at(2 ** 24))).toBe('too-costly');
    expect(outsideHashProblem(at(HASH_COST.N, 8, 16))).toBe('too-costly');
    expect(outsideHashProblem('scrypt$3$8$1$AA==$AA==')).toBe('malformed');
    // Verified nowhere: a costlier hash matches nothing at once, without asking for its memory.
    const started = Date.now();
    expect(await verifySecret('2468', at(2 ** 24))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('the lock-out rule', () => {
  const now = new Date('2026-11-23T02:00:00Z');

  it('counts down the attempts, then locks out for the first period', () => {
    let state = CLEAR_LOCKOUT;
    for (let left = MAX_FAILED_ATTEMPTS - 1; left > 0; left--) {
      const next = afterFailure(state, now);
      expect(next.attemptsLeft).toBe(left);
      expect(next.state.lockedUntil).toBeNull();
      state = next.state;
    }
    const locked = afterFailure(state, now);
    expect(locked.attemptsLeft).toBe(0);
    expect(locked.state.lockedUntil).toBe(new Date(now.getTime() + FIRST_LOCKOUT_MINUTES * 60_000).toISOString());
    expect(lockedOutUntil(locked.state, now)).toBe(locked.state.lockedUntil);
    expect(lockedOutUntil(locked.state, new Date(now.getTime() + FIRST_LOCKOUT_MINUTES * 60_000))).toBeNull();
  });

  it('each lock-out in a row lasts twice the one before, up to a day', () => {
    expect([1, 2, 3, 4].map(lockoutMinutes)).toEqual([FIRST_LOCKOUT_MINUTES, 2 * FIRST_LOCKOUT_MINUTES, 4 * FIRST_LOCKOUT_MINUTES, 8 * FIRST_LOCKOUT_MINUTES]);
    expect(lockoutMinutes(40)).toBe(MAX_LOCKOUT_MINUTES);
  });
});
