/**
 * Runs fuzz-child.ts in a capped child process and judges every input: it must end within
 * `timeoutMs`, the child must stay under its heap cap and alive, the import must either succeed
 * or be refused with a message for the user (never `internal`, never a raw exception), and a
 * look-up must still find a member of the valid edition. A child that dies or hangs is restarted
 * after the input that killed it, which is reported.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface FuzzOptions {
  seed: number;
  count: number;
  timeoutMs?: number;
  /** V8 heap cap of the child (MB): a reader that buffers without bound hits it. */
  heapMb?: number;
}

export interface FuzzFailure {
  i: number;
  name: string;
  problem: string;
}

export interface FuzzSummary {
  seed: number;
  inputs: number;
  outcomes: Record<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
  peakRssMb: number;
}

const CHILD = join(__dirname, 'fuzz-child.ts');
const TSX = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'loader.mjs');

interface Line {
  i?: number;
  name?: string;
  phase: 'start' | 'done' | 'fatal';
  outcome?: string;
  ms?: number;
  found?: number;
  rssMb?: number;
  error?: string;
}

/** One child over inputs [from, from + count); resolves where it stopped and why. */
function runChild(dir: string, options: FuzzOptions, from: number, count: number, onLine: (line: Line) => void): Promise<{ next: number; died?: { i: number; name: string; problem: string } }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb ?? 512}`, '--import', TSX, CHILD, dir, String(options.seed), String(from), String(count)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let current: { i: number; name: string } | null = null;
    let next = from;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    createInterface({ input: child.stdout }).on('line', (text) => {
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        return;
      }
      if (line.phase === 'start') {
        current = { i: line.i!, name: line.name! };
        clearTimeout(timer);
        timer = setTimeout(() => {
          hung = true;
          child.kill('SIGKILL');
        }, timeoutMs);
      } else if (line.phase === 'done') {
        clearTimeout(timer);
        current = null;
        next = line.i! + 1;
      }
      onLine(line);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (current === null && code === 0) return resolve({ next });
      const at: { i: number; name: string } = current ?? { i: next, name: '(start-up)' };
      const problem = hung ? `no answer within ${timeoutMs} ms` : `the process died (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
      resolve({ next: at.i + 1, died: { ...at, problem } });
    });
  });
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-fuzz-'));
  const summary: FuzzSummary = { seed: options.seed, inputs: 0, outcomes: {}, failures: [], slowestMs: 0, peakRssMb: 0 };
  const judge = (line: Line): void => {
    if (line.phase === 'fatal') {
      summary.failures.push({ i: -1, name: '(run)', problem: `the fuzz run itself failed: ${line.error}` });
      return;
    }
    if (line.phase !== 'done') return;
    summary.inputs++;
    const kind = (line.outcome ?? '').split(':').slice(0, 2).join(':').replace(/^imported:\d+$/, 'imported');
    summary.outcomes[kind] = (summary.outcomes[kind] ?? 0) + 1;
    summary.slowestMs = Math.max(summary.slowestMs, line.ms ?? 0);
    summary.peakRssMb = Math.max(summary.peakRssMb, line.rssMb ?? 0);
    const fail = (problem: string): void => void summary.failures.push({ i: line.i!, name: line.name!, problem });
    if (line.outcome?.startsWith('thrown:')) fail(`an exception instead of a message: ${line.outcome}`);
    else if (line.outcome === 'refused:internal') fail('refused as an internal error: the user is not told what to do');
    if (line.found !== 1) fail(`afterwards the valid edition's member was found ${line.found} times (expected 1)`);
  };
  try {
    let from = 0;
    while (from < options.count) {
      const { next, died } = await runChild(dir, options, from, options.count - from, judge);
      if (died) summary.failures.push(died);
      if (next <= from) break; // the start-up itself failed: reported above
      from = next;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return summary;
}
