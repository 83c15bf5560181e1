import type { Migration } from './index';

/**
 * The audit trail (src/core/audit, docs/audit.md).
 *
 * - `audit_log`: one row per audited action, hash-chained (chain.ts). Append-only: the triggers
 *   refuse UPDATE and DELETE. Someone holding the database key can drop them; the chain and the
 *   heads the hub acknowledged are what detect that. Loket never deletes an entry.
 * - `audit_heads`: the heads (seq, hash) the facility hub acknowledged, kept here so `verify`
 *   also detects a past rewritten from scratch or a cut tail. Also append-only.
 *
 * Version 11: 010 is the accounts' migration; a database that has this one and not 010 is not a
 * state any release ships (both land together).
 */
export const m011Audit: Migration = {
  version: 11,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT,
        detail    TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor, seq);
      CREATE INDEX audit_log_action ON audit_log(action, seq);
      CREATE INDEX audit_log_subject ON audit_log(subject, seq);
      -- "Who looked this person up?": the NIK/card a look-up's query named (look-ups only).
      CREATE INDEX audit_log_query_key ON audit_log(json_extract(detail, '$.queryKey')) WHERE json_extract(detail, '$.queryKey') IS NOT NULL;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE audit_heads (
        seq      INTEGER PRIMARY KEY,
        hash     TEXT NOT NULL,
        acked_at TEXT NOT NULL
      );
      CREATE TRIGGER audit_heads_no_update BEFORE UPDATE ON audit_heads BEGIN SELECT RAISE(ABORT, 'audit_heads is append-only'); END;
      CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads BEGIN SELECT RAISE(ABORT, 'audit_heads is append-only'); END;
    `);
  },
};
