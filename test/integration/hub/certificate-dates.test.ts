import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { HubUnreachable } from '../../../src/core/sync/hub-transport';
import { transportFor } from '../../../src/core/sync/enroll';
import { pinnedTransport } from '../../../src/core/sync/pinned-transport';
import { fingerprintOf } from '../../../src/hub/tls/certificate';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { clockDifferenceText } from '../../../src/shared/hub-clock';
import { runCaptured } from '../../helpers/cli-capture';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { callOk } from '../audit/audit-core';
import { hubFetch } from './service-fetch';

/**
 * Finding: a counter whose clock was behind the hub's could neither enroll nor sync (the hub's
 * certificate starts at the hub's first start: "not yet valid" by the counter's clock) and was told
 * to check the network. Trust is by fingerprint: the certificate's dates must not matter, the
 * fingerprint still must; and a clock that differs from the hub's is said in words.
 */
let server: TestPostgres;
const dirs: string[] = [];
const hubs: RunningHub[] = [];
const cores: Core[] = [];
const servers: Server[] = [];
beforeAll(async () => {
  server = await startTestPostgres();
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  for (const hub of hubs.splice(0)) await hub.stop();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-cert-dates-'));
  dirs.push(dir);
  return dir;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A self-signed certificate for 127.0.0.1 valid only between the given dates. */
async function certificate(notBefore: Date, notAfter: Date): Promise<{ cert: string; key: string }> {
  const made = await generate([{ name: 'commonName', value: 'Loket hub test' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { cert: made.cert, key: made.private };
}

let databases = 0;
/** A real hub (HTTPS, PostgreSQL) whose data folder holds the given certificate, as if made at its first start. */
async function hubWith(cert: { cert: string; key: string }): Promise<{ hub: RunningHub; admin: string }> {
  const dataDir = tempDir();
  writeFileSync(join(dataDir, 'hub-cert.pem'), cert.cert);
  writeFileSync(join(dataDir, 'hub-key.pem'), cert.key, { mode: 0o600 });
  const hub = await startHub({ pgUrl: await server.createDatabase(`cert_dates_${++databases}`), dataDir, host: '127.0.0.1', port: 0, facility: 'Puskesmas Uji' });
  hubs.push(hub);
  expect(hub.fingerprint).toBe(fingerprintOf(cert.cert));
  return { hub, admin: `Admin ${readHubConfig(dataDir)!.adminKey}` };
}

async function code(hub: RunningHub, admin: string, name: string): Promise<string> {
  const added = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
  expect(added.status).toBe(201);
  return (added.json as { code: string }).code;
}

/** A counter core on its own SQLite file; `behindMs`: how far this computer's clock is behind the hub's. */
function counter(behindMs = 0): Core {
  const dir = tempDir();
  const core = createCore({
    dbPath: join(dir, 'loket.db'),
    workerScript: null,
    bpjsBackground: false,
    hubBackground: false,
    actor: { username: 'ani', role: 'admin' },
    now: () => new Date(Date.now() - behindMs),
    hubTransport: (credential, standing) =>
      transportFor(credential, { outboxBacklog: standing.outboxBacklog, clock: () => Date.now() - behindMs }),
  });
  cores.push(core);
  return core;
}

describe('the hub is trusted by its fingerprint, whatever its certificate says about dates', () => {
  it('a counter enrolls and syncs with a hub whose certificate is not valid yet by its clock (two hours behind)', async () => {
    const now = Date.now();
    const { hub, admin } = await hubWith(await certificate(new Date(now + 2 * HOUR), new Date(now + 365 * DAY)));
    const core = counter();
    const enrolled = await callOk(core, 'enrollHub', { code: await code(hub, admin, 'Loket 6') });
    expect(enrolled).toMatchObject({ facility: 'Puskesmas Uji', name: 'Loket 6' });
    await callOk(core, 'createPatient', { name: 'Jam Mundur', dob: '1980-01-01' });
    const round = await callOk(core, 'syncNow', {});
    expect(round.pushed).toBeGreaterThan(0);
    expect(await callOk(core, 'hubLink', {})).toMatchObject({ state: 'connected', code: null });
    const { rows } = await hub.pg.query<{ name: string }>('SELECT name FROM patients');
    expect(rows).toEqual([{ name: 'JAM MUNDUR' }]);
  });

  it('`loket enroll` and `loket sync` get through too (the tester\'s steps), with nothing said about the clock', async () => {
    const now = Date.now();
    const { hub, admin } = await hubWith(await certificate(new Date(now + HOUR), new Date(now + 365 * DAY)));
    const db = join(tempDir(), 'loket.db');
    const enrolled = await runCaptured(['enroll', '--code', await code(hub, admin, 'Loket 6'), '--db', db]);
    expect(enrolled).toMatchObject({ code: 0, errors: [] });
    expect(enrolled.lines.join('\n')).toContain('Loket 6');
    // Its lists come from the hub: `lists` says so, rather than to import one (hub tester 11).
    expect((await runCaptured(['lists', '--db', db])).lines).toEqual([
      'Belum ada daftar di loket ini. Loket ini terdaftar di hub fasilitas: daftarnya datang dari hub pada sinkronisasi berikutnya (sekarang juga: loket sync).',
    ]);
    const synced = await runCaptured(['sync', '--db', db]);
    expect(synced).toMatchObject({ code: 0, errors: [] });
  });

  it('a hub whose certificate has expired by the counter\'s clock is still the hub', async () => {
    const now = Date.now();
    const { hub, admin } = await hubWith(await certificate(new Date(now - 400 * DAY), new Date(now - DAY)));
    const core = counter();
    await callOk(core, 'enrollHub', { code: await code(hub, admin, 'Loket 7') });
    await callOk(core, 'syncNow', {});
    expect(await callOk(core, 'hubLink', {})).toMatchObject({ state: 'connected' });
  });

  it('another certificate is still refused, and not one byte of HTTP (the credential) reaches it', async () => {
    const now = Date.now();
    const { hub } = await hubWith(await certificate(new Date(now - DAY), new Date(now + 365 * DAY)));
    // Another machine answering at the address the counter knows, with its own certificate (valid dates).
    const impostorCert = await certificate(new Date(now - DAY), new Date(now + 365 * DAY));
    const requests: string[] = [];
    const impostor = createServer({ cert: impostorCert.cert, key: impostorCert.key }, (req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.end('{}');
    });
    servers.push(impostor);
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const transport = pinnedTransport({
      hubUrl: `https://127.0.0.1:${(impostor.address() as AddressInfo).port}`,
      fingerprint: hub.fingerprint,
      certificatePem: '',
      authorization: 'Bearer counter.secret-that-must-not-leak',
    });
    const refused = await transport.postJson('/v1/push', { ops: [], outboxBacklog: 0 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubUnreachable);
    expect((refused as HubUnreachable).detail).toMatch(/^hub-certificate-mismatch/);
    await expect(transport.getJson('/v1/settings')).rejects.toMatchObject({ detail: expect.stringMatching(/^hub-certificate-mismatch/) });
    expect(requests).toEqual([]);
  });
});

describe("this computer's clock against the hub's", () => {
  it('a counter two hours behind the hub syncs, and the link says how far off its clock is', async () => {
    const now = Date.now();
    const { hub, admin } = await hubWith(await certificate(new Date(now - DAY), new Date(now + 365 * DAY)));
    const core = counter(2 * HOUR);
    await callOk(core, 'enrollHub', { code: await code(hub, admin, 'Loket 8') });
    const round = await callOk(core, 'syncNow', {});
    expect(round.clockMinutes).toBe(120);
    const link = await callOk(core, 'hubLink', {});
    expect(link).toMatchObject({ state: 'connected', clockMinutes: 120 });
    expect(clockDifferenceText('id', link.clockMinutes!)).toBe(
      'Jam komputer ini 2 jam lebih lambat dari jam hub. Betulkan tanggal dan jam komputer ini (atau minta petugas IT): kunjungan dicatat dengan tanggal dan jam komputer ini.',
    );
  });

  it('a clock a minute or two off says nothing', async () => {
    const now = Date.now();
    const { hub, admin } = await hubWith(await certificate(new Date(now - DAY), new Date(now + 365 * DAY)));
    const core = counter(2 * 60_000);
    await callOk(core, 'enrollHub', { code: await code(hub, admin, 'Loket 9') });
    expect((await callOk(core, 'syncNow', {})).clockMinutes).toBeNull();
    expect((await callOk(core, 'hubLink', {})).clockMinutes).toBeNull();
  });
});
