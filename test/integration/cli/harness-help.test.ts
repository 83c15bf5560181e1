import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSampleCsv } from '../../helpers/sample-list';
import { builtFile } from '../../helpers/temp';

const run = promisify(execFile);
const harness = builtFile('main', 'harness.js');

async function node(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // LOKET_LANG unset unless a test gives it: the default is Indonesian.
    const { LOKET_LANG: _unset, ...inherited } = process.env;
    const { stdout, stderr } = await run(process.execPath, [harness, ...args], { timeout: 30_000, env: { ...inherited, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  if (!existsSync(harness)) throw new Error('out/main/harness.js is missing: run `npm run build` first (npm test does).');
});

describe('the harness command line', () => {
  it('--help prints its usage and exits 0 without starting a server', async () => {
    const id = await node(['--help']);
    expect(id).toMatchObject({ code: 0, stderr: '' });
    expect(id.stdout).toMatch(/^Pemakaian: node out\/main\/harness\.js \[--db PATH\] \[--port N\]/);
    const en = await node(['-h', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Usage: node out\/main\/harness\.js/);
    expect(en.stdout).toContain('--bpjs-sim');
  });

  it('an unknown option is a usage mistake: exit 2 with the usage', async () => {
    const r = await node(['--frob']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^opsi --frob tidak dikenal\n\nPemakaian:/);
  });

  it('takes $LOKET_LANG as the loket command does, --lang first; each message in one language (reporttester F11)', async () => {
    const help = await node(['--help'], { LOKET_LANG: 'en' });
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: node out\/main\/harness\.js/);
    expect((await node(['--help', '--lang', 'id'], { LOKET_LANG: 'en' })).stdout).toMatch(/^Pemakaian:/);
    expect((await node(['--help', '--lang=en'])).stdout).toMatch(/^Usage:/);
    const bogus = await node(['--port', '0', '--bogus'], { LOKET_LANG: 'en' });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/^unknown option --bogus\n\nUsage:/);
    expect(bogus.stderr).not.toMatch(/Pemakaian|tidak|Unknown option '/);
    const stray = await node(['stray']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/^argumen "stray" tidak diharapkan di sini\n\nPemakaian:/);
    const lang = await node(['--lang', 'fr'], { LOKET_LANG: 'en' });
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/^--lang "fr" is not known; choose one of: id, en\n\nUsage:/);
  });

  it('a database it cannot open is said in words, in its language, not as an error code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-harness-key-'));
    try {
      const db = join(dir, 'loket.db');
      const csv = writeSampleCsv(dir);
      const made = spawnSync(process.execPath, [builtFile('main', 'cli.js'), 'import', csv, '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db], {
        encoding: 'utf8',
      });
      expect(made.status).toBe(0); // a new encrypted database, its key beside it
      renameSync(`${db}.key`, join(dir, 'kunci-di-tempat-lain.key'));
      const id = await node(['--db', db, '--port', '0']);
      expect(id.code).toBe(1);
      expect(id.stderr).toContain('terenkripsi, tetapi tidak ada kunci yang diberikan');
      expect(id.stderr).not.toContain('key-missing');
      const en = await node(['--db', db, '--port', '0', '--lang', 'en']);
      expect(en.stderr).toContain('encrypted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
