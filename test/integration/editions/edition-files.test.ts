import Database from 'better-sqlite3';
import { readFileSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { readEditions } from '../../../src/core/lists/editions.repo';
import { DEWI, RIZKI, SITI, writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';
import { writeLegacyDatabase } from './legacy-database';

const tempDir = useTempDir();
const LIST = 'PBI APBD Kota Serang';

const open = (dir: string, key?: string): Core => createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, ...(key ? { key } : {}) });
const importFile = (core: Core, path: string) => core.importList({ file: fileFor(core, path), list: LIST, kind: 'pbi-apbd', asOf: '2026-11-01' });
const files = (dir: string): string[] => readdirSync(join(dir, 'loket.db.lists')).sort();
const tables = (core: Core): string[] => core.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'members%' OR name LIKE 'names%')`).pluck().all() as string[];

/** Edition files this process still has open although they were deleted (Linux: /proc/self/fd). */
function deletedFilesHeldOpen(dir: string): string[] {
  const held: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(dir) && target.endsWith('(deleted)')) held.push(target);
    } catch {
      // the fd closed meanwhile
    }
  }
  return held;
}

describe('every list edition is a file of its own', () => {
  it('an import adds a file; a switch keeps one rollback; rollback is a switch of file; a retired edition loses its file', async () => {
    const dir = tempDir();
    const core = open(dir);
    await importFile(core, writeSampleCsv(dir));
    expect(files(dir)).toEqual(['e1.db']);
    expect(tables(core)).toEqual([]);
    expect(readEditions(core.db, ['current']).map((e) => e.file)).toEqual(['e1.db']);
    // The register: WAL, and every commit on disk before the clerk sees its number.
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2); // FULL

    await importFile(core, writeSecondEditionCsv(dir));
    expect(files(dir)).toEqual(['e1.db', 'e2.db']);
    expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('eligible');

    await core.rollbackList({ list: LIST });
    expect(files(dir)).toEqual(['e1.db']); // the retired edition 2 is deleted
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('unknown');

    await importFile(core, writeSecondEditionCsv(dir));
    await importFile(core, writeSampleCsv(dir, 'again.csv'));
    expect(files(dir)).toEqual(['e3.db', 'e4.db']);
    expect(readEditions(core.db, ['current', 'previous', 'retired']).map((e) => [e.edition, e.state])).toEqual([[1, 'retired'], [2, 'retired'], [3, 'previous'], [4, 'current']]);
    expect(deletedFilesHeldOpen(dir)).toEqual([]);
    core.close();
  });

  it("a look-up notices another process's switch and lets go of the files it retired", async () => {
    const dir = tempDir();
    const counter = open(dir);
    const other = open(dir); // the CLI or an import worker: another connection to the same files
    await importFile(other, writeSampleCsv(dir));
    expect((await counter.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    await importFile(other, writeSecondEditionCsv(dir));
    expect((await counter.lookup({ query: DEWI.nik })).verdict).toBe('eligible');
    await other.rollbackList({ list: LIST });
    expect((await counter.lookup({ query: DEWI.nik })).verdict).toBe('unknown');
    await importFile(other, writeSecondEditionCsv(dir));
    await importFile(other, writeSampleCsv(dir, 'again.csv'));
    expect((await counter.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    expect(deletedFilesHeldOpen(dir)).toEqual([]);
    other.close();
    counter.close();
  });

  it('the import issues live in the edition file and export from there', async () => {
    const dir = tempDir();
    const core = open(dir);
    await importFile(core, writeSampleCsv(dir));
    const edition = new Database(join(dir, 'loket.db.lists', 'e1.db'), { readonly: true });
    expect(edition.prepare('SELECT count(*) FROM import_issues').pluck().get()).toBeGreaterThan(0);
    edition.close();
    const out = join(dir, 'issues.csv');
    const exported = await core.exportImportIssues({ list: LIST, file: fileFor(core, out, 'save-csv') });
    expect(exported.rows).toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toContain('NIK tidak valid');
    core.close();
  });

  it('an encrypted database encrypts every edition file with its key: no NIK or name in plain bytes anywhere', async () => {
    const dir = tempDir();
    const key = 'kunci rahasia puskesmas';
    const core = open(dir, key);
    await importFile(core, writeSampleCsv(dir));
    await importFile(core, writeSecondEditionCsv(dir));
    expect((await core.lookup({ query: RIZKI.nik })).verdict).toBe('eligible');
    core.close();
    const dbFiles = [...readdirSync(dir).filter((f) => f.startsWith('loket.db') && statSync(join(dir, f)).isFile()).map((f) => join(dir, f)), ...files(dir).map((f) => join(dir, 'loket.db.lists', f))];
    expect(dbFiles.length).toBeGreaterThanOrEqual(3);
    for (const file of dbFiles) {
      const bytes = readFileSync(file);
      // The import lock is a plain, empty SQLite file on purpose (only its lock matters: import-lock.ts);
      // every other file is encrypted, so not even SQLite's header shows.
      const plainAllowed = file.endsWith('.import-lock');
      for (const secret of [SITI.nik, RIZKI.nik, DEWI.nik, 'SITI AMINAH', 'DEWI LESTARI', 'RIZKI', ...(plainAllowed ? [] : ['SQLite format 3'])]) {
        expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
      }
    }
    // Without the key an edition file is unreadable.
    const plain = new Database(join(dir, 'loket.db.lists', 'e2.db'), { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM members').get()).toThrow();
    plain.close();
    const again = open(dir, key);
    expect((await again.lookup({ query: DEWI.nik })).verdict).toBe('eligible');
    again.close();
  });
});

describe('a database from before version 7', () => {
  const ANI = { nik: '3673014404950002', card: '0001336526701', name: 'ANI SUSANTI', dob: 19950404, active: true };
  const BUDI = { nik: '3673011708900003', card: '0001336526601', name: 'BUDI HARTONO', dob: 19900817, active: true };

  it('moves its current and previous editions out of the main file, keeps answering, and drops the old tables', async () => {
    const dir = tempDir();
    writeLegacyDatabase(join(dir, 'loket.db'), [
      { state: 'retired', members: [] },
      { state: 'previous', members: [ANI] },
      { state: 'current', members: [BUDI, { ...ANI, active: false }] },
    ]);
    const core = open(dir);
    expect(tables(core)).toEqual([]);
    expect(files(dir)).toEqual(['e2.db', 'e3.db']);
    expect(readEditions(core.db, ['current', 'previous']).map((e) => [e.edition, e.file])).toEqual([[2, 'e2.db'], [3, 'e3.db']]);
    expect(core.db.prepare('SELECT count(*) FROM import_issues').pluck().get()).toBe(0);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

    expect((await core.lookup({ query: BUDI.nik })).verdict).toBe('eligible');
    expect((await core.lookup({ query: ANI.card })).verdict).toBe('not-eligible');
    const byName = await core.lookup({ query: 'budi hartono' });
    expect(byName.matches.map((m) => m.name)).toContain('BUDI HARTONO');
    const out = join(dir, 'issues.csv');
    await core.exportImportIssues({ list: 'PBI LAMA', file: fileFor(core, out, 'save-csv') });
    expect(readFileSync(out, 'utf8')).toContain('edisi 3');

    await core.rollbackList({ list: 'PBI LAMA' });
    expect((await core.lookup({ query: ANI.nik })).verdict).toBe('eligible');
    expect(files(dir)).toEqual(['e2.db']);
    core.close();

    // Opening again changes nothing more.
    const again = open(dir);
    expect(files(dir)).toEqual(['e2.db']);
    expect((await again.lookup({ query: ANI.nik })).verdict).toBe('eligible');
    again.close();
  });
});
