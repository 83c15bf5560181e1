import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { connectPool } from '../../../src/hub/pg/connect';
import { migrate } from '../../../src/hub/pg/migrate';
import { HUB_MIGRATIONS } from '../../../src/hub/pg/migrations';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { hubFetch } from './service-fetch';

let server: TestPostgres;
const dirs: string[] = [];
const hubs: RunningHub[] = [];
const dataDirs = new WeakMap<RunningHub, string>();
beforeAll(async () => {
  server = await startTestPostgres();
});
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.stop();
});
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-hub-'));
  dirs.push(dir);
  return dir;
};
const start = async (pgUrl: string, dataDir: string, port = 0): Promise<RunningHub> => {
  const hub = await startHub({ pgUrl, dataDir, host: '127.0.0.1', port, facility: 'RSUD Test' });
  hubs.push(hub);
  dataDirs.set(hub, dataDir);
  return hub;
};

describe('migrations', () => {
  it('apply each version once, record it, and a second run applies nothing', async () => {
    const pool = connectPool(await server.createDatabase('migrate_once'));
    try {
      expect(await migrate(pool)).toEqual(HUB_MIGRATIONS.map((m) => m.version));
      expect(await migrate(pool)).toEqual([]);
      const { rows } = await pool.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual(HUB_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      await pool.end();
    }
  });

  it('two hubs migrating one database at once apply each version once', async () => {
    const url = await server.createDatabase('migrate_race');
    const [a, b] = [connectPool(url), connectPool(url)];
    try {
      const [doneA, doneB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...doneA, ...doneB].sort((x, y) => x - y)).toEqual(HUB_MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('refuse a database newer than the code', async () => {
    const pool = connectPool(await server.createDatabase('migrate_newer'));
    try {
      await migrate(pool);
      await pool.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`);
      await expect(migrate(pool)).rejects.toMatchObject({ code: 'hub/database-too-new', params: { database: 999 } });
    } finally {
      await pool.end();
    }
  });

  it('a failing migration leaves nothing of itself behind', async () => {
    const pool = connectPool(await server.createDatabase('migrate_fail'));
    try {
      const broken = [...HUB_MIGRATIONS, { version: 50, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT no_such_function();' }];
      await expect(migrate(pool, broken)).rejects.toThrow();
      const { rows } = await pool.query<{ t: string | null; v: string }>(`SELECT to_regclass('half_done')::text AS t, (SELECT max(version) FROM schema_migrations)::text AS v`);
      expect(rows[0]).toEqual({ t: null, v: String(HUB_MIGRATIONS.at(-1)!.version) });
    } finally {
      await pool.end();
    }
  });
});

describe('the hub service', () => {
  it('writes hub.json and the key 0600, and keeps its certificate and admin key across restarts', async () => {
    const url = await server.createDatabase('restarts');
    const dataDir = tempDir();
    const first = await start(url, dataDir);
    const config = readHubConfig(dataDir)!;
    expect(config).toMatchObject({ urls: first.urls, fingerprint: first.fingerprint, facility: 'RSUD Test' });
    expect(first.urls).toEqual([`https://127.0.0.1:${first.port}`]);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(dataDir, 'hub.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'hub-key.pem')).mode & 0o777).toBe(0o600);
    await first.stop();
    hubs.splice(hubs.indexOf(first), 1);
    const second = await start(url, dataDir);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(readHubConfig(dataDir)!.adminKey).toBe(config.adminKey);
  });

  it('answers errors as codes: unknown route 404, bad admin key 401, bad JSON 400, a body too large 413', async () => {
    const hub = await start(await server.createDatabase('errors'), tempDir());
    const { adminKey } = readHubConfig(readDataDirOf(hub))!;
    const base = hub.urls[0]!;
    expect(await hubFetch(base, 'GET', '/v1/nothing')).toMatchObject({ status: 404, json: { error: { code: 'hub/not-found' } } });
    expect(await hubFetch(base, 'GET', '/v1/admin/status', { authorization: 'Admin wrong' })).toMatchObject({ status: 401, json: { error: { code: 'hub/admin-refused' } } });
    expect(await hubFetch(base, 'GET', '/v1/admin/counters')).toMatchObject({ status: 405 });
    expect(await hubFetch(base, 'POST', '/v1/enroll', { rawBody: '{no' })).toMatchObject({ status: 400, json: { error: { code: 'hub/bad-json' } } });
    const big = await hubFetch(base, 'POST', '/v1/admin/counters', { authorization: `Admin ${adminKey}`, body: { name: 'x'.repeat(5 * 1024 * 1024) } });
    expect(big).toMatchObject({ status: 413, json: { error: { code: 'hub/body-too-large' } } });
  });

  it('stores facility settings checked by the counter rules, with a revision, for counters to read', async () => {
    const hub = await start(await server.createDatabase('settings'), tempDir());
    const admin = `Admin ${readHubConfig(readDataDirOf(hub))!.adminKey}`;
    const base = hub.urls[0]!;
    const units = [{ code: 'UMUM', name: 'Poli Umum', prefix: 'U' }, { code: 'IGD', name: 'IGD', prefix: 'E' }];
    const ok = await hubFetch(base, 'PUT', '/v1/admin/settings', { authorization: admin, body: { facilityName: 'RSUD Test', units, emergencyUnit: 'IGD', emergencyPrefix: 'D' } });
    expect(ok.status).toBe(200);
    expect((ok.json as { rev: number }).rev).toBeGreaterThan(0);
    const wrongUnit = await hubFetch(base, 'PUT', '/v1/admin/settings', { authorization: admin, body: { emergencyUnit: 'NONE' } });
    expect(wrongUnit).toMatchObject({ status: 422, json: { error: { code: 'hub/settings-invalid', params: { field: 'emergencyUnit' } } } });
    const counterOnly = await hubFetch(base, 'PUT', '/v1/admin/settings', { authorization: admin, body: { printerName: 'x' } });
    expect(counterOnly).toMatchObject({ status: 422, json: { error: { params: { field: 'printerName' } } } });
    const { rows } = await hub.pg.query<{ json: { units: unknown; emergencyUnit: string; facilityName: string } }>('SELECT json FROM facility_settings');
    expect(rows[0]!.json).toMatchObject({ facilityName: 'RSUD Test', units, emergencyUnit: 'IGD' });
  });
});

function readDataDirOf(hub: RunningHub): string {
  return dataDirs.get(hub)!;
}
