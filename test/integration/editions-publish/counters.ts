import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/core';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { fileFor } from '../../helpers/files';

export const LIST = 'PBI APBD Kota Serang';

/** A counter: its core (look-ups, imports) and a second connection for the sync (as a background worker has). */
export interface TestCounter {
  dir: string;
  core: Core;
  sync: Db;
  close(): void;
}

export function openCounter(dir: string, key?: string): TestCounter {
  const dbPath = join(dir, 'loket.db');
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, ...(key ? { key } : {}) });
  const sync = openDatabase(dbPath, key ? { key } : {});
  return {
    dir,
    core,
    sync,
    close() {
      sync.close();
      core.close();
    },
  };
}

export const importAt = (counter: TestCounter, path: string, asOf = '2026-11-01', list = LIST) =>
  counter.core.importList({ file: fileFor(counter.core, path), list, kind: 'pbi-apbd', asOf });

export const verdictOf = async (counter: TestCounter, query: string): Promise<string> => (await counter.core.lookup({ query })).verdict;
