import type { Migration } from './index';

/**
 * The counter: the facility's settings, its own patient index (medical-record numbers), visits
 * with their queue numbers, and follow-up tasks (payer or identity still open).
 */
export const m002Counter: Migration = {
  version: 2,
  name: 'counter',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL -- JSON
      );

      -- Named counters (medical-record numbers); incremented inside the transaction that uses them.
      CREATE TABLE sequences (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );

      CREATE TABLE patients (
        id         INTEGER PRIMARY KEY,
        mrn        TEXT NOT NULL UNIQUE,
        nik        TEXT,
        card       TEXT,
        name       TEXT NOT NULL,
        name_key   TEXT NOT NULL,
        dob        TEXT,
        sex        TEXT CHECK (sex IN ('L', 'P')),
        address    TEXT,
        identified INTEGER NOT NULL DEFAULT 1, -- 0: emergency patient registered without identity
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX patients_nik ON patients(nik) WHERE nik IS NOT NULL;
      CREATE INDEX patients_card ON patients(card) WHERE card IS NOT NULL;
      CREATE INDEX patients_name_dob ON patients(name_key, dob);

      CREATE TABLE visits (
        id            INTEGER PRIMARY KEY,
        patient_id    INTEGER NOT NULL REFERENCES patients(id),
        service_date  TEXT NOT NULL,            -- the facility's local date
        unit          TEXT NOT NULL,
        queue_prefix  TEXT NOT NULL,            -- the counter's prefix; the emergency prefix for emergencies
        queue_no      INTEGER NOT NULL,
        emergency     INTEGER NOT NULL DEFAULT 0,
        payer         TEXT NOT NULL CHECK (payer IN ('jkn', 'umum', 'pending')),
        verdict       TEXT,                     -- eligibility verdict when registered (null: not checked, e.g. emergency)
        verdict_source TEXT,                    -- 'lists' | 'bpjs-live' | null
        status        TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'served', 'cancelled')),
        registered_at TEXT NOT NULL,            -- UTC instant
        registered_by TEXT NOT NULL,
        called_at     TEXT,
        served_at     TEXT,
        cancelled_at  TEXT,
        UNIQUE (service_date, unit, queue_prefix, queue_no)
      );
      CREATE INDEX visits_patient_day ON visits(patient_id, service_date);
      CREATE INDEX visits_day_unit ON visits(service_date, unit, status);

      CREATE TABLE follow_ups (
        id          INTEGER PRIMARY KEY,
        visit_id    INTEGER NOT NULL REFERENCES visits(id),
        kind        TEXT NOT NULL CHECK (kind IN ('settle-payer', 'identify-patient', 'recheck-eligibility')),
        reason      TEXT NOT NULL,
        due_at      TEXT NOT NULL,              -- UTC instant
        created_at  TEXT NOT NULL,
        closed_at   TEXT,
        resolution  TEXT
      );
      CREATE INDEX follow_ups_open ON follow_ups(closed_at, due_at);
    `);
  },
};
