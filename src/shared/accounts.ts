import { z } from 'zod';
import { printable } from './text-schemas';

/**
 * Who may do what at a counter (docs/accounts.md):
 * - admin: everything, including settings, lists, accounts and the audit log;
 * - clerk: the counter's daily work (look-ups, registration, queue, follow-ups, reports, slips);
 * - data-officer: the audit log only (reads and verifies it, exports it).
 */
export const ROLES = ['admin', 'clerk', 'data-officer'] as const;
export type Role = (typeof ROLES)[number];

/** Where an account is kept: on this counter, or at the facility hub (the counter keeps the last known copy). */
export type AccountSource = 'local' | 'hub';

/** An account as a screen or the CLI shows it: never a hash, never a secret. */
export interface AccountView {
  username: string;
  displayName: string;
  role: Role;
  /** A quick-switch PIN is set (it works only after a sign-in with the password on this counter). */
  hasPin: boolean;
  disabled: boolean;
  /** Locked out after too many wrong passwords/PINs until this instant (ISO UTC); null when not. */
  lockedUntil: string | null;
  source: AccountSource;
}

/**
 * The counter's session:
 * - 'setup': no account exists yet; only setupAdmin (the first administrator) is possible;
 * - 'signed-out': accounts exist, nobody is signed in;
 * - 'locked': the screen is locked over `account`'s half-done work (auto-lock or lockSession):
 *   the same account unlocks, another known clerk may take over with switchClerk;
 * - 'signed-in': `account` works at the counter.
 */
export type SessionPhase = 'setup' | 'signed-out' | 'locked' | 'signed-in';
export const SESSION_PHASES = ['setup', 'signed-out', 'locked', 'signed-in'] as const satisfies readonly SessionPhase[];

export interface SessionView {
  phase: SessionPhase;
  /** The signed-in or locked account; null in 'setup' and 'signed-out'. */
  account: AccountView | null;
  /** Accounts that may switch in with a PIN (a PIN set, signed in with the password here before, not disabled). */
  knownClerks: { username: string; displayName: string }[];
  /** Minutes without input before the screen locks (0 = never): the counter's setting. */
  autoLockMinutes: number;
  /** The counter is enrolled at a hub: accounts are the hub's and cannot be edited here. */
  managedByHub: boolean;
}

/** A username: letters, digits, dot, dash, underscore; compared without regard to case. */
export const usernameSchema = z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
export const displayNameSchema = printable(z.string().trim().min(1).max(80));
/** A password: at least 8 characters (a passphrase is welcome); never trimmed. */
export const PASSWORD_MIN = 8;
export const passwordSchema = z.string().min(PASSWORD_MIN).max(200);
/** A quick-switch PIN: 4 to 6 digits. */
export const pinSchema = z.string().regex(/^\d{4,6}$/);
export const roleSchema = z.enum(ROLES);

/** The same username whatever its case: the key accounts are compared by. */
export const usernameKey = (username: string): string => username.trim().toLowerCase();

/**
 * Names the audit trail has used, or uses, for someone who is not an account: `no-session` and
 * `loket` (nobody signed in, before the trail wrote `loket:no-session`), `admin` (the browser
 * harness's preset administrator). A new account may not take one, so the trail never reads a
 * clerk's work as nobody's (or the harness's). Names with `:` (`cli:<os user>`, `loket:recheck`,
 * `loket:no-session`) are no username already. Accounts made before keep their names.
 */
export const RESERVED_USERNAMES: readonly string[] = ['admin', 'loket', 'no-session'];

/** Whether a new account may not take this username (in any case). */
export const isReservedUsername = (username: string): boolean => RESERVED_USERNAMES.includes(usernameKey(username));
