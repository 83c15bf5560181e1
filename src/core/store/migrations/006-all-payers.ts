import { upgradeStoredSettings as upgradeSettingsJson } from '../../../shared/unit-prefixes';
import type { Migration } from './index';

/**
 * visits.payer accepts every payer of PAYERS (src/shared/counter.ts), not only jkn/umum/pending,
 * and the stored counter settings give each unit its queue prefix.
 *
 * SQLite cannot alter a CHECK constraint, so the table is rebuilt (sqlite.org/lang_altertable,
 * "other kinds of table schema changes"): new table, copy every row with its id, drop, rename,
 * indexes again. follow_ups, print_log and rechecks keep pointing at the same ids; migrate()
 * runs with foreign keys off and checks them all before committing.
 */
export const PAYER_CHECK = `'jkn', 'jamkesda', 'umum', 'jasa-raharja', 'bpjs-tk', 'insurance', 'pending'`;

export const m006AllPayers: Migration = {
  version: 6,
  name: 'all-payers',
  up(db) {
    db.exec(`
      CREATE TABLE visits_new (
        id            INTEGER PRIMARY KEY,
        patient_id    INTEGER NOT NULL REFERENCES patients(id),
        service_date  TEXT NOT NULL,            -- the facility's local date
        unit          TEXT NOT NULL,
        queue_prefix  TEXT NOT NULL,            -- [counter prefix-]unit prefix, or [counter prefix-]emergency prefix
        queue_no      INTEGER NOT NULL,
        emergency     INTEGER NOT NULL DEFAULT 0,
        payer         TEXT NOT NULL CHECK (payer IN (${PAYER_CHECK})),
        verdict       TEXT,
        verdict_source TEXT,
        status        TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'cancelled')),
        registered_at TEXT NOT NULL,            -- UTC instant
        registered_by TEXT NOT NULL,
        called_at     TEXT,
        served_at     TEXT,
        cancelled_at  TEXT,
        UNIQUE (service_date, unit, queue_prefix, queue_no)
      );
      INSERT INTO visits_new (id, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source,
          status, registered_at, registered_by, called_at, served_at, cancelled_at)
        SELECT id, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, verdict, verdict_source,
          status, registered_at, registered_by, called_at, served_at, cancelled_at FROM visits;
      DROP TABLE visits;
      ALTER TABLE visits_new RENAME TO visits;
      CREATE INDEX visits_patient_day ON visits(patient_id, service_date);
      CREATE INDEX visits_day_unit ON visits(service_date, unit, status);
    `);
    upgradeStoredSettings(db);
  },
};

/** Stored units get a prefix each (first letter of the code, made unique), as the settings now require. */
function upgradeStoredSettings(db: Parameters<Migration['up']>[0]): void {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'counter'`).get() as { value: string } | undefined;
  if (!row) return;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return; // unreadable settings already fall back to the defaults when read
  }
  const upgraded = upgradeSettingsJson(stored);
  if (upgraded !== stored) db.prepare(`UPDATE settings SET value = ? WHERE key = 'counter'`).run(JSON.stringify(upgraded));
}
