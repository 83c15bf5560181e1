import type { HubMigration } from '../pg/migration';

/**
 * The facility's clerk accounts (docs/accounts.md, "Hub accounts"). `username_key` is the
 * username in lower case (unique in any case, as at the counter). Every change takes the next
 * value of `hub_account_rev`; a counter asks for the list again when the highest revision moved.
 */
export const m005Accounts: HubMigration = {
  version: 5,
  name: 'accounts',
  sql: `
CREATE SEQUENCE hub_account_rev;

CREATE TABLE hub_accounts (
  username_key  text PRIMARY KEY,
  username      text NOT NULL,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'clerk', 'data-officer')),
  password_hash text NOT NULL,
  pin_hash      text,
  disabled      boolean NOT NULL DEFAULT false,
  rev           bigint NOT NULL
);
`,
};
