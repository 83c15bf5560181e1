import type { CoreStatus } from '../../../../shared/core-status';

/** How long "running again" stays on screen after a restart. */
export const RECOVERED_NOTICE_MS = 15_000;

export type CoreNotice =
  | { kind: 'restarting' }
  | { kind: 'recovered'; restarts: number }
  | { kind: 'failed'; reason: string };

/**
 * What the clerk is told about the core process. Nothing while it simply runs; while it
 * restarts, that committed registrations are safe and the last step may need checking; once it
 * runs again, the same for a while; when it cannot run, what to do.
 */
export function coreNotice(status: CoreStatus | null, msSinceChange: number): CoreNotice | null {
  if (!status) return null;
  if (status.state === 'restarting') return { kind: 'restarting' };
  if (status.state === 'failed') return { kind: 'failed', reason: status.reason ?? '' };
  if (status.state === 'running' && status.restarts > 0 && msSinceChange < RECOVERED_NOTICE_MS) return { kind: 'recovered', restarts: status.restarts };
  return null;
}
