import type { Migration } from './index';

/** Every print of a slip: who, when, which visit, how (print, reprint, PDF). */
export const m003PrintLog: Migration = {
  version: 3,
  name: 'print-log',
  up(db) {
    db.exec(`
      CREATE TABLE print_log (
        id         INTEGER PRIMARY KEY,
        visit_id   INTEGER NOT NULL REFERENCES visits(id),
        printed_at TEXT NOT NULL,
        clerk      TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('print', 'reprint', 'pdf')),
        paper      TEXT NOT NULL,
        printer    TEXT
      );
      CREATE INDEX print_log_visit ON print_log(visit_id);
    `);
  },
};
