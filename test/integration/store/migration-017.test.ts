import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { undoMove } from '../../../src/core/visits/move-visit';
import { nextLocalNumber } from '../../../src/core/visits/visits';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

it("017 gives the moves made before it the visit's day on both sides (they never changed it): their numbers are not handed out again, and their undo keeps the day", () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 16);
  old.exec(`
    INSERT INTO patients (id, mrn, name, name_key, created_at, updated_at) VALUES (1, '000001', 'SITI', 'siti', 't', 't');
    INSERT INTO visits (id, patient_id, service_date, unit, queue_prefix, queue_no, emergency, payer, status, registered_at, registered_by)
      VALUES (7, 1, '2026-11-30', 'GIGI', 'G', 4, 0, 'umum', 'waiting', '2026-11-30T01:00:00.000Z', 'ani');
    INSERT INTO visit_moves (visit_id, from_unit, from_prefix, from_no, from_status, from_called_at, to_unit, to_prefix, to_no, moved_at, moved_by)
      VALUES (7, 'UMUM', 'U', 9, 'waiting', NULL, 'GIGI', 'G', 4, '2026-11-30T02:00:00.000Z', 'ani');
  `);
  old.close();
  const db = openDatabase(path);
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT from_service_date AS fromDay, to_service_date AS toDay FROM visit_moves').get()).toEqual({ fromDay: '2026-11-30', toDay: '2026-11-30' });
    expect(db.transaction(() => nextLocalNumber(db, '2026-11-30', 'U', 'IGD')).immediate()).toBe(10);
    expect(undoMove(db, 7, new Date('2026-11-30T02:05:00.000Z')).to).toEqual({ unit: 'UMUM', queue: 'U-009' });
    expect(db.prepare('SELECT service_date AS day, unit FROM visits WHERE id = 7').get()).toEqual({ day: '2026-11-30', unit: 'UMUM' });
  } finally {
    db.close();
  }
});
