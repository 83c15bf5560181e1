/**
 * A rollback reads the whole previous edition first (quick_check, about a second per 100 MB).
 * That reading runs on a worker thread of its own (lists/edition-check-worker.ts), so a clerk's
 * look-up made meanwhile is answered before the rollback is: the counter never waits on it.
 * Real CLI imports into real SQLite edition files, the built worker, the core in this process.
 */
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { DEWI, SITI } from '../../helpers/sample-list';
import { keyBeside } from '../../helpers/keyed-database';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';
import { writeLargeList } from '../../helpers/large-list';
import { builtFile, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);
const WORKER = builtFile('main', 'import-worker.js');

/** PBI APBD: edition 1 (SITI) previous, edition 2 (DEWI) current; and a core on it using the built workers. */
async function twoEditions(): Promise<{ db: string; core: Core }> {
  const dir = tempDir();
  const db = join(dir, 'loket.db');
  const imp = (file: string, asOf: string) => cli(['import', file, '--list', 'PBI APBD', '--kind', 'pbi-apbd', '--as-of', asOf, '--db', db]);
  expect((await imp(writeLargeList(dir, 'oktober.csv', SITI), '2026-10-01')).code).toBe(0);
  expect((await imp(writeLargeList(dir, 'november.csv', DEWI), '2026-11-01')).code).toBe(0);
  return { db, core: createCore({ dbPath: db, workerScript: WORKER, bpjsBackground: false, key: keyBeside(db) }) };
}

describe('the rollback reads the previous edition on a thread of its own', () => {
  it('a look-up made while the rollback checks the file is answered first; then the previous edition is in force', async () => {
    const { core } = await twoEditions();
    try {
      const done: string[] = [];
      const rollback = core.rollbackList({ list: 'PBI APBD' }).then(() => done.push('rollback'));
      // The clerk's look-up comes a moment later, while the file is being read (starting the
      // worker alone takes longer). Were it read on this thread, this timer would fire only after
      // the reading, and the rollback would be done first.
      await new Promise((resolve) => setTimeout(resolve, 10));
      const lookup = core.lookup({ query: DEWI.nik }).then((r) => {
        done.push('lookup');
        return r;
      });
      const [, found] = await Promise.all([rollback, lookup]);
      expect(done).toEqual(['lookup', 'rollback']);
      // Asked before the switch: still the current edition's answer.
      expect(found.verdict).toBe('eligible');
      expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
      expect((await core.lookup({ query: DEWI.nik })).verdict).not.toBe('eligible');
    } finally {
      core.close();
    }
  });

  it('the worker finds a previous edition damaged past its first pages: refused, the current edition stays', async () => {
    const { db, core } = await twoEditions();
    try {
      const path = join(`${db}.lists`, 'e1.db');
      const size = statSync(path).size;
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(Math.floor(size / 5), 0x5a), 0, Math.floor(size / 5), Math.floor(size / 2 / 4096) * 4096);
      closeSync(fd);
      await expect(core.rollbackList({ list: 'PBI APBD' })).rejects.toMatchObject({ key: 'previous-edition-damaged' });
      expect((await core.lookup({ query: DEWI.nik })).verdict).toBe('eligible');
    } finally {
      core.close();
    }
  });
});
