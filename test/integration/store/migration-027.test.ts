import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { findPatientIdsByNameWords } from '../../../src/core/patients/name-words';
import { migrate } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { normalizeName } from '../../../src/shared/names';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

it('027 indexes the words of the records there are; later writes keep the index (insert, rename, delete)', () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 26);
  const insert = old.prepare(`INSERT INTO patients (mrn, name, name_key, created_at, updated_at) VALUES (?, ?, ?, 't', 't')`);
  for (const [mrn, name] of [['000001', 'ENTIN ROHMAH'], ['000002', 'SITI AMINAH'], ['000003', 'NUR ROHMAH SARI']] as const) insert.run(mrn, name, normalizeName(name).key);
  old.close();

  const db = openDatabase(path);
  try {
    const ids = (key: string) => findPatientIdsByNameWords(db, key, 10);
    expect(ids('ROHMAH')).toEqual([3, 1]);
    expect(ids('AMINAH')).toEqual([2]);
    db.prepare(`INSERT INTO patients (mrn, name, name_key, created_at, updated_at) VALUES ('000004', 'ROHMAH', 'ROHMAH', 't', 't')`).run();
    db.prepare(`UPDATE patients SET name = 'ENTIN ROHANI', name_key = 'ENTIN ROHANI' WHERE id = 1`).run();
    db.prepare('DELETE FROM patients WHERE id = 3').run();
    expect(ids('ROHMAH')).toEqual([4]);
    expect(ids('ROHANI')).toEqual([1]);
    // The index is whole: FTS5's own check of an external-content index against its table.
    expect(() => db.exec(`INSERT INTO patient_name_words (patient_name_words, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
  } finally {
    db.close();
  }
});
