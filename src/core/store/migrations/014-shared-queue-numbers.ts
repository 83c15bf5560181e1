import type { Migration } from './index';

const NUMBER_UNIQUE = /,\s*UNIQUE \(service_date, unit, queue_prefix, queue_no\)/;

/**
 * One queue number may be on two visits of a day and unit, and pulled records that cannot be
 * applied yet wait in a table of their own (docs/hub.md, "The counter side of sync").
 *
 * - `visits` loses UNIQUE (service_date, unit, queue_prefix, queue_no). A counter that numbered
 *   alone before it enrolled and the hub may both have printed `U-001` that morning; both slips
 *   are true, so both visits must be in every counter's queue (marked, so the clerk calls by
 *   name). The constraint made a counter drop the other's visit. The counter's own numbering
 *   still never repeats a number (visits.ts takes the next one inside an IMMEDIATE transaction),
 *   and a plain index keeps that look-up fast. SQLite cannot drop a constraint, so the table is
 *   rebuilt as 006 did, from its own CREATE statement less that clause (so a column another
 *   migration added is kept), with every index and trigger it had.
 * - `pull_deferred`: a pulled record that hangs on one this counter lacks, kept as pulled and
 *   tried again at each pull, rather than holding the cursor (which stopped the counter
 *   receiving anything new once 1,000 records came after it).
 * - An enrolled counter pulls the register once more from the start: visits an earlier version
 *   dropped for a shared number are below its cursor and would never come again. Upserts by uid:
 *   a record applied twice is the same record.
 */
export const m014SharedQueueNumbers: Migration = {
  version: 14,
  name: 'shared-queue-numbers',
  up(db) {
    const table = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'visits'`).get() as { sql: string };
    if (!NUMBER_UNIQUE.test(table.sql)) throw new Error('migration 014: visits has no UNIQUE queue number to drop');
    const kept = db.prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = 'visits' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`).all() as { sql: string }[];
    db.exec(table.sql.replace(NUMBER_UNIQUE, '').replace(/^CREATE TABLE "?visits"?/, 'CREATE TABLE visits_new'));
    db.exec(`INSERT INTO visits_new SELECT * FROM visits; DROP TABLE visits; ALTER TABLE visits_new RENAME TO visits;`);
    for (const { sql } of kept) db.exec(sql);
    db.exec(`
      CREATE INDEX visits_number ON visits(service_date, unit, queue_prefix, queue_no);

      CREATE TABLE pull_deferred (
        list   TEXT NOT NULL,                  -- the PullResponse list it came in: patients, visits, followUps, prints, rechecks, aliases
        key    TEXT NOT NULL,                  -- its uid (an alias: its RM)
        rev    INTEGER NOT NULL,
        record TEXT NOT NULL,                  -- JSON, as pulled
        rounds INTEGER NOT NULL DEFAULT 0,     -- sync rounds it has waited (pulls that reached the hub's last revision)
        since  TEXT NOT NULL,                  -- when it was first deferred (UTC instant)
        PRIMARY KEY (list, key)
      );

      UPDATE sync_state SET cursor = 0 WHERE enrolled = 1;
    `);
  },
};
