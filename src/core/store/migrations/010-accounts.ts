import type { Migration } from './index';

/**
 * Clerk accounts (docs/accounts.md) and who changed a visit's payer.
 *
 * - `accounts`: one row per person. `username_key` (the name in lower case) is what is unique and
 *   looked up, so "Ani" and "ani" are one account. Hashes are scrypt strings that carry their own
 *   cost parameters (password-hash.ts), so the cost can be raised without a migration. The
 *   lock-out counters are always this counter's own, also for accounts kept at the hub
 *   (`source` 'hub', `hub_revision` the hub's revision of the row).
 *   `password_used_here_at`: the last sign-in with the password on this counter; a PIN works only
 *   after one (a quick switch, not a second way in).
 * - `session_resume`: the person signed in when the core last ran (session.ts).
 * - `payer_changes`: every change of a visit's payer after registration, with the person (or the
 *   automatic re-check) that made it; the visit itself keeps who registered it.
 */
export const m010Accounts: Migration = {
  version: 10,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id                    INTEGER PRIMARY KEY,
        username              TEXT NOT NULL,
        username_key          TEXT NOT NULL UNIQUE,
        display_name          TEXT NOT NULL,
        role                  TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'data-officer')),
        password_hash         TEXT NOT NULL,
        pin_hash              TEXT,
        disabled              INTEGER NOT NULL DEFAULT 0,
        failed_attempts       INTEGER NOT NULL DEFAULT 0,
        lockouts              INTEGER NOT NULL DEFAULT 0,  -- lock-outs in a row: each one lasts twice the last
        locked_until          TEXT,                        -- UTC instant
        password_used_here_at TEXT,                        -- UTC instant
        source                TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'hub')),
        hub_revision          INTEGER,
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL
      );

      CREATE TABLE payer_changes (
        id         INTEGER PRIMARY KEY,
        visit_id   INTEGER NOT NULL REFERENCES visits(id),
        changed_at TEXT NOT NULL,  -- UTC instant
        before     TEXT NOT NULL,
        after      TEXT NOT NULL,
        changed_by TEXT NOT NULL,  -- a username, or 'loket:recheck' for the automatic BPJS re-check
        via        TEXT NOT NULL CHECK (via IN ('set', 'recheck', 'bpjs-recheck'))
      );
      CREATE INDEX payer_changes_visit ON payer_changes(visit_id, changed_at);

      -- Who was signed in when the core last ran: a core restarted after a crash (or the app
      -- started again) comes back locked for that person, so the window keeps its work behind
      -- the lock instead of dropping to the sign-in screen. One row at most.
      CREATE TABLE session_resume (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        username TEXT NOT NULL
      );

      -- The accounts revision of the hub last applied (0: never pulled).
      ALTER TABLE sync_state ADD COLUMN accounts_revision INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
