import { z } from 'zod';
import { displayNameSchema, roleSchema, usernameSchema } from './accounts';

/**
 * The facility's accounts as the hub keeps them and hands them to its counters: hashes only
 * (scrypt strings, made where the password was typed: the `loket hub account` command), never a
 * password. A counter keeps the last list it got, so its clerks sign in while the hub is away.
 */
export const HUB_ACCOUNTS_PATH = '/v1/accounts';
export const HUB_ADMIN_ACCOUNTS_PATH = '/v1/admin/accounts';

const hash = z.string().min(20).max(400).startsWith('scrypt$');

export const hubAccountRecord = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  passwordHash: hash,
  pinHash: hash.nullable(),
  disabled: z.boolean(),
  rev: z.number().int().positive(),
});
export type HubAccountRecord = z.infer<typeof hubAccountRecord>;

/** GET /v1/accounts?after=REV: every account when the accounts changed after REV (their revision `rev`); null when not. */
export const hubAccountsResponse = z.object({ rev: z.number().int().min(0), accounts: z.array(hubAccountRecord).nullable() });
export type HubAccountsResponse = z.infer<typeof hubAccountsResponse>;

/** PUT /v1/admin/accounts/:username: adds or changes one; a hash left out keeps the stored one (a new account needs a password hash). */
export const hubAccountWrite = z.object({
  displayName: displayNameSchema,
  role: roleSchema,
  passwordHash: hash.optional(),
  pinHash: hash.optional(),
  disabled: z.boolean().optional(),
});
export type HubAccountWrite = z.infer<typeof hubAccountWrite>;

/** GET /v1/admin/accounts: the accounts for the administrator, without hashes. */
export interface HubAccountListing {
  rev: number;
  accounts: { username: string; displayName: string; role: string; hasPin: boolean; disabled: boolean }[];
}

/** What is wrong with a hash the hub sent: not a Loket hash, or a cost outside what Loket makes (core/accounts/password-hash.ts, OUTSIDE_HASH_COST). */
export type HashProblem = 'malformed' | 'too-weak' | 'too-costly';

/** A hub account a counter did not take: which of its hashes, and what is wrong with it. */
export interface RefusedHubAccount {
  username: string;
  secret: 'password' | 'pin';
  problem: HashProblem;
}
