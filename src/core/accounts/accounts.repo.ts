import { usernameKey, type AccountSource, type AccountView, type Role } from '../../shared/accounts';
import type { Db } from '../store/open-database';
import { lockedOutUntil, type LockoutState } from './lockout';

/** An account as stored: hashes included. Never leaves the core (AccountView is what does). */
export interface StoredAccount extends LockoutState {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  pinHash: string | null;
  disabled: boolean;
  /** The last sign-in with the password on this counter (ISO), or null: a PIN works only after one. */
  passwordUsedHereAt: string | null;
  source: AccountSource;
  hubRevision: number | null;
}

interface Row {
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  pin_hash: string | null;
  disabled: number;
  failed_attempts: number;
  lockouts: number;
  locked_until: string | null;
  password_used_here_at: string | null;
  source: AccountSource;
  hub_revision: number | null;
}

const fromRow = (r: Row): StoredAccount => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  passwordHash: r.password_hash,
  pinHash: r.pin_hash,
  disabled: r.disabled === 1,
  failedAttempts: r.failed_attempts,
  lockouts: r.lockouts,
  lockedUntil: r.locked_until,
  passwordUsedHereAt: r.password_used_here_at,
  source: r.source,
  hubRevision: r.hub_revision,
});

/** The account as shown; a lock-out that has ended shows as none. */
export function viewOf(account: StoredAccount, now: Date): AccountView {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    hasPin: account.pinHash !== null,
    disabled: account.disabled,
    lockedUntil: lockedOutUntil(account, now),
    source: account.source,
  };
}

export const accountCount = (db: Db): number => db.prepare('SELECT count(*) FROM accounts').pluck().get() as number;

export function findAccount(db: Db, username: string): StoredAccount | undefined {
  const row = db.prepare('SELECT * FROM accounts WHERE username_key = ?').get(usernameKey(username)) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

export function allAccounts(db: Db): StoredAccount[] {
  return (db.prepare('SELECT * FROM accounts ORDER BY username_key').all() as Row[]).map(fromRow);
}

/** What a save sets; hashes are given when they change (undefined keeps the saved one, null clears the PIN). */
export interface AccountWrite {
  username: string;
  displayName: string;
  role: Role;
  passwordHash?: string;
  pinHash?: string | null;
  disabled?: boolean;
  source?: AccountSource;
  hubRevision?: number | null;
}

/** Adds the account or changes it (by username, whatever its case). A new password forgets the "used here". */
export function upsertAccount(db: Db, write: AccountWrite, now: Date): void {
  const at = now.toISOString();
  const existing = findAccount(db, write.username);
  if (!existing) {
    if (write.passwordHash === undefined) throw new Error('a new account needs a password hash');
    db.prepare(
      `INSERT INTO accounts (username, username_key, display_name, role, password_hash, pin_hash, disabled, source, hub_revision, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(write.username.trim(), usernameKey(write.username), write.displayName, write.role, write.passwordHash, write.pinHash ?? null, write.disabled ? 1 : 0, write.source ?? 'local', write.hubRevision ?? null, at, at);
    return;
  }
  const passwordChanged = write.passwordHash !== undefined && write.passwordHash !== existing.passwordHash;
  db.prepare(
    `UPDATE accounts SET display_name = ?, role = ?, password_hash = ?, pin_hash = ?, disabled = ?, source = ?, hub_revision = ?,
       password_used_here_at = ?, updated_at = ? WHERE username_key = ?`,
  ).run(
    write.displayName,
    write.role,
    write.passwordHash ?? existing.passwordHash,
    write.pinHash === undefined ? existing.pinHash : write.pinHash,
    (write.disabled ?? existing.disabled) ? 1 : 0,
    write.source ?? existing.source,
    write.hubRevision === undefined ? existing.hubRevision : write.hubRevision,
    passwordChanged ? null : existing.passwordUsedHereAt,
    at,
    usernameKey(write.username),
  );
}

export function saveLockout(db: Db, username: string, state: LockoutState): void {
  db.prepare('UPDATE accounts SET failed_attempts = ?, lockouts = ?, locked_until = ? WHERE username_key = ?').run(state.failedAttempts, state.lockouts, state.lockedUntil, usernameKey(username));
}

export function markPasswordUsedHere(db: Db, username: string, now: Date): void {
  db.prepare('UPDATE accounts SET password_used_here_at = ? WHERE username_key = ?').run(now.toISOString(), usernameKey(username));
}

export function replaceHash(db: Db, username: string, field: 'password' | 'pin', hash: string): void {
  db.prepare(`UPDATE accounts SET ${field === 'password' ? 'password_hash' : 'pin_hash'} = ? WHERE username_key = ?`).run(hash, usernameKey(username));
}

/** Active administrators other than `except` (the last one may not be disabled or demoted). */
export function otherActiveAdmins(db: Db, except: string): number {
  return db.prepare(`SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0 AND username_key <> ?`).pluck().get(usernameKey(except)) as number;
}

/** Accounts kept at the hub that the hub no longer lists: removed here too. */
export function removeHubAccountsExcept(db: Db, keep: readonly string[]): void {
  const keys = new Set(keep.map(usernameKey));
  for (const account of allAccounts(db)) {
    if (account.source === 'hub' && !keys.has(usernameKey(account.username))) db.prepare('DELETE FROM accounts WHERE username_key = ?').run(usernameKey(account.username));
  }
}
