import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { secretKeyPath } from '../../../src/core/core-paths';
import { keyFileSecretBox } from '../../../src/core/secrets/secret-box';
import { openDatabase } from '../../../src/core/store/open-database';
import { keyBeside } from '../../helpers/keyed-database';
import { transportFor } from '../../../src/core/sync/enroll';
import { readHubCredential, type HubCredential } from '../../../src/core/sync/hub-credential.repo';
import type { HubStatus } from '../../../src/shared/hub-protocol';
import { runLoket, startHubProcess as startHub, stopHubProcess, type HubProcess } from '../../helpers/hub-process';
import { builtFile, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const children: ChildProcess[] = [];

const cli = runLoket;

/** `loket hub --embedded DIR` as a child process, stopped after each test. */
async function startHubProcess(dir: string): Promise<HubProcess> {
  const hub = await startHub(['--embedded', dir, '--port', '0', '--facility', 'RSUD Uji']);
  children.push(hub.child);
  return hub;
}

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});
afterEach(async () => {
  for (const child of children.splice(0)) await stopHubProcess(child);
});

it('loket hub --embedded serves; counter add, enroll, status and revoke work against it; a restart keeps data and certificate', async () => {
  const root = tempDir();
  chmodSync(root, 0o755); // as root, the embedded PostgreSQL runs as 'postgres' and must reach the folder
  const hubDir = join(root, 'hub');
  const hub = await startHubProcess(hubDir);
  expect(hub.urls).toEqual([expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/)]);
  expect(hub.embeddedPgPort).toEqual(expect.any(Number)); // for pg_dump (docs/hub.md, Backups)

  const added = await cli(['hub', 'counter', 'add', 'Loket 1', '--hub-dir', hubDir, '--json']);
  expect(added.code).toBe(0);
  const { code, offlinePrefix } = JSON.parse(added.stdout) as { code: string; offlinePrefix: string };
  expect(offlinePrefix).toBe('K1');

  const db = join(root, 'counter', 'loket.db');
  const enrolled = await cli(['enroll', '--hub', hub.urls[0]!, '--code', code, '--db', db, '--json']);
  expect(enrolled.code).toBe(0);
  expect(JSON.parse(enrolled.stdout)).toMatchObject({ ok: true, name: 'Loket 1', offlinePrefix: 'K1', facility: 'RSUD Uji', fingerprint: hub.fingerprint });
  expect(enrolled.stdout).not.toContain('secret');

  const again = await cli(['enroll', '--code', code, '--db', join(root, 'other', 'loket.db'), '--json']);
  expect(again.code).toBe(1);
  expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'hub/code-used' } });

  // The credential the CLI stored opens with the counter's own key file and is accepted by the hub.
  const counterDb = openDatabase(db, { key: keyBeside(db) });
  let credential: HubCredential;
  try {
    credential = (await readHubCredential(counterDb, keyFileSecretBox(secretKeyPath(db), {})))!;
  } finally {
    counterDb.close();
  }
  await expect(transportFor(credential).getJson('/v1/settings')).resolves.toEqual({ settings: null, rev: 0 });

  const status = await cli(['hub', 'status', '--hub-dir', hubDir, '--json']);
  expect(status.code).toBe(0);
  expect((JSON.parse(status.stdout) as HubStatus).counters).toMatchObject([{ name: 'Loket 1', offlinePrefix: 'K1', revoked: false, lastContact: expect.any(String) }]);

  expect((await cli(['hub', 'counter', 'revoke', 'Loket 1', '--hub-dir', hubDir])).code).toBe(0);
  await expect(transportFor(credential).getJson('/v1/settings')).rejects.toMatchObject({ code: 'hub/counter-revoked' });
  expect(await cli(['hub', 'counter', 'revoke', 'Nobody', '--hub-dir', hubDir, '--json'])).toMatchObject({ code: 1 });
  // A revoked counter still registers, and says its changes wait for the hub admin, not for the network.
  const walkIn = await cli(['daftar', '--name', 'Setelah Cabut', '--dob', '1975-03-04', '--unit', 'UMUM', '--db', db, '--json']);
  expect(walkIn.code).toBe(0);
  expect(JSON.parse(walkIn.stdout)).toMatchObject({ hub: 'refused', hubError: { code: 'hub/counter-revoked' }, visit: { queueNumber: expect.stringMatching(/^K1-U-/) } });
  const worded = await cli(['daftar', '--name', 'Setelah Cabut Dua', '--dob', '1975-03-05', '--unit', 'UMUM', '--db', db, '--lang', 'id']);
  expect(worded.stderr).toContain('pendaftarannya dicabut');
  expect(worded.stderr).toContain('tidak dikirim sampai admin hub mendaftarkan loket ini lagi');
  expect(worded.stderr).not.toContain('tidak terjangkau');

  await stopHubProcess(hub.child);
  const restarted = await startHubProcess(hubDir);
  expect(restarted.fingerprint).toBe(hub.fingerprint);
  const after = JSON.parse((await cli(['hub', 'status', '--hub-dir', hubDir, '--json'])).stdout) as HubStatus;
  expect(after).toMatchObject({ facility: 'RSUD Uji', counters: [{ name: 'Loket 1', revoked: true }] });
  // The PC replaced: the same name again; the revoked row keeps its history under a language-neutral name.
  const replaced = JSON.parse((await cli(['hub', 'counter', 'add', 'Loket 1', '--hub-dir', hubDir, '--json'])).stdout) as { code: string };
  expect((await cli(['enroll', '--hub', restarted.urls[0]!, '--code', replaced.code, '--db', join(root, 'baru', 'loket.db')])).code).toBe(0);
  const names = (JSON.parse((await cli(['hub', 'status', '--hub-dir', hubDir, '--json'])).stdout) as HubStatus).counters.map((c) => [c.name, c.revoked]);
  expect(names).toEqual(expect.arrayContaining([['Loket 1', false], [expect.stringMatching(/^Loket 1 · [0-9a-f]{8}$/), true]]));
  // SIGTERM stops the embedded PostgreSQL too (a clean shutdown removes its pid file).
  expect(existsSync(join(hubDir, 'pg', 'postmaster.pid'))).toBe(true);
  await stopHubProcess(restarted.child);
  expect(existsSync(join(hubDir, 'pg', 'postmaster.pid'))).toBe(false);
});

it('usage mistakes exit 2 and name what is missing', async () => {
  const noSource = await cli(['hub']);
  expect(noSource.code).toBe(2);
  expect(noSource.stderr).toContain('--embedded DIR');
  const badPort = await cli(['hub', '--embedded', tempDir(), '--port', 'abc']);
  expect(badPort).toMatchObject({ code: 2 });
  expect((await cli(['enroll', '--db', join(tempDir(), 'x.db')])).code).toBe(2);
  const noHubJson = await cli(['hub', 'status', '--hub-dir', tempDir()]);
  expect(noHubJson.code).toBe(1);
  expect(noHubJson.stderr).toContain('No hub.json');
});
