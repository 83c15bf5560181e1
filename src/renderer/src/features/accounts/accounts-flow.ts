import type { AccountView, Role } from '../../../../shared/accounts';
import { checkDraft, EMPTY_DRAFT, normalUsername, type AccountDraft, type AccountField, type RuleBroken } from '../session/account-rules';

/** What the accounts table says of an account: usable, disabled, or locked out until a moment. */
export type AccountStatus = { kind: 'active' } | { kind: 'disabled' } | { kind: 'locked'; until: string };

export function statusOf(account: AccountView, nowMs: number): AccountStatus {
  if (account.disabled) return { kind: 'disabled' };
  if (account.lockedUntil !== null && Date.parse(account.lockedUntil) > nowMs) return { kind: 'locked', until: account.lockedUntil };
  return { kind: 'active' };
}

/** The editor's content: a new account (empty, clerk) or an existing one (its name and role; no secrets). */
export interface Editing {
  /** Null for a new account. */
  account: AccountView | null;
  draft: AccountDraft;
  role: Role;
}

export const newAccount = (): Editing => ({ account: null, draft: EMPTY_DRAFT, role: 'clerk' });
export const editAccount = (account: AccountView): Editing => ({
  account,
  draft: { ...EMPTY_DRAFT, username: account.username, displayName: account.displayName },
  role: account.role,
});

export interface SaveAccountInput {
  username: string;
  displayName: string;
  role: Role;
  password?: string;
  pin?: string;
  disabled?: boolean;
  create?: boolean;
}

/**
 * The saveAccount input for the editor, or the rules it breaks. A new account needs a password;
 * an edit leaves password and PIN as they are when their fields stay empty.
 */
export function saveInputOf(editing: Editing): { input: SaveAccountInput } | { broken: Partial<Record<AccountField, RuleBroken>> } {
  const { draft, account, role } = editing;
  const broken = checkDraft(draft, account === null);
  if (Object.keys(broken).length > 0) return { broken };
  const input: SaveAccountInput = { username: account?.username ?? normalUsername(draft.username), displayName: draft.displayName.trim(), role };
  // Tambah akun: never a way to replace an existing account (the core refuses a username in use).
  if (account === null) input.create = true;
  if (draft.password !== '') input.password = draft.password;
  if (draft.pin !== '') input.pin = draft.pin;
  return { input };
}

/** Disable or enable an account as it is. */
export const toggleInput = (account: AccountView, disabled: boolean): SaveAccountInput => ({
  username: account.username,
  displayName: account.displayName,
  role: account.role,
  disabled,
});
