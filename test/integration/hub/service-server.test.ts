import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHubServer, type HubServer } from '../../../src/hub/http/server';
import { HubError, type HubRoute } from '../../../src/hub/http/route';
import { connectPool } from '../../../src/hub/pg/connect';
import { migrate } from '../../../src/hub/pg/migrate';
import { loadOrCreateCertificate } from '../../../src/hub/tls/certificate';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { hubFetch } from './service-fetch';

/** The server's own behaviour, with routes made for the test (what the other hub parts rely on). */
let pgServer: TestPostgres;
let hub: HubServer;
let base: string;
let dir: string;
const pool = { current: null as ReturnType<typeof connectPool> | null };
const seen: { raw: string | null; body: unknown; params: Record<string, string> }[] = [];

const routes: HubRoute[] = [
  {
    method: 'POST',
    path: '/v1/upload/:list',
    auth: 'none',
    rawBody: true,
    async handle(req) {
      const chunks: Buffer[] = [];
      for await (const c of req.raw!) chunks.push(Buffer.from(c as Buffer));
      seen.push({ raw: Buffer.concat(chunks).toString('utf8'), body: req.body, params: req.params });
      return { json: { bytes: Buffer.concat(chunks).length } };
    },
  },
  {
    method: 'POST',
    path: '/v1/echo/:a/x/:b',
    auth: 'none',
    async handle(req) {
      seen.push({ raw: null, body: req.body, params: req.params });
      return { json: { params: req.params, body: req.body, q: req.query.get('q') } };
    },
  },
  { method: 'GET', path: '/v1/refuse', auth: 'none', handle: async () => Promise.reject(new HubError(409, 'test/conflict', { n: 3 })) },
  { method: 'GET', path: '/v1/crash', auth: 'none', handle: async () => Promise.reject(new Error('secret internal detail')) },
  { method: 'GET', path: '/display', auth: 'none', handle: async () => ({ html: '<p>antrean</p>' }) },
];

beforeAll(async () => {
  pgServer = await startTestPostgres();
  pool.current = connectPool(pgServer.url);
  await migrate(pool.current);
  dir = mkdtempSync(join(tmpdir(), 'loket-server-'));
  const cert = await loadOrCreateCertificate(dir);
  hub = createHubServer({ pg: pool.current, routes, certPem: cert.certPem, keyPem: cert.keyPem, adminKey: 'k'.repeat(43) });
  await new Promise<void>((resolve) => hub.server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(hub.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await hub?.close();
  await pool.current?.end();
  await pgServer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('hands an upload route the unread request stream, and parses JSON for the others', async () => {
  const up = await hubFetch(base, 'POST', '/v1/upload/PBI%20APBD', { rawBody: 'NIK;NAMA\n1;A\n' });
  expect(up).toMatchObject({ status: 200, json: { bytes: 13 } });
  expect(seen.at(-1)).toEqual({ raw: 'NIK;NAMA\n1;A\n', body: null, params: { list: 'PBI APBD' } });
  const echo = await hubFetch(base, 'POST', '/v1/echo/one/x/two?q=3', { body: { hello: 'dunia' } });
  expect(echo.json).toEqual({ params: { a: 'one', b: 'two' }, body: { hello: 'dunia' }, q: '3' });
});

it('answers a HubError with its status and code, anything else as 500 hub/internal without the detail', async () => {
  expect(await hubFetch(base, 'GET', '/v1/refuse')).toMatchObject({ status: 409, json: { error: { code: 'test/conflict', params: { n: 3 } } } });
  const crash = await hubFetch(base, 'GET', '/v1/crash');
  expect(crash).toEqual(expect.objectContaining({ status: 500, json: { error: { code: 'hub/internal', params: {} } } }));
  expect(JSON.stringify(crash.json)).not.toContain('secret internal detail');
});

it('sends HTML with a content security policy that allows nothing from elsewhere', async () => {
  const page = await hubFetch(base, 'GET', '/display');
  expect(page.json).toBe('<p>antrean</p>');
  expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
  expect(page.headers['x-frame-options']).toBe('DENY');
});

it('refuses counter routes without a valid credential before the route runs', async () => {
  const counterOnly = createHubServer({
    pg: pool.current!,
    routes: [{ method: 'GET', path: '/v1/x', auth: 'counter', handle: async () => ({ json: 'ran' }) }],
    certPem: (await loadOrCreateCertificate(dir)).certPem,
    keyPem: (await loadOrCreateCertificate(dir)).keyPem,
    adminKey: 'k'.repeat(43),
  });
  await new Promise<void>((resolve) => counterOnly.server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(counterOnly.server.address() as AddressInfo).port}`;
  try {
    for (const authorization of [undefined, 'Bearer nothing', 'Bearer a.b', 'Admin ' + 'k'.repeat(43)]) {
      expect(await hubFetch(url, 'GET', '/v1/x', authorization ? { authorization } : {})).toMatchObject({ status: 401, json: { error: { code: 'hub/counter-unknown' } } });
    }
  } finally {
    await counterOnly.close();
  }
});
