import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { HubRefused, type HubTransport } from '../../../src/core/sync/hub-transport';
import type { HubEditionsConfig } from '../../../src/hub/editions/edition-config';
import type { HubMode } from '../../../src/hub/editions/edition-routes';
import { HubError, type CallingCounter, type HubReply, type HubRoute } from '../../../src/hub/http/route';
import { HUB_MIGRATIONS } from '../../../src/hub/pg/migrations';
import { hubRoutes } from '../../../src/hub/routes';
import { connectPool } from '../../../src/hub/pg/connect';

/**
 * A hub without its HTTPS server (built in parallel): its real routes over a real PostgreSQL
 * database and a real data folder, called through a HubTransport that does what the server
 * will: match the route, pass the raw body and headers, answer errors as HubRefused.
 */
export interface TestHub {
  pool: pg.Pool;
  config: HubEditionsConfig;
  routes: HubRoute[];
  /** As an enrolled counter (or, at a district hub, an enrolled facility hub). */
  counter: CountingTransport;
  /** As the hub's administrator. */
  admin: CountingTransport;
  close(): Promise<void>;
}

export interface CountingTransport extends HubTransport {
  downloads: string[];
  /** Replaces what the next download streams (a test's altered file). */
  tamperNextDownload?: (bytes: Buffer) => Buffer;
}

export async function startTestHub(url: string, mode: HubMode = 'facility'): Promise<TestHub> {
  // The hub's own pool (its error handlers: PostgreSQL stopping at the end of a file is no crash).
  const pool = connectPool(url, 4);
  // The migration runner is built in parallel: apply the SQL in order, as it will.
  for (const m of HUB_MIGRATIONS) await pool.query(m.sql);
  const config: HubEditionsConfig = { dataDir: mkdtempSync(join(tmpdir(), 'loket-hub-data-')) };
  const routes = hubRoutes(config, mode);
  const counter: CallingCounter = { id: 'c1', name: 'LOKET 1', offlinePrefix: 'A' };
  return {
    pool,
    config,
    routes,
    counter: transportTo(pool, routes, 'counter', counter),
    admin: transportTo(pool, routes, 'admin', null),
    close: () => pool.end(),
  };
}

function match(routes: HubRoute[], method: string, path: string, auth: 'counter' | 'admin'): { route: HubRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method || route.auth !== auth) continue;
    const want = route.path.split('/');
    const got = path.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = got[i]!), true) : w === got[i]))) return { route, params };
  }
  return null;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

function transportTo(pool: pg.Pool, routes: HubRoute[], auth: 'counter' | 'admin', counter: CallingCounter | null): CountingTransport {
  const call = async (method: 'GET' | 'POST', fullPath: string, body: unknown, raw: NodeJS.ReadableStream | null, headers: Record<string, string>): Promise<HubReply> => {
    const [path = '', search = ''] = fullPath.split('?');
    const found = match(routes, method, path, auth);
    if (!found) throw new HubRefused(404, 'hub/no-route');
    try {
      return await found.route.handle({ pg: pool, counter, body, raw, headers, query: new URLSearchParams(search), params: found.params, now: () => new Date() });
    } catch (error) {
      if (error instanceof HubError) throw new HubRefused(error.status, error.code, error.params);
      throw error;
    }
  };
  const transport: CountingTransport = {
    downloads: [],
    async getJson<T>(path: string): Promise<T> {
      return (await call('GET', path, null, null, {})).json as T;
    },
    async postJson<T>(path: string, body: unknown): Promise<T> {
      return (await call('POST', path, body, null, {})).json as T;
    },
    async download(path: string): Promise<Readable> {
      transport.downloads.push(path);
      const reply = await call('GET', path, null, null, {});
      if (!reply.stream) throw new Error('no stream');
      const tamper = transport.tamperNextDownload;
      if (!tamper) return Readable.from(reply.stream as AsyncIterable<Buffer>);
      transport.tamperNextDownload = undefined;
      return Readable.from([tamper(await collect(reply.stream))]);
    },
    async upload<T>(path: string, body: Readable, headers: Record<string, string>): Promise<T> {
      return (await call('POST', path, null, body, headers)).json as T;
    },
  };
  return transport;
}
