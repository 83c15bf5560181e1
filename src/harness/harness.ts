import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { EVENT_NAMES } from '../shared/contract';
import { HARNESS_REGISTER_PATH } from '../shared/harness-api';
import { createCore, type Core, type CoreConfig } from '../core/core';
import { dispatch } from '../core/dispatch';
import type { Result } from '../shared/contract';
import { bridgeScript } from './bridge-script';
import { restoreInHarness, type HarnessCoreSlot } from './harness-restore';
import { refusalOf } from './request-guard';
import { registerTypedPath } from './typed-paths';

export interface HarnessOptions extends CoreConfig {
  port?: number;
  host?: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /**
   * 'admin' (default): a preset administrator is always signed in (no sign-in screen), so a
   * test or a demo goes straight to the counter; 'none': the real accounts, from the first
   * start (setupAdmin) on. An `actor` given in the options wins over the preset.
   */
  session?: 'admin' | 'none';
}

/** The preset person of a harness in 'admin' session mode. */
export const HARNESS_ADMIN = { username: 'admin', role: 'admin' } as const;

/** The core's options for a harness: the preset administrator unless the real accounts are asked for. */
export function harnessCoreConfig(options: HarnessOptions): CoreConfig {
  const { session = 'admin', actor, ...config } = options;
  const preset = actor ?? (session === 'admin' ? HARNESS_ADMIN : undefined);
  return { ...config, ...(preset ? { actor: preset } : {}) };
}

export interface Harness {
  url: string;
  readonly core: Core;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY_BYTES = 1_000_000;

/**
 * Serves the built renderer with the real core behind a loopback HTTP bridge: what the
 * end-to-end tests drive, and what a trainer opens in any browser. Listens on 127.0.0.1 only.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  // createCore settles the key into its config (a plain database converted): the slot keeps the key it opened with.
  const config = harnessCoreConfig(options);
  let slot: HarnessCoreSlot = { core: createCore(config), config };
  const sseClients = new Set<ServerResponse>();
  const send = (event: string, payload: unknown): void => {
    for (const client of sseClients) client.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const subscribe = (core: Core): (() => void)[] => EVENT_NAMES.map((event) => core.events.on(event, (payload) => send(event, payload)));
  let unsubscribe = subscribe(slot.core);
  /** A restore swaps the core (restoreInHarness); one at a time. */
  let restoring = false;
  const restore = async (input: unknown): Promise<Result<unknown>> => {
    if (restoring) return { ok: false, error: { code: 'restore/busy' } };
    restoring = true;
    try {
      const { result, next } = await restoreInHarness(slot, input, (status) => send('coreStatus', status));
      if (next !== slot) {
        unsubscribe.forEach((off) => off());
        slot = next;
        unsubscribe = subscribe(slot.core);
      }
      return result;
    } finally {
      restoring = false;
    }
  };
  // The harness itself cannot print or render a PDF (no Chromium in Node); a test may give its core a printer.
  const bridge = bridgeScript(options.printer !== undefined);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A malformed request is the caller's mistake (400, 413); anything else is ours, and its details stay in this log.
      const bad = error instanceof BadRequest;
      if (!bad) console.error(error);
      // A body too large is not read to its end: the answer closes the connection (as the hub's does).
      if (!res.headersSent) res.writeHead(bad ? error.status : 500, { 'content-type': 'text/plain', ...(bad && error.status === 413 ? { connection: 'close' } : {}) });
      res.end(bad ? error.message : 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refusalOf(req, (server.address() as AddressInfo).port);
    if (refusal) {
      res.writeHead(refusal.status, { 'content-type': 'text/plain' }).end(refusal.reason);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new BadRequest('malformed URL');
    }
    if (url.pathname.startsWith('/rpc/')) {
      const body = await readBody(req);
      const input: unknown = body ? jsonOf(body) : null;
      const method = url.pathname.slice(5);
      const result = method === 'restoreBackup' ? await restore(input) : await dispatch(slot.core, method, input === null ? undefined : input);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === HARNESS_REGISTER_PATH) {
      const body = await readBody(req);
      const result = registerTypedPath(slot.core, body ? jsonOf(body) : undefined);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (url.pathname === '/loket-bridge.js') {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.js']! }).end(bridge);
      return;
    }
    await serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = normalize(decodedPath(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const file = join(options.rendererDir, relative);
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) {
      res.writeHead(403).end();
      return;
    }
    try {
      let content: Buffer | string = await readFile(file);
      if (relative === 'index.html') {
        // The bridge must define window.loket before the app's module script runs.
        content = content.toString('utf8').replace('<head>', '<head>\n    <script src="/loket-bridge.js"></script>');
      }
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(content);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** The core now serving (a restore opens a new one). */
    get core() {
      return slot.core;
    },
    async close() {
      unsubscribe.forEach((off) => off());
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      slot.core.close();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const tooLarge = (): BadRequest => new BadRequest(`the request body is larger than ${MAX_BODY_BYTES} bytes`, 413);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The caller's mistake, answered with its status (400 unless said) and this plain message. */
class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new BadRequest('the request body is not JSON');
  }
}

function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    throw new BadRequest('malformed URL');
  }
}
