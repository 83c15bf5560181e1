import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('migration 008 (sync)', () => {
  it('gives every row written before it a distinct UUIDv7, and keeps the outbox empty', () => {
    const path = join(tempDir(), 'loket.db');
    const old = new Database(path);
    migrate(old, 7);
    const at = '2026-11-01T01:00:00.000Z';
    for (let i = 1; i <= 50; i++) {
      old.prepare(`INSERT INTO patients (mrn, name, name_key, created_at, updated_at) VALUES (?, 'X', 'x', ?, ?)`).run(String(i).padStart(6, '0'), at, at);
      old.prepare(`INSERT INTO visits (patient_id, service_date, unit, queue_prefix, queue_no, payer, status, registered_at, registered_by) VALUES (?, '2026-11-01', 'UMUM', 'U', ?, 'umum', 'served', ?, 'ani')`).run(i, i, at);
      old.prepare(`INSERT INTO follow_ups (visit_id, kind, reason, due_at, created_at) VALUES (?, 'settle-payer', 'x', ?, ?)`).run(i, at, at);
      old.prepare(`INSERT INTO print_log (visit_id, printed_at, clerk, kind, paper) VALUES (?, ?, 'ani', 'print', '80mm')`).run(i, at);
      old.prepare(`INSERT INTO rechecks (visit_id, checked_at, service, after, action) VALUES (?, ?, 'vclaim', 'eligible', 'none')`).run(i, at);
    }
    old.close();

    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    for (const table of ['patients', 'visits', 'follow_ups', 'print_log', 'rechecks']) {
      const uids = (db.prepare(`SELECT uid FROM ${table}`).all() as { uid: string }[]).map((r) => r.uid);
      expect(uids).toHaveLength(50);
      expect(new Set(uids).size).toBe(50);
      for (const uid of uids) expect(uid).toMatch(UUID_V7);
    }
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT enrolled, applying, cursor FROM sync_state').get()).toEqual({ enrolled: 0, applying: 0, cursor: 0 });
    // A row inserted later by any path gets its uid too; a duplicate uid is refused.
    db.prepare(`INSERT INTO patients (mrn, name, name_key, created_at, updated_at) VALUES ('X1', 'Y', 'y', ?, ?)`).run(at, at);
    expect((db.prepare(`SELECT uid FROM patients WHERE mrn = 'X1'`).get() as { uid: string }).uid).toMatch(UUID_V7);
    const taken = (db.prepare('SELECT uid FROM patients WHERE id = 1').get() as { uid: string }).uid;
    expect(() => db.prepare(`INSERT INTO patients (uid, mrn, name, name_key, created_at, updated_at) VALUES (?, 'X2', 'Y', 'y', ?, ?)`).run(taken, at, at)).toThrow(/UNIQUE/);
    db.close();
  });
});
