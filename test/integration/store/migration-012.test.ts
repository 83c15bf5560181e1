import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

it('012 gives every edition already there the kind of its list, the kind it was read under', () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 11);
  old.prepare(`INSERT INTO lists (id, name, kind, created_at) VALUES (1, 'PBI', 'pbi-apbd', '2026-11-01T00:00:00Z'), (2, 'DAERAH', 'jamkesda', '2026-11-01T00:00:00Z')`).run();
  const edition = old.prepare(
    `INSERT INTO list_editions (list_id, edition, state, as_of, source_file, source_sha256, source_format, started_at, heartbeat_at)
     VALUES (?, 1, 'current', '2026-11-01', 'a.csv', '', 'csv', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
  );
  edition.run(1);
  edition.run(2);
  old.close();
  const db = openDatabase(path);
  expect(db.prepare('SELECT list_id AS list, kind FROM list_editions ORDER BY list_id').all()).toEqual([
    { list: 1, kind: 'pbi-apbd' },
    { list: 2, kind: 'jamkesda' },
  ]);
  db.close();
});
