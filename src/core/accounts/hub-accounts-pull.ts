import { HUB_ACCOUNTS_PATH, hubAccountsResponse, type HubAccountRecord } from '../../shared/hub-accounts';
import type { Db } from '../store/open-database';
import { HubRefused, type HubTransport } from '../sync/hub-transport';
import { recordFromHub } from '../audit/hub-audit';
import { allAccounts, removeHubAccountsExcept, upsertAccount } from './accounts.repo';
import { accountChangesFromHub } from './hub-account-changes';
import { isSecretHash } from './password-hash';

const storedRevision = (db: Db): number => db.prepare('SELECT accounts_revision FROM sync_state WHERE id = 1').pluck().get() as number;

/**
 * Part of every sync round of an enrolled counter: asks the hub for its accounts when their
 * revision moved past the one applied here, and keeps them as source 'hub' (the last known
 * list: clerks sign in while the hub is away). An account the hub no longer has is removed; the
 * lock-out counters and "password used here" stay this counter's own. True when something changed.
 * A hub older than accounts (no such route) is not an error: the counter keeps its own accounts.
 */
export async function pullHubAccounts(db: Db, transport: HubTransport, now: Date): Promise<boolean> {
  const after = storedRevision(db);
  let reply: unknown;
  try {
    reply = await transport.getJson(`${HUB_ACCOUNTS_PATH}?after=${after}`);
  } catch (error) {
    if (error instanceof HubRefused && error.status === 404) return false;
    throw error;
  }
  const parsed = hubAccountsResponse.safeParse(reply);
  if (!parsed.success || parsed.data.accounts === null || parsed.data.rev <= after) return false;
  applyHubAccounts(db, parsed.data.accounts, parsed.data.rev, now);
  return true;
}

/**
 * Stores the hub's accounts, and records each account this changed here (added, changed,
 * removed: account-change entries under the hub's name, never a hash) in the same transaction:
 * an administrator made at the hub can sign in here, and the trail says since when.
 */
export function applyHubAccounts(db: Db, accounts: readonly HubAccountRecord[], rev: number, now: Date): void {
  db.transaction(() => {
    const before = allAccounts(db);
    const usable = accounts.filter((a) => isSecretHash(a.passwordHash) && (a.pinHash === null || isSecretHash(a.pinHash)));
    for (const a of usable) {
      upsertAccount(db, { username: a.username, displayName: a.displayName, role: a.role, passwordHash: a.passwordHash, pinHash: a.pinHash, disabled: a.disabled, source: 'hub', hubRevision: a.rev }, now);
    }
    removeHubAccountsExcept(db, usable.map((a) => a.username));
    for (const change of accountChangesFromHub(before, allAccounts(db))) recordFromHub(db, now, 'account-change', change.username, { ...change.detail, rev });
    db.prepare('UPDATE sync_state SET accounts_revision = ? WHERE id = 1').run(rev);
  })();
}
