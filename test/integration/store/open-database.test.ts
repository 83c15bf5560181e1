import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/store/open-database';
import { DatabaseKeyError } from '../../../src/core/store/database-key-error';
import { toErrorPayload } from '../../../src/core/errors';
import { formatMessage } from '../../../src/shared/i18n/messages';
import { DatabaseTooNewError, MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../src/core/store/migrations';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const tables = (db: ReturnType<typeof openDatabase>): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys, a busy timeout and the latest schema', () => {
    const path = join(tempDir(), 'sub', 'loket.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['lists', 'list_editions', 'import_issues']));
    db.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const path = join(tempDir(), 'loket.db');
    const db = openDatabase(path);
    db.prepare(`INSERT INTO lists (name, kind, created_at) VALUES ('PBI', 'pbi-apbd', 'now')`).run();
    db.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT count(*) AS n FROM lists').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database written by a newer Loket', () => {
    const path = join(tempDir(), 'loket.db');
    const db = openDatabase(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
  });

  it('encrypts at rest when given a key, and a wrong key cannot open it', () => {
    const path = join(tempDir(), 'secret.db');
    const db = openDatabase(path, { key: 'rahasia-puskesmas' });
    db.prepare(`INSERT INTO lists (name, kind, created_at) VALUES ('SITI AMINAH LIST', 'pbi-apbd', 'now')`).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('SITI AMINAH LIST'))).toBe(false);
    expect(() => openDatabase(path, { key: 'salah' })).toThrow();
    expect(() => openDatabase(path)).toThrow();
    const again = openDatabase(path, { key: 'rahasia-puskesmas' });
    expect(again.prepare('SELECT name FROM lists').get()).toEqual({ name: 'SITI AMINAH LIST' });
    again.close();
  });
});

describe('a database that does not open says why, key by key', () => {
  const problemOf = (path: string, key?: string): string => {
    try {
      openDatabase(path, key ? { key } : {}).close();
      return 'opened';
    } catch (error) {
      return error instanceof DatabaseKeyError ? error.problem : `other: ${String(error)}`;
    }
  };

  it('wrong key, missing key, a key for a plain file, and a file that is no database', () => {
    const dir = tempDir();
    const encrypted = join(dir, 'enc.db');
    openDatabase(encrypted, { key: 'kunci-benar' }).close();
    const plain = join(dir, 'plain.db');
    openDatabase(plain).close();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'Catatan rapat puskesmas, bukan basis data. '.repeat(200));
    expect(problemOf(encrypted, 'kunci-salah')).toBe('wrong-key');
    expect(problemOf(encrypted)).toBe('key-missing');
    expect(problemOf(plain, 'kunci-benar')).toBe('not-encrypted');
    expect(problemOf(text)).toBe('not-a-database');
    expect(problemOf(encrypted, 'kunci-benar')).toBe('opened');
  });

  it('each reaches the clerk and the IT officer in words, in both languages', () => {
    for (const problem of ['wrong-key', 'key-missing', 'not-encrypted', 'not-a-database']) {
      const payload = toErrorPayload(new DatabaseKeyError(problem as never, '/data/loket.db'));
      expect(payload.key).toBe(`database/${problem}`);
      expect(formatMessage('id', payload.key, payload.params)).toContain('/data/loket.db');
      expect(formatMessage('en', payload.key, payload.params)).toMatch(/nothing was changed/);
    }
    expect(formatMessage('en', 'database/wrong-key', { path: 'x' })).toMatch(/key given is wrong/);
  });
});

describe('migrations', () => {
  it('each migration applies on top of the previous ones and records its version', () => {
    const db = openDatabase(':memory:', {});
    // openDatabase migrated already; start again from an empty database to walk the versions.
    db.close();
    const path = join(tempDir(), 'walk.db');
    const empty = openDatabase(path, { readonly: false });
    empty.pragma('user_version = 0');
    // A virtual table's own tables (FTS5's _data, _config, …) go with it.
    for (const t of tables(empty)) empty.exec(`DROP TABLE IF EXISTS ${t}`);
    for (const migration of MIGRATIONS) {
      expect(migrate(empty, migration.version)).toBe(migration.version);
      expect(empty.pragma('user_version', { simple: true })).toBe(migration.version);
    }
    expect(tables(empty)).toEqual(expect.arrayContaining(['lists', 'list_editions', 'import_issues', 'bridge_log', 'live_answers']));
    const indexes = (empty.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'live_answers'`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['live_answers_nik', 'live_answers_card']));
    empty.close();
  });

  it('a failing migration leaves the database as it was (one transaction)', () => {
    const path = join(tempDir(), 'fail.db');
    const db = openDatabase(path);
    db.pragma('user_version = 0');
    // The tables exist already, so re-running 001 fails: the version must stay where it was.
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });
});
