import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../../../src/core/store/migrations';
import { openDatabase } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

it('009 gives every edition row a content hash column, empty for the editions already there', () => {
  const path = join(tempDir(), 'loket.db');
  const old = new Database(path);
  migrate(old, 8);
  old.prepare(`INSERT INTO lists (id, name, kind, created_at) VALUES (1, 'PBI', 'pbi-apbd', '2026-11-01T00:00:00Z')`).run();
  old.prepare(
    `INSERT INTO list_editions (list_id, edition, state, as_of, source_file, source_sha256, source_format, started_at, heartbeat_at)
     VALUES (1, 1, 'failed', '2026-11-01', 'a.csv', '', 'csv', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
  ).run();
  old.close();
  const db = openDatabase(path);
  expect(db.prepare('SELECT edition, content_hash AS hash FROM list_editions').all()).toEqual([{ edition: 1, hash: null }]);
  db.close();
});
