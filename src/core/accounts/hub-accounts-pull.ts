import { usernameKey } from '../../shared/accounts';
import { HUB_ACCOUNTS_PATH, hubAccountsResponse, type HubAccountRecord, type RefusedHubAccount } from '../../shared/hub-accounts';
import type { Db } from '../store/open-database';
import { HubRefused, type HubTransport } from '../sync/hub-transport';
import { recordFromHub } from '../audit/hub-audit';
import { allAccounts, removeHubAccountsExcept, upsertAccount } from './accounts.repo';
import { accountChangesFromHub } from './hub-account-changes';
import { outsideHashProblem } from './password-hash';

const storedRevision = (db: Db): number => db.prepare('SELECT accounts_revision FROM sync_state WHERE id = 1').pluck().get() as number;

/**
 * Part of every sync round of an enrolled counter: asks the hub for its accounts when their
 * revision moved past the one applied here, and keeps them as source 'hub' (the last known
 * list: clerks sign in while the hub is away). An account the hub no longer has is removed; the
 * lock-out counters and "password used here" stay this counter's own. Null when nothing changed.
 * A hub older than accounts (no such route) is not an error: the counter keeps its own accounts.
 */
export async function pullHubAccounts(db: Db, transport: HubTransport, now: Date): Promise<HubAccountsApplied | null> {
  const after = storedRevision(db);
  let reply: unknown;
  try {
    reply = await transport.getJson(`${HUB_ACCOUNTS_PATH}?after=${after}`);
  } catch (error) {
    if (error instanceof HubRefused && error.status === 404) return null;
    throw error;
  }
  const parsed = hubAccountsResponse.safeParse(reply);
  if (!parsed.success || parsed.data.accounts === null || parsed.data.rev <= after) return null;
  return applyHubAccounts(db, parsed.data.accounts, parsed.data.rev, now);
}

export interface HubAccountsApplied {
  /** Accounts whose password or PIN hash is not one Loket makes (password-hash.ts, OUTSIDE_HASH_COST): not stored, said on the trail. */
  refused: RefusedHubAccount[];
}

function refusalOf(account: HubAccountRecord): RefusedHubAccount | null {
  const password = outsideHashProblem(account.passwordHash);
  if (password) return { username: account.username, secret: 'password', problem: password };
  const pin = account.pinHash === null ? null : outsideHashProblem(account.pinHash);
  return pin ? { username: account.username, secret: 'pin', problem: pin } : null;
}

/**
 * Stores the hub's accounts, and records each account this changed here (added, changed,
 * removed: account-change entries under the hub's name, never a hash) in the same transaction:
 * an administrator made at the hub can sign in here, and the trail says since when. An account
 * whose hash is not one Loket makes (a hub that lies or was tampered with: a cost that makes its
 * PIN guessable in seconds, or one that holds sign-in for minutes) is refused: not stored (one
 * stored before is removed: its hub no longer vouches for a usable one), and its entry says why.
 */
export function applyHubAccounts(db: Db, accounts: readonly HubAccountRecord[], rev: number, now: Date): HubAccountsApplied {
  return db.transaction(() => {
    const before = allAccounts(db);
    const refused: RefusedHubAccount[] = [];
    const usable = accounts.filter((a) => {
      const refusal = refusalOf(a);
      if (refusal) refused.push(refusal);
      return refusal === null;
    });
    for (const a of usable) {
      upsertAccount(db, { username: a.username, displayName: a.displayName, role: a.role, passwordHash: a.passwordHash, pinHash: a.pinHash, disabled: a.disabled, source: 'hub', hubRevision: a.rev }, now);
    }
    removeHubAccountsExcept(db, usable.map((a) => a.username));
    const refusedNames = new Set(refused.map((r) => usernameKey(r.username)));
    for (const change of accountChangesFromHub(before, allAccounts(db))) {
      // The refusal's entry says it: not "removed at the hub".
      if (change.detail.change === 'removed' && refusedNames.has(usernameKey(change.username))) continue;
      recordFromHub(db, now, 'account-change', change.username, { ...change.detail, rev });
    }
    for (const r of refused) recordFromHub(db, now, 'account-change', r.username, { method: 'hubAccounts', change: 'refused', secret: r.secret, problem: r.problem, rev });
    db.prepare('UPDATE sync_state SET accounts_revision = ? WHERE id = 1').run(rev);
    return { refused };
  })();
}
