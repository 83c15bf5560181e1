import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../../src/shared/hub-protocol';
import { keyFileSecretBox } from '../../../src/core/secrets/secret-box';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { decodeEnrollmentCode, enroll, transportFor } from '../../../src/core/sync/enroll';
import { readHubCredential } from '../../../src/core/sync/hub-credential.repo';
import { HubRefused, HubUnreachable } from '../../../src/core/sync/hub-transport';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { hubFetch } from './service-fetch';

let server: TestPostgres;
const dirs: string[] = [];
const hubs: RunningHub[] = [];
const dbs: Db[] = [];
beforeAll(async () => {
  server = await startTestPostgres();
});
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.stop();
  for (const db of dbs.splice(0)) db.close();
});
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-enroll-'));
  dirs.push(dir);
  return dir;
};
let dbCount = 0;
async function hubAt(port = 0): Promise<{ hub: RunningHub; admin: string }> {
  const dataDir = tempDir();
  const hub = await startHub({ pgUrl: await server.createDatabase(`enroll_${++dbCount}`), dataDir, host: '127.0.0.1', port, facility: 'Puskesmas Uji' });
  hubs.push(hub);
  return { hub, admin: `Admin ${readHubConfig(dataDir)!.adminKey}` };
}
function counterDb(): { db: Db; box: ReturnType<typeof keyFileSecretBox> } {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'loket.db'));
  dbs.push(db);
  return { db, box: keyFileSecretBox(join(dir, 'secret.key'), {}) };
}
async function addCounter(hub: RunningHub, admin: string, name: string, offlinePrefix?: string): Promise<string> {
  const reply = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name, ...(offlinePrefix ? { offlinePrefix } : {}) } });
  expect(reply.status).toBe(201);
  return (reply.json as { code: string }).code;
}

