import { request } from 'node:http';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '../../../src/harness/harness';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A raw HTTP request, so the test sets Host, Origin and Content-Type as a foreign page or a rebinding attack would. */
function send(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers, setHost: !opts.headers?.host }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ...(res.headers.connection === 'close' ? { connection: 'close' } : {}) }));
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

  it('a malformed URL or a body that is not JSON is a 400 with a plain reason, never the text of an exception', async () => {
    const url = await send(port, { path: '/%E0%A4%A' });
    expect(url).toEqual({ status: 400, body: 'malformed URL' });
    const body = await send(port, { path: '/rpc/listLists', method: 'POST', headers: json, body: '{not json' });
    expect(body).toEqual({ status: 400, body: 'the request body is not JSON' });
  });

  it('a body over 1 MB is a 413 with a plain reason and the connection closed, declared or not; nothing in the log (security tester 5)', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      const big = JSON.stringify({ query: 'x'.repeat(2_000_000) });
      const declared = await send(port, { path: '/rpc/lookup', method: 'POST', headers: { ...json, 'content-length': String(big.length) }, body: big });
      expect(declared).toEqual({ status: 413, body: 'the request body is larger than 1000000 bytes', connection: 'close' });
      const chunked = await send(port, { path: '/rpc/lookup', method: 'POST', headers: { ...json, 'transfer-encoding': 'chunked' }, body: big });
      expect(chunked).toEqual({ status: 413, body: 'the request body is larger than 1000000 bytes', connection: 'close' });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    // The harness goes on answering.
    expect((await send(port, { path: '/rpc/listLists', method: 'POST', headers: json, body: '{}' })).status).toBe(200);
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

  describe('its typed-path registration (the harness has no file dialogs)', () => {
    const register = '/harness/registerTypedPath';
    const own = () => ({ ...json, origin: `http://127.0.0.1:${port}` });

    it('registers a typed path for its own page: a handle, as the contract file methods take', async () => {
      const list = writeSampleCsv(tempDir());
      const r = await send(port, { path: register, method: 'POST', headers: own(), body: JSON.stringify({ path: list, purpose: 'open-list' }) });
      expect(r.status).toBe(200);
      const result = JSON.parse(r.body) as { ok: true; value: { handle: string; name: string } };
      expect(result).toMatchObject({ ok: true, value: { name: 'pbi-apbd.csv' } });
      expect(result.value.handle).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const preview = await send(port, { path: '/rpc/inspectListFile', method: 'POST', headers: own(), body: JSON.stringify({ file: result.value.handle }) });
      expect(JSON.parse(preview.body)).toMatchObject({ ok: true, value: { mapping: { nik: 'NIK' } } });
      // Still no path through the contract itself.
      const raw = await send(port, { path: '/rpc/inspectListFile', method: 'POST', headers: own(), body: JSON.stringify({ file: list }) });
      expect(JSON.parse(raw.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    });

    it('passes the same guard as the calls: foreign origin or host, text/plain, GET are refused', async () => {
      const body = JSON.stringify({ path: '/tmp/loket-pwned.csv', purpose: 'save-csv' });
      expect((await send(port, { path: register, method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body })).status).toBe(403);
      expect((await send(port, { path: register, method: 'POST', headers: { ...json, host: `evil.example:${port}` }, body })).status).toBe(403);
      expect((await send(port, { path: register, method: 'POST', headers: { ...json, 'sec-fetch-site': 'cross-site' }, body })).status).toBe(403);
      expect((await send(port, { path: register, method: 'POST', headers: { 'content-type': 'text/plain' }, body })).status).toBe(415);
      expect((await send(port, { path: register })).status).toBe(405);
      expect((await send(port, { path: '/harness/anything', method: 'PUT', headers: json, body })).status).toBe(405);
    });

    it('checks its input, and is no contract method: /rpc/ does not know it', async () => {
      const bad = await send(port, { path: register, method: 'POST', headers: own(), body: JSON.stringify({ path: '/tmp/x.csv', purpose: 'delete' }) });
      expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const empty = await send(port, { path: register, method: 'POST', headers: own(), body: JSON.stringify({ path: '  ', purpose: 'save-csv' }) });
      expect(JSON.parse(empty.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      for (const method of ['registerTypedPath', 'registerFile']) {
        const r = await send(port, { path: `/rpc/${method}`, method: 'POST', headers: own(), body: JSON.stringify({ path: '/tmp/x.csv', purpose: 'save-csv' }) });
        expect(JSON.parse(r.body), method).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      }
    });

    it('the bridge gives the page window.loketHarness beside window.loket', async () => {
      const bridge = await send(port, { path: '/loket-bridge.js' });
      expect(bridge.body).toContain('window.loketHarness = Object.freeze({ registerTypedPath');
      expect(bridge.body).toContain(register);
    });
  });
});
