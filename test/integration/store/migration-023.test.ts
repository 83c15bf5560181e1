import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { findDuplicateMatches } from '../../../src/core/patients/likely-duplicates';
import { migrate } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { looseName } from '../../../src/shared/name-variants';
import { normalizeName } from '../../../src/shared/names';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const plan = (db: Database.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
const RECORDS = [
  ['000001', 'RACHMAT HIDAYAT', null],
  ['000002', "NUR'AINI", '1979-03-05'],
  ['000003', 'SITI AMINAH', null],
] as const;
const forms = (db: Database.Database) => db.prepare('SELECT loose_sorted AS sorted, loose_joined AS joined FROM patients ORDER BY id').all();

it('023 stores every record\'s spelling-free name forms, indexed: the check without a birth date reads no other record', () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 22);
  const insert = old.prepare(`INSERT INTO patients (mrn, name, name_key, dob, created_at, updated_at) VALUES (?, ?, ?, ?, 't', 't')`);
  for (const [mrn, name, dob] of RECORDS) insert.run(mrn, name, normalizeName(name).key, dob);
  old.close();

  const db = openDatabase(path);
  try {
    expect(forms(db)).toEqual(RECORDS.map(([, name]) => ({ sorted: looseName(name).sorted, joined: looseName(name).joined })));
    expect(findDuplicateMatches(db, 'HIDAYAT RAHMAT', null).map((m) => m.patient.mrn)).toEqual(['000001']);
    expect(findDuplicateMatches(db, 'NOOR AINI', null).map((m) => m.patient.mrn)).toEqual(['000002']);
    const sql = 'SELECT id FROM patients WHERE identified = 1 AND (loose_sorted = ? OR loose_joined = ?)';
    expect(plan(db, sql, 'A', 'A')).toMatch(/patients_loose_sorted.*patients_loose_joined/);
    expect(plan(db, sql, 'A', 'A')).not.toMatch(/^SCAN patients$/m);
  } finally {
    db.close();
  }
});

it('stored forms made by another definition (an older Loket, a restored backup) are made again when the file is opened', () => {
  const path = join(tempDir(), 'loket.db');
  const first = openDatabase(path);
  first.exec(`INSERT INTO patients (mrn, name, name_key, loose_sorted, loose_joined, created_at, updated_at) VALUES ('000001', 'DEWI LESTARI', 'DEWI LESTARI', 'OLD', 'OLD', 't', 't')`);
  first.prepare(`UPDATE settings SET value = '0' WHERE key = 'loose-name-version'`).run();
  first.close();

  const db = openDatabase(path);
  try {
    expect(forms(db)).toEqual([{ sorted: looseName('DEWI LESTARI').sorted, joined: looseName('DEWI LESTARI').joined }]);
    expect(findDuplicateMatches(db, 'DEWY LESTARI', null).map((m) => m.patient.name)).toEqual(['DEWI LESTARI']);
  } finally {
    db.close();
  }
});
