import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './temp';

const run = promisify(execFile);
export const loketBin = join(repoRoot, 'bin', 'loket.js');

/** Runs the built `loket` command as a user would (English words); never throws on a non-zero exit. */
export async function runLoket(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [loketBin, ...args, '--lang', 'en']);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface HubProcess {
  child: ChildProcess;
  /** From the hub's first JSON line: 'facility' or 'district'. */
  mode: string;
  urls: string[];
  fingerprint: string;
  /** The embedded PostgreSQL's port (null with --pg). */
  embeddedPgPort: number | null;
  /** What it wrote to stderr so far. */
  stderr: () => string;
}

/**
 * The built `loket hub …` in a child process (so a test can stop it with SIGTERM or kill it with
 * SIGKILL); resolves with its first JSON line once it serves. `--host 127.0.0.1 --json --lang en`
 * are added (`lang`: the language of its log lines, as an officer would choose it).
 */
export async function startHubProcess(args: string[], { lang = 'en' }: { lang?: 'id' | 'en' } = {}): Promise<HubProcess> {
  const child = spawn(process.execPath, [loketBin, 'hub', ...args, '--host', '127.0.0.1', '--json', '--lang', lang], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) resolve({ child, ...(JSON.parse(line) as { mode: string; urls: string[]; fingerprint: string; embeddedPgPort: number | null }), stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`loket hub exited (${code}): ${stderr}`)));
  });
}

/** Stops it (SIGTERM: a clean stop; SIGKILL: a crash) and waits until it is gone. */
export async function stopHubProcess(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}
