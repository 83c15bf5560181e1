/**
 * A backup copies the main file (VACUUM INTO) and every current and previous edition file:
 * seconds for big lists. It runs on a worker thread of its own (store/backup-worker.ts), so a
 * clerk's look-up made meanwhile is answered before the backup is: the counter never waits on it.
 * Real CLI imports into real encrypted files, the built worker, the core in this process.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { keyConfigOf, resolveFileKey } from '../../../src/core/store/resolve-file-key';
import { DEWI, SITI } from '../../helpers/sample-list';
import { databaseFileState } from '../../../src/core/store/database-key';
import { keyBeside, rawBytesHold } from '../../helpers/keyed-database';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';
import { writeLargeList } from '../../helpers/large-list';
import { builtFile, useTempDir, writeCsv } from '../../helpers/temp';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);
const WORKER = builtFile('main', 'import-worker.js');

describe('a backup runs on a thread of its own', () => {
  it('a look-up made while the backup copies the files is answered first; the backup is whole and encrypted', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    const imp = (file: string, asOf: string) => cli(['import', file, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', asOf, '--db', db]);
    expect((await imp(writeLargeList(dir, 'oktober.csv', SITI), '2026-10-01')).code).toBe(0);
    expect((await imp(writeLargeList(dir, 'november.csv', DEWI), '2026-11-01')).code).toBe(0);
    const core = createCore({ dbPath: db, workerScript: WORKER, bpjsBackground: false, key: keyBeside(db) });
    const backupDir = tempDir();
    const backup = join(backupDir, 'cadangan.db');
    try {
      const done: string[] = [];
      const copying = core.backupDatabase({ file: core.registerFile(backup, 'save-backup').handle }).then((result) => {
        done.push('backup');
        return result;
      });
      // The clerk's look-up comes a moment later, while the files are copied (starting the worker
      // alone takes longer). Were the backup made on this thread, this timer would fire only
      // after it, and the backup would be done first.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const lookup = core.lookup({ query: DEWI.nik }).then((r) => {
        done.push('lookup');
        return r;
      });
      const [result, found] = await Promise.all([copying, lookup]);
      expect(done).toEqual(['lookup', 'backup']);
      expect(found.verdict).toBe('eligible');
      expect(result).toEqual({ name: 'cadangan.db', editions: 2 });
    } finally {
      core.close();
    }
    const editions = readdirSync(`${backup}.lists`);
    expect(editions).toHaveLength(2);
    for (const file of [backup, ...editions.map((name) => join(`${backup}.lists`, name))]) {
      expect(databaseFileState(file)).toBe('encrypted');
      expect(rawBytesHold(file, DEWI.nik)).toBe(false);
    }
    // It opens with the database's key, and its lists answer as the original's did.
    const restored = createCore({ dbPath: backup, workerScript: null, bpjsBackground: false, ...keyConfigOf(resolveFileKey({ dbPath: db, mayCreate: false, env: {} })) });
    try {
      expect((await restored.lookup({ query: DEWI.nik })).verdict).toBe('eligible');
    } finally {
      restored.close();
    }
  });

  it('a refusal made on the worker reaches the caller as the same error', async () => {
    const dir = tempDir();
    const db = join(dir, 'loket.db');
    expect((await cli(['import', writeLargeList(dir, 'oktober.csv', SITI), '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', '2026-10-01', '--db', db])).code).toBe(0);
    const core = createCore({ dbPath: db, workerScript: WORKER, bpjsBackground: false, key: keyBeside(db) });
    const backupDir = tempDir();
    const backup = join(backupDir, 'cadangan.db');
    // A folder beside the target named like a backup's lists folder, holding something else: refused, never swept.
    mkdirSync(`${backup}.lists`);
    writeCsv(join(`${backup}.lists`, 'catatan.csv'), [['bukan cadangan']]);
    try {
      await expect(core.backupDatabase({ file: core.registerFile(backup, 'save-backup').handle })).rejects.toMatchObject({ key: 'backup/lists-folder-taken' });
    } finally {
      core.close();
    }
    expect(readdirSync(`${backup}.lists`)).toEqual(['catatan.csv']);
  });
});
