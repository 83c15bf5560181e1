import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { EDITION_REPORT_HEADERS } from '../../shared/edition-report';
import { COUNTER_CLOCK_HEADER, COUNTER_ZONE_HEADER } from '../../shared/hub-clock';
import { maskIdentifiers } from '../../shared/masking';
import { clockAheadSeconds, CounterAuth } from './counter-auth';
import { routeMatcher } from './match';
import { HubError, type HubReply, type HubRoute } from './route';

/** A push of 500 ops is well under 1 MB; anything far larger is a mistake or an attack. */
export const MAX_JSON_BODY = 4 * 1024 * 1024;
const CLOSE_GRACE_MS = 2_000;

/** The display pages need no script from elsewhere, no frames, no plugins. */
const HTML_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export interface HubServerOptions {
  pg: Pool;
  routes: readonly HubRoute[];
  certPem: string;
  keyPem: string;
  adminKey: string;
  now?: () => Date;
}

export interface HubServer {
  server: Server;
  /** Writes the counters' pending last-contact times (status reads do it themselves). */
  flushContacts(): Promise<void>;
  close(): Promise<void>;
}

/** The hub's HTTPS server: routing, auth, JSON in and out, errors as `{ error: { code, params } }`. */
export function createHubServer(options: HubServerOptions): HubServer {
  const now = options.now ?? (() => new Date());
  const auth = new CounterAuth(options.pg);
  const match = routeMatcher(options.routes);
  const adminKey = Buffer.from(`Admin ${options.adminKey}`);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://hub');
    const found = match(req.method ?? 'GET', url.pathname);
    if (found === null) throw new HubError(404, 'hub/not-found');
    if (found === 'method') throw new HubError(405, 'hub/method-not-allowed');
    const { route, params } = found;
    let counter = null;
    if (route.auth === 'counter') {
      const header = (name: string): string | undefined => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      counter = await auth.check(
        req.headers.authorization,
        // The counter's clock against the hub's real one (what its Date header says), not the `now` business rules use.
        {
          backlog: header('x-loket-outbox-backlog'),
          rejected: header('x-loket-outbox-rejected'),
          pullStuck: header('x-loket-pull-stuck'),
          clockAhead: clockAheadSeconds(header(COUNTER_CLOCK_HEADER), new Date()),
          timeZone: header(COUNTER_ZONE_HEADER),
          editionsUnreadable: header(EDITION_REPORT_HEADERS.unreadable),
          editionsSetAside: header(EDITION_REPORT_HEADERS.setAside),
        },
        now(),
      );
    } else if (route.auth === 'admin') {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== adminKey.length || !timingSafeEqual(given, adminKey)) throw new HubError(401, 'hub/admin-refused');
      await auth.flush(); // an admin read (status) sees every request answered so far
    }
    const body = route.rawBody ? null : await readJson(req);
    const reply = await route.handle({ pg: options.pg, counter, body, raw: route.rawBody ? req : null, headers: req.headers, query: url.searchParams, params, now });
    // Admin changes (a revocation) take effect on the next counter request, not after the cache expires.
    if (route.auth === 'admin' && req.method !== 'GET') auth.forgetAll();
    send(res, reply);
  };

  const server = createServer({ cert: options.certPem, key: options.keyPem, keepAlive: true, keepAliveTimeout: 65_000 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HubError) return sendError(res, error.status, error.code, error.params);
      // An unexpected error may quote a row (a PostgreSQL message, a query): any NIK or card in it is masked.
      console.error(maskIdentifiers(`hub: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      sendError(res, 500, 'hub/internal', {});
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000; // uploads of a list edition take a while on a slow LAN
  return {
    server,
    flushContacts: () => auth.flush(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests under way get a moment to finish; then their connections are cut.
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      await auth.close();
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'DELETE') {
    req.resume();
    return null;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_JSON_BODY) throw new HubError(413, 'hub/body-too-large', { limit: MAX_JSON_BODY });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY) throw new HubError(413, 'hub/body-too-large', { limit: MAX_JSON_BODY });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return null;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HubError(400, 'hub/bad-json');
  }
}

function send(res: ServerResponse, reply: HubReply): void {
  const status = reply.status ?? 200;
  if (reply.stream) {
    res.writeHead(status, { 'content-type': 'application/octet-stream', ...reply.headers });
    const stream = reply.stream;
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  if (reply.html !== undefined) {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...HTML_HEADERS, ...reply.headers });
    res.end(reply.html);
    return;
  }
  if (reply.json === undefined) {
    res.writeHead(status === 200 ? 204 : status, { ...reply.headers });
    res.end();
    return;
  }
  const text = JSON.stringify(reply.json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...reply.headers });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, params: Record<string, string | number>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify({ error: { code, params } });
  // An error before the body was read: close rather than read an unwanted (possibly huge) body.
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(status === 413 ? { connection: 'close' } : {}) });
  res.end(text);
}
