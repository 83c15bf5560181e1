import { runCli } from '../../src/cli/index';
import type { Output } from '../../src/cli/output';

export interface CliRun {
  code: number;
  /** Each `data` value written (JSON mode). */
  data: unknown[];
  lines: string[];
  errors: string[];
}

/** Runs the `loket` command in this process with its output captured (no build needed). */
export async function runCaptured(argv: string[]): Promise<CliRun> {
  const run: CliRun = { code: -1, data: [], lines: [], errors: [] };
  const output = (json: boolean): Output => ({
    json,
    data: (value) => run.data.push(value),
    line: (text) => run.lines.push(text),
    error: (text) => run.errors.push(text),
    progress: () => undefined,
  });
  run.code = await runCli(argv, output);
  return run;
}
