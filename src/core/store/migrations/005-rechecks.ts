import type { Migration } from './index';

/**
 * Re-checks of visits registered while only the lists could be consulted: what the answer was
 * then, what BPJS says now, and what changed. The reconciliation view reads it.
 */
export const m005Rechecks: Migration = {
  version: 5,
  name: 'rechecks',
  up(db) {
    db.exec(`
      CREATE TABLE rechecks (
        id          INTEGER PRIMARY KEY,
        visit_id    INTEGER NOT NULL REFERENCES visits(id),
        checked_at  TEXT NOT NULL,              -- UTC instant
        service     TEXT NOT NULL CHECK (service IN ('vclaim', 'pcare')),
        before      TEXT,                       -- the verdict at registration (null: not checked)
        after       TEXT NOT NULL,              -- the verdict with the live answer
        live_status TEXT,                       -- BPJS's status in words; null when BPJS does not know the member
        action      TEXT NOT NULL CHECK (action IN ('payer-jkn', 'none'))
      );
      CREATE INDEX rechecks_visit ON rechecks(visit_id, checked_at);
      CREATE INDEX rechecks_checked ON rechecks(checked_at);
    `);
  },
};
