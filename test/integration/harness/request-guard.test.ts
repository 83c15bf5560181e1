import { request } from 'node:http';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../src/harness/harness';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A raw HTTP request, so the test sets Host, Origin and Content-Type as a foreign page or a rebinding attack would. */
function send(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers, setHost: !opts.headers?.host }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the harness answers only its own pages', () => {
  let harness: Harness;
  let port: number;
  const json = { 'content-type': 'application/json' };
  beforeAll(async () => {
    const dir = tempDir();
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<html><head></head><body>loket</body></html>');
    harness = await startHarness({ dbPath: join(dir, 'loket.db'), workerScript: null, rendererDir: renderer });
    port = Number(new URL(harness.url).port);
  });
  afterAll(() => harness.close());

  it('its own page and its own JSON calls work', async () => {
    expect((await send(port, { path: '/' })).status).toBe(200);
    const own = await send(port, { path: '/rpc/listLists', method: 'POST', headers: { ...json, origin: `http://127.0.0.1:${port}` }, body: '{}' });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ ok: true, value: [] });
    const localhost = await send(port, { path: '/rpc/listLists', method: 'POST', headers: { ...json, host: `localhost:${port}` }, body: '{}' });
    expect(localhost.status).toBe(200);
  });

  it('refuses a call from a foreign origin', async () => {
    const r = await send(port, { path: '/rpc/listLists', method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{}' });
    expect(r.status).toBe(403);
    expect(r.body).toContain('foreign origin');
  });

  it('refuses a foreign Host (DNS rebinding), also for pages and events', async () => {
    for (const path of ['/', '/events', '/loket-bridge.js']) {
      const r = await send(port, { path, headers: { host: `evil.example:${port}` } });
      expect(r.status, path).toBe(403);
    }
    const r = await send(port, { path: '/rpc/listLists', method: 'POST', headers: { ...json, host: 'attacker.test' }, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('refuses a text/plain post, the kind a foreign page can send without a preflight', async () => {
    const exportCall = JSON.stringify({ path: '/tmp/loket-pwned.csv', format: 'csv' });
    const r = await send(port, { path: '/rpc/exportBridgeLog', method: 'POST', headers: { 'content-type': 'text/plain' }, body: exportCall });
    expect(r.status).toBe(415);
    const form = await send(port, { path: '/rpc/listLists', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
  });

  it('refuses a cross-site fetch even without an Origin, and a GET call', async () => {
    expect((await send(port, { path: '/rpc/listLists', method: 'POST', headers: { ...json, 'sec-fetch-site': 'cross-site' }, body: '{}' })).status).toBe(403);
    expect((await send(port, { path: '/rpc/listLists' })).status).toBe(405);
  });
});
