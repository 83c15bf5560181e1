/**
 * Why the hub could not start, as a code the CLI words in the user's language (the message is
 * English, for logs and for callers without a catalogue).
 *  - folder-unreachable: as root, the 'postgres' user cannot pass `closed` on the way to `dir`.
 *  - hub-running: another hub (pid) still serves this folder.
 *  - pg-running: this folder's PostgreSQL (pid) still runs and no hub of this version owns it.
 *  - pg-stop-failed: a leftover PostgreSQL (pid) did not stop when asked.
 *  - pg-exited: the embedded PostgreSQL ended while starting (detail: its last FATAL line).
 *  - pg-port-busy / port-busy: the embedded PostgreSQL's or the hub's port is taken.
 */
export type HubStartProblemCode = 'folder-unreachable' | 'hub-running' | 'pg-running' | 'pg-stop-failed' | 'pg-exited' | 'pg-port-busy' | 'port-busy';

export class HubStartProblem extends Error {
  constructor(
    readonly code: HubStartProblemCode,
    readonly params: Record<string, string | number>,
    message: string,
  ) {
    super(message);
    this.name = 'HubStartProblem';
  }
}
