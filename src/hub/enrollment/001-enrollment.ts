import type { HubMigration } from '../pg/migration';

/** Counters, their one-time enrollment tokens and credentials, and the facility's settings. */
export const m001Enrollment: HubMigration = {
  version: 1,
  name: 'enrollment',
  sql: `
CREATE SEQUENCE hub_rev;

CREATE TABLE facility (
  id int PRIMARY KEY CHECK (id = 1),
  name text NOT NULL
);

CREATE TABLE facility_settings (
  id int PRIMARY KEY CHECK (id = 1),
  json jsonb NOT NULL,
  rev bigint NOT NULL
);

CREATE TABLE counters (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  offline_prefix text NOT NULL UNIQUE,
  -- SHA-256 (hex) of the counter's secret: 32 random bytes, so no slow hash is needed and every request stays cheap
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_contact timestamptz,
  outbox_backlog int NOT NULL DEFAULT 0
);

-- One-time codes: only the SHA-256 of the token is kept, so a copy of the database enrolls nobody.
CREATE TABLE enroll_tokens (
  token_hash text PRIMARY KEY,
  counter_name text NOT NULL,
  offline_prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
`,
};
