import { platform, setPriority } from 'node:os';

/**
 * Called first thing in the import's worker threads: the counter's calls (a registration, a
 * look-up) come before an import on a 2-core PC. On Linux a thread's nice value is its own,
 * so this lowers only the calling import thread. Elsewhere (Windows, macOS) the same call would
 * lower the whole process, the counter's thread with it, so nothing is done there.
 */
export function yieldToCounter(): void {
  if (platform() !== 'linux') return;
  try {
    setPriority(10);
  } catch {
    // not permitted here: the import simply runs at normal priority
  }
}
