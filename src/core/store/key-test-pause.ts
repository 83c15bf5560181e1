import { writeSync } from 'node:fs';

/** Moments of a conversion or re-key where the crash tests stop the process (test/integration/store/). */
export type KeyPausePoint =
  | 'convert-backed-up'
  | 'convert-encrypted-copies'
  | 'convert-renamed-one'
  | 'convert-renamed-all'
  | 'rekey-next-written'
  | 'rekey-one-file'
  | 'rekey-all-files';

/**
 * A test hook like lists/test-pause.ts: with LOKET_TEST_KEY_PAUSE_AT naming this point the
 * process says so on stdout and blocks until the test kills it. Otherwise one comparison.
 */
export function keyPauseAt(point: KeyPausePoint): void {
  if (process.env.LOKET_TEST_KEY_PAUSE_AT !== point) return;
  writeSync(1, `LOKET_PAUSED ${point}\n`);
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
