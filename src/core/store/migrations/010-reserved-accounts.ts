import type { Migration } from './index';

/**
 * Holds version 10 for the accounts' migration (010-accounts, engineer acc-core) on the audit
 * branch only, so 011 keeps its number. The merge replaces this entry with 010-accounts: never
 * ship both (a database marked 10 by this would skip the accounts' tables).
 */
export const m010ReservedAccounts: Migration = {
  version: 10,
  name: 'reserved-accounts',
  up() {},
};
