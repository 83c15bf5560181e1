/**
 * The database and every edition file are readable by their owner only: on a shared counter PC
 * another account must not copy the NIKs and names of a million people. (POSIX modes; Windows
 * relies on the profile folder's permissions and is skipped with that reason.)
 */
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { fileFor } from '../../helpers/files';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const mode = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
if (!posix) console.log('file-modes: skipped on Windows, where POSIX modes do not exist (the profile folder protects the files)');

describe.runIf(posix)('file modes', () => {
  it('the database, its WAL, the lists folder and every edition file are 0600 / 0700', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'data', 'loket.db');
    const core = createCore({ dbPath, workerScript: null, bpjsBackground: false });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(mode(join(dir, 'data'))).toBe(0o700);
    expect(mode(dbPath)).toBe(0o600);
    expect(mode(`${dbPath}-wal`)).toBe(0o600);
    expect(mode(`${dbPath}.lists`)).toBe(0o700);
    const editions = readdirSync(`${dbPath}.lists`);
    expect(editions.length).toBeGreaterThan(0);
    for (const file of editions) expect(mode(join(`${dbPath}.lists`, file)), file).toBe(0o600);
    core.close();
  });

  it('a database made by an older version with 0644 is tightened when opened', () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    createCore({ dbPath, workerScript: null, bpjsBackground: false }).close();
    chmodSync(dbPath, 0o644);
    createCore({ dbPath, workerScript: null, bpjsBackground: false }).close();
    expect(mode(dbPath)).toBe(0o600);
  });
});
