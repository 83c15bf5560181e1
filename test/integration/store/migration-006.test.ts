import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../src/core/settings/settings.repo';
import { migrate, SCHEMA_VERSION } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { PAYERS } from '../../../src/shared/counter';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A database as Loket left it at schema 5, with visits, their follow-ups, prints and re-checks, and old settings. */
function version5(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db, 5);
  db.exec(`
    INSERT INTO patients (id, mrn, name, name_key, created_at, updated_at) VALUES (1, '000001', 'SITI AMINAH', 'siti aminah', 't', 't');
    INSERT INTO visits (id, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, status, registered_at, registered_by)
      VALUES (7, 1, '2026-11-23', 'UMUM', 'A', 1, 0, 'jkn', 'waiting', '2026-11-23T02:00:00.000Z', 'ani'),
             (8, 1, '2026-11-23', 'IGD', 'GD', 1, 1, 'pending', 'called', '2026-11-23T02:05:00.000Z', 'ani');
    INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (8, 'settle-payer', 'emergency', 'd', 'c');
    INSERT INTO print_log (visit_id, printed_at, clerk, kind, paper) VALUES (7, 't', 'ani', 'print', '80mm');
    INSERT INTO rechecks (visit_id, checked_at, service, after, action) VALUES (7, 't', 'vclaim', 'eligible', 'none');
    INSERT INTO settings (key, value) VALUES ('counter', '{"facilityName":"Puskesmas Walantaka","counterPrefix":"A","emergencyUnit":"IGD","units":[{"code":"UMUM","name":"Poli Umum"},{"code":"UGD","name":"UGD"},{"code":"IGD","name":"IGD"}]}');
  `);
  return db;
}

describe('migration 006: every payer in the register', () => {
  it('an old database refuses the new payers; after 006 it takes every payer and keeps rows, ids, links and indexes', () => {
    const path = join(tempDir(), 'v5.db');
    const db = version5(path);
    const insert = db.prepare(
      `INSERT INTO visits (patient_id, service_date, unit, queue_prefix, queue_no, payer, status, registered_at, registered_by) VALUES (1, '2026-11-24', 'UMUM', 'U', ?, ?, 'waiting', 't', 'ani')`,
    );
    expect(() => insert.run(1, 'jasa-raharja')).toThrow(/CHECK/);
    db.close();

    const after = openDatabase(path);
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(9); // later migrations (010 accounts, …) come on top
    expect(after.prepare('SELECT id, payer, queue_prefix AS prefix, status FROM visits ORDER BY id').all()).toEqual([
      { id: 7, payer: 'jkn', prefix: 'A', status: 'waiting' },
      { id: 8, payer: 'pending', prefix: 'GD', status: 'called' },
    ]);
    // The rows that point at visits still do, and still must.
    expect(after.prepare('SELECT visit_id FROM follow_ups').all()).toEqual([{ visit_id: 8 }]);
    expect(after.prepare('SELECT visit_id FROM print_log').all()).toEqual([{ visit_id: 7 }]);
    expect(after.prepare('SELECT visit_id FROM rechecks').all()).toEqual([{ visit_id: 7 }]);
    expect(() => after.prepare(`INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (999, 'settle-payer', 'x', 'd', 'c')`).run()).toThrow(/FOREIGN KEY/);
    expect(after.pragma('foreign_key_check')).toEqual([]);
    const indexes = (after.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits'`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['visits_patient_day', 'visits_day_unit']));
    expect(after.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'visits_new'`).get()).toEqual({ n: 0 });

    const insertAfter = after.prepare(
      `INSERT INTO visits (patient_id, service_date, unit, queue_prefix, queue_no, payer, status, registered_at, registered_by) VALUES (1, '2026-11-24', 'UMUM', 'U', ?, ?, 'waiting', 't', 'ani')`,
    );
    PAYERS.forEach((payer, i) => expect(() => insertAfter.run(i + 1, payer)).not.toThrow());
    expect(() => insertAfter.run(99, 'gratis')).toThrow(/CHECK/);
    // One number on two visits is allowed since 013 (a visit pulled from the hub): migration-013.test.ts.
    after.close();
  });

  it('gives each stored unit a unique prefix, keeping the rest of the saved settings', () => {
    const path = join(tempDir(), 'v5.db');
    version5(path).close();
    const after = openDatabase(path);
    const stored = JSON.parse((after.prepare(`SELECT value FROM settings WHERE key = 'counter'`).get() as { value: string }).value);
    expect(stored.units).toEqual([
      { code: 'UMUM', name: 'Poli Umum', prefix: 'U' },
      { code: 'UGD', name: 'UGD', prefix: 'UG' },
      { code: 'IGD', name: 'IGD', prefix: 'I' },
    ]);
    expect(readSettings(after)).toMatchObject({ facilityName: 'Puskesmas Walantaka', counterPrefix: 'A', units: stored.units });
    after.close();
  });

  it('is all or nothing: a failure inside it leaves schema 5 and the old table', () => {
    const path = join(tempDir(), 'v5.db');
    const db = version5(path);
    // A visits_new already there makes the rebuild fail half-way.
    db.exec('CREATE TABLE visits_new (x INTEGER)');
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM visits').get()).toEqual({ n: 2 });
    expect(() => db.prepare(`INSERT INTO visits (patient_id, service_date, unit, queue_prefix, queue_no, payer, status, registered_at, registered_by) VALUES (1, 'd', 'UMUM', 'U', 5, 'bpjs-tk', 'waiting', 't', 'ani')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
