/**
 * A scan while a screen's letter waits its SETTLE_MS (letter-keys.ts): the clerk pressed S and
 * scanned the next patient's card at once (F7). The scanner's digits are a machine's, not the
 * clerk typing on, so the letter counts; but the scan takes the screen away before the letter's
 * timer fires. So the app runs the waiting letter first, then the scan. One set per renderer:
 * a screen with letter keys (use-letter-keys.tsx) is in it while it is shown.
 */
const waiting = new Set<() => void>();

/** Registers a screen's "run the letter waiting now"; returns the unregister. */
export function onScanRunLetter(run: () => void): () => void {
  waiting.add(run);
  return () => {
    waiting.delete(run);
  };
}

/** A scan was recognised: every letter still waiting acts now, before the scan is handled. */
export function runWaitingLetters(): void {
  for (const run of [...waiting]) run();
}
