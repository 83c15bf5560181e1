import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { syncState } from '../../../src/core/sync/sync-state.repo';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/**
 * A counter's file as Loket left it at schema 12: enrolled, its pull cursor at 57, one of its own
 * patients with the placeholder RM the old pull wrote when another patient held its RM at the hub.
 */
function version12(path: string, placeholder: boolean): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  migrate(db, 14);
  db.exec(`
    INSERT INTO patients (id, uid, mrn, nik, name, name_key, created_at, updated_at)
      VALUES (1, '01a22d09-6a1e-789b-a854-3d4c4999b584', ${placeholder ? `'~01a22d09-6a1e-789b-a854-3d4c4999b584'` : `'000001'`}, '3201010101010001', 'CHAIRUL', 'chairul', 't', 't'),
             (2, '01a22d0a-50a0-74ec-8ade-9eb792625ccc', '000002', NULL, 'PASIEN PAGI 1', 'pasien pagi 1', 't', 't');
    INSERT INTO visits (id, patient_id, service_date, unit, queue_prefix, queue_no, payer, status, registered_at, registered_by)
      VALUES (7, 1, '2026-11-30', 'UMUM', 'U', 1, 'umum', 'waiting', 't', 'ani');
    INSERT INTO patient_aliases (mrn, patient_id) VALUES ('000099', 2);
    UPDATE sync_state SET enrolled = 1, cursor = 57, counter_id = 'k1', offline_prefix = 'K1';
  `);
  db.close();
}

describe('migration 015: one record number may name two patients', () => {
  it('keeps every row, id, link, index and trigger, and takes a second holder of an RM', () => {
    const path = join(tempDir(), 'v12.db');
    version12(path, false);
    const old = new Database(path);
    expect(() => old.prepare(`INSERT INTO patients (mrn, name, name_key, created_at, updated_at) VALUES ('000002', 'X', 'x', 't', 't')`).run()).toThrow(/UNIQUE/);
    old.close();

    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, uid, mrn, nik, name FROM patients ORDER BY id').all()).toEqual([
      { id: 1, uid: '01a22d09-6a1e-789b-a854-3d4c4999b584', mrn: '000001', nik: '3201010101010001', name: 'CHAIRUL' },
      { id: 2, uid: '01a22d0a-50a0-74ec-8ade-9eb792625ccc', mrn: '000002', nik: null, name: 'PASIEN PAGI 1' },
    ]);
    expect(db.prepare('SELECT patient_id AS p FROM visits WHERE id = 7').get()).toEqual({ p: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Another patient with RM 000002 (a pulled record of another counter's island): taken.
    db.prepare(`INSERT INTO patients (mrn, name, name_key, created_at, updated_at) VALUES ('000002', 'ANDRI', 'andri', 't', 't')`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM patients WHERE mrn = '000002'`).get()).toEqual({ n: 2 });
    // The NIK stays unique, every new row still gets its uid, and the outbox still records the counter's own changes.
    expect(() => db.prepare(`INSERT INTO patients (mrn, nik, name, name_key, created_at, updated_at) VALUES ('000003', '3201010101010001', 'X', 'x', 't', 't')`).run()).toThrow(/UNIQUE/);
    const uid = (db.prepare(`SELECT uid FROM patients WHERE name = 'ANDRI'`).get() as { uid: string | null }).uid;
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(db.prepare(`SELECT kind FROM outbox`).all()).toEqual([{ kind: 'patient' }]);
    db.prepare(`UPDATE patients SET address = 'JL. BARU' WHERE id = 1`).run();
    expect(db.prepare(`SELECT kind, row_id AS rowId FROM outbox ORDER BY seq`).all()).toEqual([
      { kind: 'patient', rowId: 3 },
      { kind: 'patient', rowId: 1 },
    ]);
    // The look-up by RM uses an index; deleting a patient still takes its aliases with it.
    expect(db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM patients WHERE mrn = '000002'`).all()).toEqual([expect.objectContaining({ detail: expect.stringContaining('patients_mrn') })]);
    db.prepare('DELETE FROM patients WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) AS n FROM patient_aliases').get()).toEqual({ n: 0 });
    // Nothing to repair: the pull goes on from where it was.
    expect(syncState(db).cursor).toBe(57);
    db.close();
  });

  it('a counter whose RMs the old pull had replaced by placeholders reads the register again, to get them back', () => {
    const path = join(tempDir(), 'v12-placeholder.db');
    version12(path, true);
    const db = openDatabase(path);
    expect(syncState(db)).toMatchObject({ enrolled: true, cursor: 0 });
    // The register read again: the hub's record of CHAIRUL brings his RM back, beside the other holder of 000001.
    const at = '2026-11-30T01:00:00.000Z';
    const record = (uid: string, mrn: string, name: string, rev: number) => ({ uid, mrn, nik: null, card: null, name, dob: null, sex: null, address: null, identified: true, createdAt: at, updatedAt: at, mergedInto: null, rev });
    applyPull(db, {
      cursor: 3,
      more: false,
      patients: [record('01a22d09-6a1e-789b-a854-3d4c4999b584', '000001', 'CHAIRUL', 2), record('01a22d0a-6501-7a71-b5d1-36883c67e616', '000001', 'PASIEN PAGI 4', 3)],
      visits: [],
      followUps: [],
      prints: [],
      rechecks: [],
      notices: [],
      aliases: [],
      settings: null,
    });
    expect(db.prepare(`SELECT name FROM patients WHERE mrn = '000001' ORDER BY id`).all()).toEqual([{ name: 'CHAIRUL' }, { name: 'PASIEN PAGI 4' }]);
    expect(db.prepare(`SELECT count(*) AS n FROM patients WHERE mrn LIKE '~%'`).get()).toEqual({ n: 0 });
    db.close();
  });
});
