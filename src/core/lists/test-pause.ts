import { writeSync } from 'node:fs';

/** The moments of an import where the crash test can stop it (test/integration/editions/crash.test.ts). */
export type PausePoint = 'rows' | 'index-build' | 'complete' | 'renamed' | 'switched';

/**
 * A test hook: with LOKET_TEST_PAUSE_AT naming this point, the process says so on stdout and
 * blocks for good, so a test can kill it exactly there. Without the variable (always, outside
 * those tests) it is one comparison and nothing else.
 */
export function pauseAt(point: PausePoint): void {
  if (process.env.LOKET_TEST_PAUSE_AT !== point) return;
  writeSync(1, `LOKET_PAUSED ${point}\n`);
  // Blocks this thread (main or worker) without spinning until the test kills the process.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
