import { usernameKey } from '../../shared/accounts';
import type { AuditDetail } from '../../shared/audit';
import type { StoredAccount } from './accounts.repo';

export interface HubAccountChange {
  username: string;
  detail: AuditDetail;
}

/**
 * What a pull of the hub's accounts changed here, account by account, for the trail: added,
 * changed (which of role, name, disabled, password, PIN; a local account the hub now holds:
 * `tookOver`) or removed. Never a hash, never a display name's value. An account the pull left
 * as it was gives nothing.
 */
export function accountChangesFromHub(before: readonly StoredAccount[], after: readonly StoredAccount[]): HubAccountChange[] {
  const old = new Map(before.map((a) => [usernameKey(a.username), a]));
  const changes: HubAccountChange[] = [];
  for (const now of after) {
    const was = old.get(usernameKey(now.username));
    old.delete(usernameKey(now.username));
    if (!was) {
      changes.push({ username: now.username, detail: { method: 'hubAccounts', change: 'added', role: now.role, disabled: now.disabled, passwordSet: true, pinSet: now.pinHash !== null } });
      continue;
    }
    const detail: AuditDetail = {};
    if (was.role !== now.role) Object.assign(detail, { role: now.role, previousRole: was.role });
    if (was.disabled !== now.disabled) detail.disabled = now.disabled;
    if (was.displayName !== now.displayName) detail.nameChanged = true;
    if (was.passwordHash !== now.passwordHash) detail.passwordSet = true;
    if (was.pinHash !== now.pinHash) detail[now.pinHash === null ? 'pinCleared' : 'pinSet'] = true;
    if (was.source !== now.source) detail.tookOver = true;
    if (Object.keys(detail).length > 0) changes.push({ username: now.username, detail: { method: 'hubAccounts', change: 'changed', ...detail } });
  }
  for (const gone of old.values()) changes.push({ username: gone.username, detail: { method: 'hubAccounts', change: 'removed', role: gone.role } });
  return changes;
}
