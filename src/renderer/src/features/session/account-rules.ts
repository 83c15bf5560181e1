/**
 * The rules for a username, password and PIN, said to the clerk before submitting (the core checks
 * them again; these only spare a round trip and say the rule in words). Keep in step with the
 * core's account schema (src/shared/accounts.ts).
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const PASSWORD_MIN = 8;
export const PIN_PATTERN = /^\d{4,8}$/;

export type AccountField = 'username' | 'displayName' | 'password' | 'confirm' | 'pin';
/** Catalog keys under `accounts.rule.*`, one per broken rule. */
export type RuleBroken = 'username' | 'displayName' | 'passwordShort' | 'passwordMismatch' | 'pin';

export interface AccountDraft {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  pin: string;
}

export const EMPTY_DRAFT: AccountDraft = { username: '', displayName: '', password: '', confirm: '', pin: '' };

/** A username as stored: trimmed and lower case, so "Siti" and "siti " are one account. */
export const normalUsername = (raw: string): string => raw.trim().toLowerCase();

/**
 * What is wrong with a new account (or a reset), by field; empty when it may be sent.
 * `passwordRequired` is false when editing an account and leaving its password as it is.
 */
export function checkDraft(draft: AccountDraft, passwordRequired = true): Partial<Record<AccountField, RuleBroken>> {
  const broken: Partial<Record<AccountField, RuleBroken>> = {};
  if (!USERNAME_PATTERN.test(normalUsername(draft.username))) broken.username = 'username';
  if (draft.displayName.trim() === '') broken.displayName = 'displayName';
  const settingPassword = passwordRequired || draft.password !== '' || draft.confirm !== '';
  if (settingPassword) {
    if (draft.password.length < PASSWORD_MIN) broken.password = 'passwordShort';
    else if (draft.password !== draft.confirm) broken.confirm = 'passwordMismatch';
  }
  if (draft.pin !== '' && !PIN_PATTERN.test(draft.pin)) broken.pin = 'pin';
  return broken;
}

/** A PIN the clerk typed for a quick sign-in or take-over: digits only, right length. */
export const isPin = (text: string): boolean => PIN_PATTERN.test(text);
