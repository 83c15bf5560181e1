/**
 * The state of the core process, as the desktop app's main process sees it. 'restarting': it
 * died and a new one is opening the database (calls wait for it); 'failed': it cannot run (the
 * database does not open, or it crashed again and again) and Loket must be restarted.
 */
export interface CoreStatus {
  state: 'starting' | 'running' | 'restarting' | 'failed';
  /** Restarts after a crash since Loket started. */
  restarts: number;
  /** The last crash or failure, for the IT officer (exit code, or the opening error). */
  reason?: string;
}