describe('enrolling a counter', () => {
  it('counter add → enroll → authenticated requests work, and the hub sees the contact and backlog', async () => {
    const { hub, admin } = await hubAt();
    const code = await addCounter(hub, admin, 'Loket 1');
    expect(decodeEnrollmentCode(code)).toMatchObject({ v: 1, urls: hub.urls, fingerprint: hub.fingerprint });
    const { db, box } = counterDb();
    const credential = await enroll(db, box, { code });
    expect(credential).toMatchObject({ hubUrl: hub.urls[0], fingerprint: hub.fingerprint, name: 'Loket 1', offlinePrefix: 'K1', facility: 'Puskesmas Uji' });
    // Stored, the secret sealed (not in the row as plain text).
    expect(await readHubCredential(db, box)).toEqual(credential);
    const row = db.prepare(`SELECT value FROM settings WHERE key = 'hub'`).get() as { value: string };
    expect(row.value).not.toContain(credential.secret);

    const transport = transportFor(credential, { outboxBacklog: () => 42 });
    expect(await transport.getJson('/v1/settings')).toEqual({ settings: null, rev: 0 });
    const status = (await hubFetch(hub.urls[0]!, 'GET', '/v1/admin/status', { authorization: admin })).json as HubStatus;
    expect(status.facility).toBe('Puskesmas Uji');
    expect(status.counters).toEqual([
      { counterId: credential.counterId, name: 'Loket 1', offlinePrefix: 'K1', revoked: false, lastContact: expect.any(String), outboxBacklog: 42, outboxRejected: 0, pullStuck: 0, auditHead: null, clockAheadMinutes: 0, clockOff: false, editionsUnreadable: [], editionsSetAside: [], timeZone: null },
    ]);
  });

  it('chooses free offline prefixes, honours a given one and refuses a taken one', async () => {
    const { hub, admin } = await hubAt();
    await addCounter(hub, admin, 'A');
    await addCounter(hub, admin, 'B', 'K2');
    const third = decodeEnrollmentCode(await addCounter(hub, admin, 'C'));
    const { db, box } = counterDb();
    expect((await enroll(db, box, { code: encode(third) })).offlinePrefix).toBe('K3');
    const taken = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name: 'D', offlinePrefix: 'K3' } });
    expect(taken).toMatchObject({ status: 409, json: { error: { code: 'hub/prefix-taken', params: { prefix: 'K3' } } } });
  });

  it('a code works once; an unknown or expired code is refused', async () => {
    const { hub, admin } = await hubAt();
    const code = await addCounter(hub, admin, 'Loket 1');
    await enroll(counterDb().db, counterDb().box, { code });
    const again = counterDb();
    await expect(enroll(again.db, again.box, { code })).rejects.toMatchObject({ name: 'HubRefused', code: 'hub/code-used' });
    expect(await readHubCredential(again.db, again.box)).toBeNull();
    const unknown = { ...decodeEnrollmentCode(code), token: 'x'.repeat(43) };
    await expect(enroll(again.db, again.box, { code: encode(unknown) })).rejects.toMatchObject({ code: 'hub/code-unknown' });
    const late = await addCounter(hub, admin, 'Loket 2');
    await hub.pg.query(`UPDATE enroll_tokens SET expires_at = now() - interval '1 second' WHERE counter_name = 'Loket 2'`);
    await expect(enroll(again.db, again.box, { code: late })).rejects.toMatchObject({ code: 'hub/code-expired' });
  });

  it('a revoked counter and an unknown one are refused; a revoked name can be enrolled again', async () => {
    const { hub, admin } = await hubAt();
    const { db, box } = counterDb();
    const credential = await enroll(db, box, { code: await addCounter(hub, admin, 'Loket 1') });
    const transport = transportFor(credential);
    await transport.getJson('/v1/settings');
    expect((await hubFetch(hub.urls[0]!, 'DELETE', '/v1/admin/counters/Loket%201', { authorization: admin })).status).toBe(200);
    await expect(transport.getJson('/v1/settings')).rejects.toMatchObject({ name: 'HubRefused', status: 401, code: 'hub/counter-revoked' });
    const stranger = transportFor({ ...credential, counterId: 'no-such-counter' });
    await expect(stranger.getJson('/v1/settings')).rejects.toMatchObject({ status: 401, code: 'hub/counter-unknown' });
    const wrongSecret = transportFor({ ...credential, secret: 'guessed' });
    await expect(wrongSecret.getJson('/v1/settings')).rejects.toBeInstanceOf(HubRefused);

    const replacement = counterDb();
    const fresh = await enroll(replacement.db, replacement.box, { code: await addCounter(hub, admin, 'Loket 1') });
    expect(fresh.offlinePrefix).not.toBe(credential.offlinePrefix); // the old one's offline numbers exist
    expect(await transportFor(fresh).getJson('/v1/settings')).toMatchObject({ rev: 0 });
  });

  it('a counter pinned to one certificate refuses a hub with another on the same address', async () => {
    const first = await hubAt();
    const { db, box } = counterDb();
    const code = await addCounter(first.hub, first.admin, 'Loket 1');
    const credential = await enroll(db, box, { code: await addCounter(first.hub, first.admin, 'Loket 9') });
    const port = first.hub.port;
    await first.hub.stop();
    hubs.splice(hubs.indexOf(first.hub), 1);
    const impostor = await hubAt(port); // a new data folder: a new certificate, same URL
    expect(impostor.hub.fingerprint).not.toBe(credential.fingerprint);

    const refused = await transportFor(credential).getJson('/v1/settings').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubUnreachable);
    expect((refused as HubUnreachable).detail).toMatch(/^hub-certificate-mismatch/);
    // Enrolling with a code of the first hub is refused before the token is sent.
    const other = counterDb();
    const beforeEnroll = await impostor.hub.pg.query('SELECT count(*)::int AS n FROM enroll_tokens');
    await expect(enroll(other.db, other.box, { code })).rejects.toMatchObject({ name: 'HubUnreachable', detail: expect.stringMatching(/^hub-certificate-mismatch/) });
    expect((await impostor.hub.pg.query('SELECT count(*)::int AS n FROM enroll_tokens')).rows).toEqual(beforeEnroll.rows);
    expect(await readHubCredential(other.db, other.box)).toBeNull();
  });

  it('an unreachable hub is HubUnreachable, and a damaged code is refused before any connection', async () => {
    const { hub, admin } = await hubAt();
    const code = decodeEnrollmentCode(await addCounter(hub, admin, 'Loket 1'));
    const { db, box } = counterDb();
    await hub.stop();
    hubs.splice(hubs.indexOf(hub), 1);
    await expect(enroll(db, box, { code: encode(code) })).rejects.toBeInstanceOf(HubUnreachable);
    await expect(enroll(db, box, { code: 'not-a-code' })).rejects.toMatchObject({ name: 'EnrollmentCodeInvalid' });
    await expect(enroll(db, box, { code: encode(code), hubUrl: 'http://127.0.0.1:1' })).rejects.toMatchObject({ name: 'HubUnreachable', detail: expect.stringMatching(/^not an https URL/) });
  });
});

const encode = (code: object): string => Buffer.from(JSON.stringify(code)).toString('base64url');
