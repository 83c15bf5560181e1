import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

it('022 indexes the birth date, so the duplicate check reads the records near a date, not the whole table', () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 21);
  old.exec(`INSERT INTO patients (id, mrn, name, name_key, dob, created_at, updated_at) VALUES (1, '000001', 'SITI AMINAH', 'SITI AMINAH', '1985-03-12', 't', 't')`);
  old.close();

  const db = openDatabase(path);
  try {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM patients WHERE identified = 1 AND (dob IS NULL OR dob IN ('1985-03-12', '1985-12-03') OR dob BETWEEN '' AND '')`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/patients_dob/);
    expect(plan).not.toMatch(/^SCAN patients$/m);
    expect(db.prepare('SELECT name FROM patients WHERE dob = ?').get('1985-03-12')).toEqual({ name: 'SITI AMINAH' });
  } finally {
    db.close();
  }
});
