import type { Db } from './open-database';

/** How often the core copies the WAL into the main file when the look-ups left pages there. */
export const IDLE_CHECKPOINT_MS = 10_000;

/**
 * Look-ups commit their audit entries without checkpointing (appendAuditSoon), so the WAL's
 * pages reach the main file here, between calls, instead of on the look-up a clerk waits for.
 * PASSIVE never waits for a reader or a writer; with nothing to copy it returns in microseconds.
 * Returns the stop function (core.close calls it before closing the database).
 */
export function startIdleCheckpoints(db: Db, intervalMs: number = IDLE_CHECKPOINT_MS): () => void {
  const timer = setInterval(() => {
    if (!db.open || db.inTransaction) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // SQLITE_BUSY from another process's checkpoint: the next tick or a synced commit does it.
      console.error(`checkpoint: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
