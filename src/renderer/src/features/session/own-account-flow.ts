import { passwordSchema, pinSchema } from '../../../../shared/accounts';
import type { Result } from '../../../../shared/contract';
import { signInFailure, type SignInFailure } from './sign-in-failure';

/**
 * The "My account" dialog's two forms (change the own password, set the own PIN) as pure steps,
 * so the rules, what is sent and what a refusal leaves behind are tested without a screen. The
 * rules are the core's own schemas (src/shared/accounts.ts): the dialog never accepts what the
 * core would refuse, and never refuses what it would take.
 */

export interface PasswordDraft {
  current: string;
  next: string;
  again: string;
}

export interface PinDraft {
  password: string;
  pin: string;
  again: string;
}

/** Catalog keys under `myAccount.rule.*`, one per broken rule. */
export type OwnRule = 'required' | 'passwordShort' | 'passwordMismatch' | 'pin' | 'pinMismatch';

export type Broken<D> = Partial<Record<keyof D, OwnRule>>;

export type OwnStatus =
  | { kind: 'editing' }
  | { kind: 'busy' }
  | { kind: 'done' }
  | { kind: 'refused'; failure: SignInFailure };

export interface OwnForm<D> {
  draft: D;
  broken: Broken<D>;
  status: OwnStatus;
}

export const EMPTY_PASSWORD: PasswordDraft = { current: '', next: '', again: '' };
export const EMPTY_PIN: PinDraft = { password: '', pin: '', again: '' };

export const startForm = <D>(empty: D): OwnForm<D> => ({ draft: empty, broken: {}, status: { kind: 'editing' } });

/** What is wrong with a password change, by field; empty when it may be sent. */
export function checkPassword(draft: PasswordDraft): Broken<PasswordDraft> {
  const broken: Broken<PasswordDraft> = {};
  if (draft.current === '') broken.current = 'required';
  if (!passwordSchema.safeParse(draft.next).success) broken.next = 'passwordShort';
  else if (draft.next !== draft.again) broken.again = 'passwordMismatch';
  return broken;
}

/** What is wrong with a new PIN, by field; empty when it may be sent. */
export function checkPin(draft: PinDraft): Broken<PinDraft> {
  const broken: Broken<PinDraft> = {};
  if (draft.password === '') broken.password = 'required';
  if (!pinSchema.safeParse(draft.pin).success) broken.pin = 'pin';
  else if (draft.pin !== draft.again) broken.again = 'pinMismatch';
  return broken;
}

/** The contract inputs of the two forms (`changeOwnPassword`, `setOwnPin`). */
export const passwordInput = (d: PasswordDraft): { current: string; next: string } => ({ current: d.current, next: d.next });
export const pinInput = (d: PinDraft): { password: string; pin: string } => ({ password: d.password, pin: d.pin });

/** A field typed in: its rule is no longer shown, and an earlier answer (done, refused) goes. */
export function edited<D>(form: OwnForm<D>, key: keyof D, value: string): OwnForm<D> {
  const broken = { ...form.broken };
  delete broken[key];
  return { draft: { ...form.draft, [key]: value }, broken, status: form.status.kind === 'busy' ? form.status : { kind: 'editing' } };
}

/**
 * Enter pressed: the rules checked. `send` is false when a rule is broken (named under its field)
 * or an answer is still awaited (a second Enter sends nothing).
 */
export function submitted<D>(form: OwnForm<D>, check: (draft: D) => Broken<D>): { form: OwnForm<D>; send: boolean } {
  if (form.status.kind === 'busy') return { form, send: false };
  const broken = check(form.draft);
  if (Object.keys(broken).length > 0) return { form: { ...form, broken, status: { kind: 'editing' } }, send: false };
  return { form: { ...form, broken: {}, status: { kind: 'busy' } }, send: true };
}

/**
 * The core answered. Done: every field emptied (no secret stays on screen). Refused: only the
 * password typed to prove who it is goes (`secretKey`), so the clerk retypes it, not the new ones.
 */
export function answered<D>(form: OwnForm<D>, result: Result<unknown>, empty: D, secretKey: keyof D, nowMs: number): OwnForm<D> {
  if (result.ok) return { draft: empty, broken: {}, status: { kind: 'done' } };
  return {
    draft: { ...form.draft, [secretKey]: '' },
    broken: {},
    status: { kind: 'refused', failure: signInFailure(result.error, nowMs) },
  };
}
