import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import type { PausePoint } from '../../../src/core/lists/test-pause';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { repoRoot, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const SEED = 11;
const ROWS = 10_000;
const child = join(__dirname, 'crash-child.ts');
let csvDir: string;
/** Every child started, so none outlives a failed test paused forever. */
const children = new Set<ChildProcess>();
afterEach(async () => {
  for (const proc of children) await kill(proc);
  children.clear();
});
let csv: string;

const open = (dbPath: string): Core => createCore({ dbPath, workerScript: null, bpjsBackground: false });
const listFiles = (dbPath: string): string[] => (existsSync(`${dbPath}.lists`) ? readdirSync(`${dbPath}.lists`).sort() : []);

/** Starts the child import; resolves once it says it paused at `point` (or ended). */
function importUntil(dbPath: string, point: PausePoint | 'none'): Promise<{ proc: ChildProcess; line: string }> {
  // Node itself with tsx's loader (not the tsx command, which runs the script in a grandchild a kill would miss).
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, csv], { cwd: repoRoot, env: { ...process.env, LOKET_TEST_PAUSE_AT: point }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the child never reached ${point}: ${out}`)), 60_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('LOKET_'));
      if (line) {
        clearTimeout(timer);
        resolve({ proc, line });
      }
    });
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve({ proc, line: out.trim() });
    });
  });
}

async function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

/** A database with one edition of "PBI" (the sample list): what the killed import must not harm. */
async function databaseWithFirstEdition(): Promise<string> {
  const dbPath = join(tempDir(), 'loket.db');
  const core = open(dbPath);
  await core.importList({ file: core.registerFile(writeSampleCsv(csvDir, `sample-${Math.random()}.csv`), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: '2026-11-01' });
  core.close();
  return dbPath;
}

function integrityOf(dbPath: string): string {
  const db = new Database(dbPath);
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('an import killed with SIGKILL', () => {
  afterAll(() => rmSync(csvDir, { recursive: true, force: true }));
  beforeAll(async () => {
    csvDir = mkdtempSync(join(tmpdir(), 'loket-crash-'));
    csv = join(csvDir, 'pbi-desember.csv');
    await writeCsvList(csv, { count: ROWS, seed: SEED, layout: 'bpjs' });
  });

  /** What the folder holds at the moment of the kill: proof that it landed where it should. */
  const beforeSwitch: [PausePoint, string[]][] = [
    // The name index is staged beside the building file until it is copied in, and after the
    // load the card table too, in a file of its own (names-aside.ts).
    ['rows', ['e1.db', 'e2.db.building', 'e2.names.building']],
    ['index-build', ['e1.db', 'e2.cards.building', 'e2.db.building', 'e2.names.building']],
    ['complete', ['e1.db', 'e2.db.building']],
    ['renamed', ['e1.db', 'e2.db']],
  ];
  for (const [point, atKill] of beforeSwitch) {
    it(`at "${point}" leaves the previous edition current, and the next start leaves no file of it`, async () => {
      const dbPath = await databaseWithFirstEdition();
      const { proc, line } = await importUntil(dbPath, point);
      expect(line).toBe(`LOKET_PAUSED ${point}`);
      await kill(proc);
      expect(listFiles(dbPath)).toEqual(atKill);
      expect(integrityOf(dbPath)).toBe('ok');

      const core = open(dbPath);
      expect(listFiles(dbPath)).toEqual(['e1.db']);
      expect((await core.listLists({}))[0]).toMatchObject({ name: 'PBI', edition: 1 });
      expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
      expect((await core.lookup({ query: memberAt(SEED, 5).nik })).matches).toEqual([]);
      expect(core.db.prepare(`SELECT state FROM list_editions WHERE edition = 2`).pluck().get()).toBe('failed');
      core.close();
    });
  }

  it('at "switched" keeps the new edition current, the first as its rollback, and no other file', async () => {
    const dbPath = await databaseWithFirstEdition();
    const { proc, line } = await importUntil(dbPath, 'switched');
    expect(line).toBe('LOKET_PAUSED switched');
    await kill(proc);
    expect(integrityOf(dbPath)).toBe('ok');
    const core = open(dbPath);
    expect(listFiles(dbPath)).toEqual(['e1.db', 'e2.db']);
    expect(core.db.prepare(`SELECT state FROM list_editions ORDER BY edition`).pluck().all()).toEqual(['previous', 'current']);
    expect((await core.listLists({}))[0]).toMatchObject({ name: 'PBI', edition: 2, previousEdition: 1, members: expect.any(Number) });
    expect((await core.lookup({ query: memberAt(SEED, 5).nik })).matches.length).toBeGreaterThan(0);
    await core.rollbackList({ list: 'PBI' });
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
    core.close();
  });

  it('never deletes the file of an import another live process is still running', async () => {
    const dbPath = await databaseWithFirstEdition();
    const { proc, line } = await importUntil(dbPath, 'index-build');
    expect(line).toBe('LOKET_PAUSED index-build');
    try {
      const core = open(dbPath); // its recovery runs now, while the import is alive
      expect(listFiles(dbPath)).toEqual(['e1.db', 'e2.cards.building', 'e2.db.building', 'e2.names.building']);
      expect(core.db.prepare(`SELECT state FROM list_editions WHERE edition = 2`).pluck().get()).toBe('importing');
      expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');
      core.close();
    } finally {
      await kill(proc);
    }
    const after = open(dbPath);
    expect(listFiles(dbPath)).toEqual(['e1.db']);
    after.close();
  });

  it('without a pause point the same child finishes the import (the hook is inert)', async () => {
    const dbPath = await databaseWithFirstEdition();
    const { proc, line } = await importUntil(dbPath, 'none');
    expect(line).toBe('LOKET_DONE 2');
    await new Promise((resolve) => (proc.exitCode === null ? proc.once('exit', resolve) : resolve(null)));
    expect(listFiles(dbPath)).toEqual(['e1.db', 'e2.db']);
  });
});
