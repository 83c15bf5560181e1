import type { Readable } from 'node:stream';

/**
 * How a counter's core talks to its facility hub: HTTPS on the LAN, the hub's certificate
 * pinned by the fingerprint learned at enrollment, the counter's credential on every request.
 * Implemented in pinned-transport.ts; tests may pass their own.
 *
 * Every call fails with a HubUnreachable error when the hub cannot be reached or does not answer
 * within its timeout, and with a HubRefused error carrying the hub's `{ code, params }` when it
 * answers with an error status (401 unknown or revoked counter, 409, 422...).
 */
export interface HubTransport {
  getJson<T>(path: string, options?: { timeoutMs?: number }): Promise<T>;
  postJson<T>(path: string, body: unknown, options?: { timeoutMs?: number }): Promise<T>;
  /** Streams a download (an edition file); the caller checks what it received. */
  download(path: string): Promise<Readable>;
  /** Streams an upload (an edition file) with the given headers; answers the hub's JSON. */
  upload<T>(path: string, body: Readable, headers: Record<string, string>): Promise<T>;
  /** The hub's clock as its last answer gave it; null before any answer (or a transport that cannot tell). */
  hubClock?(): HubClock | null;
}

/**
 * The hub's clock as an answer gave it (the HTTP `Date` header, whole seconds): how far it is
 * ahead of this computer's clock (negative: behind), and when that was seen (this computer's ms).
 */
export interface HubClock {
  offsetMs: number;
  seenAt: number;
}

export class HubUnreachable extends Error {
  constructor(readonly detail: string) {
    super(`hub unreachable: ${detail}`);
    this.name = 'HubUnreachable';
  }
}

export class HubRefused extends Error {
  constructor(readonly status: number, readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(`hub refused (${status}): ${code}`);
    this.name = 'HubRefused';
  }
}
