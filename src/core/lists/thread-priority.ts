import { constants, platform, setPriority } from 'node:os';

/**
 * Bulk list work yields the CPU to the counter. On a 2-core counter PC the import's two threads
 * (reading, writing) could otherwise take every core while a clerk registers and the window
 * redraws. Linux keeps a nice value per thread, so this lowers only the calling worker thread;
 * elsewhere setpriority would lower the whole process (look-ups and registrations included),
 * so it is left alone there.
 */
export function yieldToInteractiveWork(): void {
  if (platform() !== 'linux') return;
  try {
    setPriority(0, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // A container or sandbox may refuse; the import runs anyway, at normal priority.
  }
}
