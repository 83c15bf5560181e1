import type { Migration } from './index';

/**
 * Lists and their editions. Members live in one table per edition (see lists/member-table.ts):
 * a new edition is bulk-loaded into a fresh table and indexed after, then made current in one
 * short transaction, so a failed or killed import never touches the current edition, and the
 * edition after next is dropped whole instead of deleted row by row.
 */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE lists (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind       TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE list_editions (
        id             INTEGER PRIMARY KEY,
        list_id        INTEGER NOT NULL REFERENCES lists(id),
        edition        INTEGER NOT NULL,
        -- importing -> current -> previous -> retired; importing -> failed
        state          TEXT NOT NULL CHECK (state IN ('importing', 'current', 'previous', 'retired', 'failed')),
        as_of          TEXT NOT NULL,
        source_file    TEXT NOT NULL,
        source_sha256  TEXT NOT NULL,
        source_format  TEXT NOT NULL,
        started_at     TEXT NOT NULL,
        heartbeat_at   TEXT NOT NULL,
        imported_at    TEXT,
        rows_read      INTEGER NOT NULL DEFAULT 0,
        rows_imported  INTEGER NOT NULL DEFAULT 0,
        rows_rejected  INTEGER NOT NULL DEFAULT 0,
        rows_warned    INTEGER NOT NULL DEFAULT 0,
        rows_skipped   INTEGER NOT NULL DEFAULT 0,
        rows_damaged   INTEGER NOT NULL DEFAULT 0,
        mapping_json   TEXT,
        failure        TEXT,
        UNIQUE (list_id, edition)
      );
      CREATE INDEX list_editions_state ON list_editions(state);

      -- Rejected rows and warnings of an import, for the report and the rejects download.
      CREATE TABLE import_issues (
        edition_id INTEGER NOT NULL REFERENCES list_editions(id) ON DELETE CASCADE,
        row        INTEGER NOT NULL,
        severity   TEXT NOT NULL CHECK (severity IN ('reject', 'warning')),
        code       TEXT NOT NULL,
        detail     TEXT
      );
      CREATE INDEX import_issues_edition ON import_issues(edition_id, severity, row);
    `);
  },
};
