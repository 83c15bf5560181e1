/**
 * `loket` on a fresh clone, before `npm run build`: bin/loket.js finds no out/main/cli.js and
 * says so in words (which command to run), never as Node's MODULE_NOT_FOUND stack trace.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const BIN = join(__dirname, '..', '..', '..', 'bin', 'loket.js');

function unbuiltLoket(env: Record<string, string> = {}, args: string[] = ['lists']): { status: number | null; stdout: string; stderr: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'bin'));
  copyFileSync(BIN, join(dir, 'bin', 'loket.js'));
  const run = spawnSync(process.execPath, [join(dir, 'bin', 'loket.js'), ...args], { encoding: 'utf8', env: { ...process.env, LOKET_LANG: '', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('loket before the build', () => {
  it('says to run npm run build, in Indonesian by default, and exits 1 without a stack trace', () => {
    const run = unbuiltLoket();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run build');
    expect(run.stderr).toContain('belum dibangun');
    expect(run.stderr).not.toMatch(/MODULE_NOT_FOUND|at Module|Error:/);
  });

  it('in English with LOKET_LANG=en or --lang en', () => {
    expect(unbuiltLoket({ LOKET_LANG: 'en' }).stderr).toContain('not built yet');
    expect(unbuiltLoket({}, ['lists', '--lang', 'en']).stderr).toContain('not built yet');
  });
});
