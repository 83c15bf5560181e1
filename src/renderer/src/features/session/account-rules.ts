import { displayNameSchema, isReservedUsername, PASSWORD_MIN, passwordSchema, pinSchema, usernameKey, usernameSchema } from '../../../../shared/accounts';

export { PASSWORD_MIN };

/**
 * The rules for a username, password and PIN, said to the clerk before submitting. The core's own
 * schemas (src/shared/accounts.ts) decide, so the screen and the core never disagree; this only
 * spares a round trip and names the broken rule in words.
 */

export type AccountField = 'username' | 'displayName' | 'password' | 'confirm' | 'pin';
/** Catalog keys under `accounts.rule.*`, one per broken rule. */
export type RuleBroken = 'username' | 'usernameReserved' | 'displayName' | 'passwordShort' | 'passwordMismatch' | 'pin';

export interface AccountDraft {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  pin: string;
}

export const EMPTY_DRAFT: AccountDraft = { username: '', displayName: '', password: '', confirm: '', pin: '' };

/** A username as the core compares it: trimmed and lower case, so "Siti" and "siti " are one account. */
export const normalUsername = (raw: string): string => usernameKey(raw);

/**
 * What is wrong with a new account (or a reset), by field; empty when it may be sent.
 * `passwordRequired` is false when editing an account and leaving its password as it is; a new
 * account (`isNew`) may not take a name the audit trail uses for someone who is not an account.
 */
export function checkDraft(draft: AccountDraft, passwordRequired = true, isNew = passwordRequired): Partial<Record<AccountField, RuleBroken>> {
  const broken: Partial<Record<AccountField, RuleBroken>> = {};
  if (!usernameSchema.safeParse(draft.username).success) broken.username = 'username';
  else if (isNew && isReservedUsername(draft.username)) broken.username = 'usernameReserved';
  if (!displayNameSchema.safeParse(draft.displayName).success) broken.displayName = 'displayName';
  const settingPassword = passwordRequired || draft.password !== '' || draft.confirm !== '';
  if (settingPassword) {
    if (!passwordSchema.safeParse(draft.password).success) broken.password = 'passwordShort';
    else if (draft.password !== draft.confirm) broken.confirm = 'passwordMismatch';
  }
  if (draft.pin !== '' && !isPin(draft.pin)) broken.pin = 'pin';
  return broken;
}

/** A PIN the clerk typed for a quick sign-in or take-over: digits only, right length. */
export const isPin = (text: string): boolean => pinSchema.safeParse(text).success;
