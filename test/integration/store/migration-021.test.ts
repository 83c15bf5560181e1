import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

it("021 keeps the time of a visit's last own payer and patient change: backfilled from what the counter kept, then by its own changes only", () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 20);
  old.exec(`
    INSERT INTO patients (id, mrn, name, name_key, created_at, updated_at) VALUES (1, '000001', 'SITI', 'siti', 't', 't'), (2, '000002', 'RINA', 'rina', 't', 't');
    INSERT INTO visits (id, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, status, registered_at, registered_by) VALUES
      (7, 1, '2026-11-30', 'IGD', 'E', 1, 1, 'jkn', 'waiting', '2026-11-30T01:00:00.000Z', 'ani'),
      (8, 1, '2026-11-30', 'IGD', 'E', 2, 1, 'umum', 'waiting', '2026-11-30T01:00:00.000Z', 'ani'),
      (9, 2, '2026-11-30', 'IGD', 'E', 3, 1, 'pending', 'waiting', '2026-11-30T01:00:00.000Z', 'ani'),
      (10, 1, '2026-11-30', 'UMUM', 'U', 1, 0, 'umum', 'waiting', '2026-11-30T01:00:00.000Z', 'ani');
    -- 7 still holds the payer set here last; 8 holds one pulled since (the change set here was jkn).
    INSERT INTO payer_changes (visit_id, changed_at, before, after, changed_by, via) VALUES
      (7, '2026-11-30T02:00:00.000Z', 'pending', 'umum', 'ani', 'set'), (7, '2026-11-30T03:00:00.000Z', 'umum', 'jkn', 'ani', 'set'),
      (8, '2026-11-30T02:30:00.000Z', 'pending', 'jkn', 'ani', 'set');
    -- 9 was joined to RINA when her identity was attached.
    INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at, closed_at, resolution) VALUES
      (9, 'identify-patient', 'other', '2026-12-03T01:00:00.000Z', '2026-11-30T01:00:00.000Z', '2026-11-30T04:00:00.000Z', 'patient:2');
  `);
  old.close();
  const db = openDatabase(path);
  try {
    const times = () => db.prepare('SELECT id, payer_at AS payerAt, patient_at AS patientAt FROM visits ORDER BY id').all();
    expect(times()).toEqual([
      { id: 7, payerAt: '2026-11-30T03:00:00.000Z', patientAt: null },
      { id: 8, payerAt: null, patientAt: null },
      { id: 9, payerAt: null, patientAt: '2026-11-30T04:00:00.000Z' },
      { id: 10, payerAt: null, patientAt: null },
    ]);
    // A pulled change keeps the time; a change of its own (enrolled or not) takes SQLite's clock.
    db.prepare('UPDATE sync_state SET applying = 1').run();
    db.prepare(`UPDATE visits SET payer = 'jamkesda', patient_id = 2 WHERE id IN (7, 8)`).run();
    db.prepare('UPDATE sync_state SET applying = 0').run();
    db.prepare(`UPDATE visits SET payer = 'jkn', patient_id = 2 WHERE id = 10`).run();
    db.prepare(`UPDATE visits SET payer = 'umum', patient_id = 2 WHERE id = 9`).run(); // the same patient: no change of it
    const [v7, v8, v9, v10] = times() as { payerAt: string | null; patientAt: string | null }[];
    expect([v7, v8]).toEqual([{ id: 7, payerAt: '2026-11-30T03:00:00.000Z', patientAt: null }, { id: 8, payerAt: null, patientAt: null }]);
    expect(v9!.patientAt).toBe('2026-11-30T04:00:00.000Z');
    expect(Date.now() - Date.parse(v9!.payerAt!)).toBeLessThan(60_000);
    expect(v10!.payerAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(v10!.patientAt).toBe(v10!.payerAt);
  } finally {
    db.close();
  }
});
