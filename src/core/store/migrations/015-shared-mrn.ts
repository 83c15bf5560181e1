import type { Migration } from './index';

/**
 * One record number (RM) may name two patients. Two counters that numbered alone before they
 * enrolled at the facility hub can both have given RM 000004, to two different people; the hub
 * keeps both records (each printed card stays true) and issues a `same-mrn` notice. A counter
 * must hold both too: its UNIQUE constraint on patients.mrn made it rewrite its own patient's RM
 * to a placeholder (`~<uid>`) for good, and the printed RM then opened the other person. The look-up
 * by RM now shows every patient holding the number for the clerk to choose (lookup-methods.ts).
 *
 * SQLite cannot drop a column constraint, so the table is rebuilt (sqlite.org/lang_altertable,
 * "other kinds of table schema changes"): the same CREATE statement without UNIQUE on mrn, every
 * row copied with its id, drop, rename, then its indexes and triggers (uid, outbox) again as they
 * were, and a plain index on mrn for the look-up. visits, patient_aliases keep pointing at the same
 * ids; migrate() runs with foreign keys off and checks them all before committing.
 *
 * Placeholders already written (a counter that met a same-RM case before this version): the sync
 * cursor goes back to 0, so the next pull reads the register again and gives each record its RM
 * back (pulled records are upserted by uid; a repeat changes nothing else).
 */
export const m015SharedMrn: Migration = {
  version: 15,
  name: 'shared-mrn',
  up(db) {
    const table = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'patients'`).get() as { sql: string };
    const unique = /(\bmrn\s+TEXT\s+NOT\s+NULL)\s+UNIQUE\b/i;
    if (!unique.test(table.sql)) throw new Error('migration 015: patients.mrn is not declared as expected');
    const rebuilt = table.sql.replace(unique, '$1').replace(/^CREATE TABLE\s+("?patients"?)/i, 'CREATE TABLE patients_new');
    // Indexes and triggers of the table as they are now (SQLite drops them with it); the UNIQUE's own index has no SQL.
    const kept = db.prepare(`SELECT sql FROM sqlite_master WHERE tbl_name = 'patients' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`).all() as { sql: string }[];
    db.exec(rebuilt);
    db.exec('INSERT INTO patients_new SELECT * FROM patients');
    db.exec('DROP TABLE patients');
    db.exec('ALTER TABLE patients_new RENAME TO patients');
    for (const { sql } of kept) db.exec(sql);
    db.exec('CREATE INDEX patients_mrn ON patients(mrn)');
    db.exec(`UPDATE sync_state SET cursor = 0 WHERE EXISTS (SELECT 1 FROM patients WHERE mrn LIKE '~%')`);
  },
};
