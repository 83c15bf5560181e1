/**
 * Two imports at once, from two processes: the second waits its turn and says for whom, then
 * runs; both lists end up current. (It used to fail with "database is locked", shown as an
 * internal error.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { keyBeside } from '../../helpers/keyed-database';
import type { ImportProgress } from '../../../src/shared/lists';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { fileFor } from '../../helpers/files';
import { writeSampleCsv, SITI } from '../../helpers/sample-list';
import { builtFile, repoRoot, useTempDir } from '../../helpers/temp';
import { existsSync } from 'node:fs';

const tempDir = useTempDir();
const workerScript = builtFile('main', 'import-worker.js');

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});

describe('two imports at once', () => {
  it('an import while the loket command imports another list waits for it, says so, then runs', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const big = join(dir, 'bpjs.csv');
    await writeCsvList(big, { count: 150_000, seed: 4, layout: 'bpjs' });
    // The first import, by the command line in its own process.
    const cli = spawn(process.execPath, [join(repoRoot, 'bin', 'loket.js'), 'import', big, '--list', 'BPJS Kota', '--kind', 'bpjs', '--as-of', '2026-11-01', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const cliExit = once(cli, 'exit') as Promise<[number]>;
    let cliErr = '';
    cli.stderr.on('data', (d: Buffer) => (cliErr += d.toString()));
    // Wait until it holds the lock (its edition file is being built).
    const started = Date.now();
    while (!existsSync(`${dbPath}.import-owner`)) {
      if (Date.now() - started > 30_000) throw new Error(`the CLI import never started: ${cliErr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const core = createCore({ dbPath, workerScript, bpjsBackground: false, key: keyBeside(dbPath) }); // the CLI made the database: encrypted, its key beside it
    const progress: ImportProgress[] = [];
    core.events.on('importProgress', (p) => progress.push(p));
    const report = await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const [code] = await cliExit;
    expect(code, cliErr).toBe(0);

    expect(progress[0]).toMatchObject({ list: 'PBI APBD', phase: 'waiting', waitingFor: 'BPJS Kota' });
    expect(progress.at(-1)?.phase).toBe('done');
    expect(report.rows.imported).toBeGreaterThan(3);
    const lists = await core.listLists({});
    expect(lists.map((l) => l.name).sort()).toEqual(['BPJS Kota', 'PBI APBD']);
    expect((await core.lookup({ query: SITI.nik })).matches.map((m) => m.list.name)).toContain('PBI APBD');
    expect((await core.lookup({ query: memberAt(4, 10).nik })).matches.length).toBeGreaterThan(0);
    core.close();
  });

  it('a lock whose holder died is free at once: the next import does not wait', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = createCore({ dbPath, workerScript, bpjsBackground: false });
    const csv = writeSampleCsv(dir);
    // A holder killed with SIGKILL: the OS dropped its lock; its owner note is left behind.
    const holder = spawn(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(`${dbPath}.import-lock`)});
      db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');
      require('node:fs').writeFileSync(${JSON.stringify(`${dbPath}.import-owner`)}, 'DIED');
      process.stdout.write('held\\n'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(holder.stdout, 'data');
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const progress: ImportProgress[] = [];
    core.events.on('importProgress', (p) => progress.push(p));
    await core.importList({ file: fileFor(core, csv), list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
    expect(progress.some((p) => p.phase === 'waiting')).toBe(false);
    core.close();
  });
});
