/**
 * The built `loket` command run as an IT officer would (bin/loket.js in a process of its own),
 * in its default language and without a key from this shell's environment unless given.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { builtFile, repoRoot } from './temp';

const run = promisify(execFile);
const LOKET = join(repoRoot, 'bin', 'loket.js');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `loket ARGS`; never throws on a non-zero exit (the exit code is part of the answer). */
export async function loket(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [LOKET, ...args], { env: { ...process.env, LOKET_LANG: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CommandResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** For a beforeAll: the command runs the built bundle, which `npm test` builds first. */
export function requireBuiltCli(): void {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
}
