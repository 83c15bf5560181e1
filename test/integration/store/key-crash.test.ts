import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { databaseFileState, keyFilePathOf, nextKeyPathOf } from '../../../src/core/store/database-key';
import type { KeyPausePoint } from '../../../src/core/store/key-test-pause';
import { keyBeside, openKeyedCore, rawBytesHold } from '../../helpers/keyed-database';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { repoRoot, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const child = join(__dirname, 'key-crash-child.ts');
const children = new Set<ChildProcess>();
afterEach(async () => {
  for (const proc of children) await kill(proc);
  children.clear();
});

/** Starts the child; resolves once it says it paused at `point` (or ended). */
function runUntil(dbPath: string, action: 'open' | 'rekey', point: KeyPausePoint | 'none'): Promise<{ proc: ChildProcess; line: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, action], {
    cwd: repoRoot,
    env: { ...process.env, LOKET_TEST_KEY_PAUSE_AT: point, LOKET_DB_KEY: '', LOKET_DB_KEY_FILE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

/** Each import a day later: the same file again on the same date would be refused as the current edition again. */
let imports = 0;
const nextAsOf = (): string => `2026-11-${String(++imports % 28 + 1).padStart(2, '0')}`;

async function importSample(core: Core, dir: string): Promise<void> {
  await core.importList({ file: core.registerFile(writeSampleCsv(dir, `s-${Math.random()}.csv`), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: nextAsOf() });
}

/** Every row the database must still hold after any crash: the list's member and a patient. */
async function expectIntact(core: Core): Promise<void> {
  expect((await core.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
  expect(await core.findPatient({ nik: RIZKI.nik })).toMatchObject({ name: RIZKI.name });
}

const files = (dbPath: string): string[] => [dbPath, ...readdirSync(`${dbPath}.lists`).map((n) => join(`${dbPath}.lists`, n))];
const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => /plain-backup|encrypting|restoring|\.next|writing/.test(n));

describe('a conversion to encrypted killed with SIGKILL', () => {
  const points: KeyPausePoint[] = ['convert-backed-up', 'convert-encrypted-copies', 'convert-renamed-one', 'convert-renamed-all'];
  it.each(points)('at %s: after the kill the plain original or the encrypted result; the next start ends encrypted with every row', async (point) => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const plain = createCore({ dbPath, workerScript: null, bpjsBackground: false });
    await importSample(plain, dir);
    await plain.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
    plain.close();
    // The key file is written before any file changes (the CLI writes it, then the core converts).
    const { proc, line } = await runUntil(dbPath, 'open', point);
    expect(line).toBe(`LOKET_PAUSED ${point}`);
    await kill(proc);
    // Right after the kill every file is either still plain or already encrypted: never damaged.
    for (const file of files(dbPath)) expect(['plain', 'encrypted']).toContain(databaseFileState(file));
    const core = openKeyedCore(dbPath);
    await expectIntact(core);
    expect(await core.databaseSecurity({})).toMatchObject({ encrypted: true });
    core.close();
    for (const file of files(dbPath)) {
      expect(databaseFileState(file), file).toBe('encrypted');
      expect(rawBytesHold(file, SITI.nik), file).toBe(false);
    }
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a re-key killed with SIGKILL', () => {
  const points: KeyPausePoint[] = ['rekey-next-written', 'rekey-one-file', 'rekey-all-files'];
  it.each(points)('at %s: the next start finishes it with the new key; every row is there', async (point) => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    await importSample(core, dir); // two editions: one re-keyed, one not, at 'rekey-one-file'
    await core.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
    core.close();
    const oldKey = keyBeside(dbPath);
    const { proc, line } = await runUntil(dbPath, 'rekey', point);
    expect(line).toBe(`LOKET_PAUSED ${point}`);
    await kill(proc);
    expect(existsSync(nextKeyPathOf(keyFilePathOf(dbPath)))).toBe(true);
    const reopened = openKeyedCore(dbPath);
    await expectIntact(reopened);
    reopened.close();
    expect(existsSync(nextKeyPathOf(keyFilePathOf(dbPath)))).toBe(false);
    const newKey = keyBeside(dbPath);
    expect(newKey).not.toBe(oldKey);
    // Every file is on the new key now: opened with it by the key management, never with the old one.
    const withOld = (): Core => createCore({ dbPath, workerScript: null, bpjsBackground: false, key: oldKey });
    expect(withOld).toThrow(expect.objectContaining({ problem: 'wrong-key' }));
    expect(leftovers(dir)).toEqual([]);
  });

  it('without a kill the child re-keys and ends', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    await core.createPatient({ nik: RIZKI.nik, name: RIZKI.name, dob: RIZKI.dob });
    core.close();
    const { line } = await runUntil(dbPath, 'rekey', 'none');
    expect(line).toBe('LOKET_DONE');
    const reopened = openKeyedCore(dbPath);
    await expectIntact(reopened);
    reopened.close();
  });
});
