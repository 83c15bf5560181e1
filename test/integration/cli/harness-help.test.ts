import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFile } from '../../helpers/temp';

const run = promisify(execFile);
const harness = builtFile('main', 'harness.js');

async function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [harness, ...args], { timeout: 30_000 });
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
    expect(r.stderr).toMatch(/--frob[\s\S]*Pemakaian:/);
  });
});
