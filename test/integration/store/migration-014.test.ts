import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

const VISIT = `INSERT INTO visits (patient_id, service_date, unit, queue_prefix, queue_no, payer, status, registered_at, registered_by) VALUES (1, '2026-11-30', 'UMUM', 'U', ?, 'umum', 'waiting', 't', 'ani')`;

/** An enrolled counter as Loket left it at schema 12: a visit with its follow-up, print and re-check, a cursor well into the register. */
function version12(path: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db, 13);
  db.exec(`
    INSERT INTO patients (id, mrn, name, name_key, created_at, updated_at) VALUES (1, '000001', 'BENI PULAU', 'beni pulau', 't', 't');
    INSERT INTO visits (id, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, status, registered_at, registered_by)
      VALUES (7, 1, '2026-11-30', 'UMUM', 'U', 1, 0, 'umum', 'waiting', '2026-11-30T01:00:00.000Z', 'ani');
    INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (7, 'settle-payer', 'not-checked', 'd', 'c');
    INSERT INTO print_log (visit_id, printed_at, clerk, kind, paper) VALUES (7, 't', 'ani', 'print', '80mm');
    UPDATE sync_state SET enrolled = 1, counter_id = 'k4', offline_prefix = 'K4', cursor = 40;
    DELETE FROM outbox;
  `);
  // Before 014 a second U-001 could not be written: the pull dropped the other counter's visit.
  expect(() => db.prepare(VISIT).run(1)).toThrow(/UNIQUE/);
  db.close();
}

it('014 lets two visits share a queue number, keeps every row, link, index and trigger, and pulls the register again', () => {
  const path = join(tempDir(), 'loket.db');
  version12(path);
  const uidBefore = (() => {
    const old = new Database(path);
    try {
      return (old.prepare('SELECT uid FROM visits WHERE id = 7').get() as { uid: string }).uid;
    } finally {
      old.close();
    }
  })();
  const db = openDatabase(path);
  expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  expect(db.prepare('SELECT id, uid, queue_no AS no FROM visits').all()).toEqual([{ id: 7, uid: uidBefore, no: 1 }]);
  expect(db.prepare('SELECT visit_id FROM follow_ups').all()).toEqual([{ visit_id: 7 }]);
  expect(db.prepare('SELECT visit_id FROM print_log').all()).toEqual([{ visit_id: 7 }]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(() => db.prepare(`INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (999, 'settle-payer', 'x', 'd', 'c')`).run()).toThrow(/FOREIGN KEY/);

  // A second U-001 is written; the triggers are back (a uid filled in, the outbox entries of an enrolled counter).
  const second = Number(db.prepare(VISIT).run(1).lastInsertRowid);
  expect(db.prepare('SELECT uid FROM visits WHERE id = ?').get(second)).toEqual({ uid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  db.prepare(`UPDATE visits SET status = 'called', called_at = 't2' WHERE id = ?`).run(second);
  db.prepare(`UPDATE visits SET payer = 'jkn' WHERE id = ?`).run(second);
  expect(db.prepare('SELECT kind, row_id AS row FROM outbox ORDER BY seq').all()).toEqual([
    { kind: 'visit', row: second },
    { kind: 'visit.status', row: second },
    { kind: 'visit.payer', row: second },
  ]);
  const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visits' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  expect(indexes).toEqual(['visits_day_unit', 'visits_number', 'visits_patient_day', 'visits_uid']);
  expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'visits_new'`).get()).toEqual({ n: 0 });

  // Visits an earlier version dropped lie below the cursor: the register is pulled again from the start.
  expect(db.prepare('SELECT enrolled, cursor FROM sync_state').get()).toEqual({ enrolled: 1, cursor: 0 });
  expect(db.prepare('SELECT count(*) AS n FROM pull_deferred').get()).toEqual({ n: 0 });
  db.close();
});
