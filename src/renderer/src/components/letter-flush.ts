/**
 * A scan while a screen's letter waits its SETTLE_MS (letter-keys.ts): the clerk pressed S and
 * scanned the next patient's card at once (F7). The scanner's digits are a machine's, not the
 * clerk typing on, so the letter counts; but the scan takes the screen away before the letter's
 * timer fires. So the app runs the waiting letter first, then the scan. One set per renderer:
 * a screen with letter keys (use-letter-keys.tsx) is in it while it is shown.
 *
 * A letter that opens a question (B: cancel, G: change unit, I: identity) is not run then: its
 * question would be closed by the scan before anyone could answer it. And a letter still waiting
 * when its screen goes (a click on another tab) is dropped. Both are said by the app itself
 * (onLetterNotice), since the screen that would have said it is gone.
 */
const waiting = new Set<() => void>();
const listeners = new Set<(text: string) => void>();

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

/** The app's note for a letter dropped where its screen can no longer say so; returns the unregister. */
export function onLetterNotice(listener: (text: string) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Says (through the app) that a letter was not run, in words already formatted by its screen. */
export function noticeLetter(text: string): void {
  for (const listener of [...listeners]) listener(text);
}
