import type { Migration } from './index';

/**
 * The online check: every call to BPJS (identifiers masked, never a credential) and the last
 * live answer per member, so that later offline look-ups still see it.
 */
export const m004Bpjs: Migration = {
  version: 4,
  name: 'bpjs',
  up(db) {
    db.exec(`
      CREATE TABLE bridge_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        service     TEXT NOT NULL CHECK (service IN ('vclaim', 'pcare')),
        endpoint    TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        outcome     TEXT NOT NULL,
        meta_code   TEXT,
        retries     INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX bridge_log_at ON bridge_log(at);
      CREATE TABLE live_answers (
        id          INTEGER PRIMARY KEY,
        nik         TEXT,
        card        TEXT,
        member_json TEXT NOT NULL,
        service     TEXT NOT NULL CHECK (service IN ('vclaim', 'pcare')),
        fetched_at  TEXT NOT NULL
      );
      CREATE INDEX live_answers_nik ON live_answers(nik);
      CREATE INDEX live_answers_card ON live_answers(card);
    `);
  },
};
