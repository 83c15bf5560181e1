import type { Pool } from 'pg';

/** The enrolled counter a request comes from (checked before a 'counter' route runs). */
export interface CallingCounter {
  id: string;
  name: string;
  offlinePrefix: string;
  /** How far its clock is ahead of the hub's on this request (X-Loket-Clock), seconds; null or absent: not said. */
  clockAhead?: number | null;
  /** The zone it files its visits under (X-Loket-Time-Zone); null or absent: not said. */
  timeZone?: string | null;
}

export interface HubRequest {
  pg: Pool;
  /** Present for 'counter' routes only. */
  counter: CallingCounter | null;
  /** The parsed JSON body (POST), not yet validated: each route validates with its schema. */
  body: unknown;
  /** The request stream, unparsed, for routes with `rawBody` (uploads); null otherwise. */
  raw: NodeJS.ReadableStream | null;
  /** The request's headers, lower-case names (edition uploads carry their metadata there). */
  headers?: Record<string, string | string[] | undefined>;
  query: URLSearchParams;
  /** Path parameters, from ':name' segments of the route's path. */
  params: Record<string, string>;
  now: () => Date;
}

export interface HubReply {
  status?: number;
  json?: unknown;
  html?: string;
  /** A file or stream body (edition downloads). */
  stream?: NodeJS.ReadableStream;
  headers?: Record<string, string>;
}

/**
 * One endpoint of the hub. `auth`: 'counter' needs `Authorization: Bearer <counterId>.<secret>`
 * of an enrolled, unrevoked counter; 'admin' needs the local administrator key of hub.json
 * (`Authorization: Admin <key>`); 'none' is open (enrollment, the read-only display pages).
 */
export interface HubRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** '/v1/pull', '/v1/admin/counters/:name' */
  path: string;
  auth: 'counter' | 'admin' | 'none';
  /** The body is handed over as `raw`, unread and unlimited (uploads); `body` is then null. */
  rawBody?: boolean;
  handle(req: HubRequest): Promise<HubReply>;
}

/** A refusal a route throws; the server answers `{ error: { code, params } }` with the status. */
export class HubError extends Error {
  constructor(readonly status: number, readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'HubError';
  }
}
