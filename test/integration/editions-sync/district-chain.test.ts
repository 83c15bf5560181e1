import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { freePort, startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { runLoket, startHubProcess as startHub, stopHubProcess, type HubProcess } from '../../helpers/hub-process';
import { builtFile, useTempDir } from '../../helpers/temp';
import { assertWorkersBuilt, openSyncCounter, until } from './sync-counters';

const tempDir = useTempDir();
const children: ChildProcess[] = [];
let server: TestPostgres;

beforeAll(async () => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npx electron-vite build` first.');
  assertWorkersBuilt();
  server = await startTestPostgres();
});
afterEach(async () => {
  for (const child of children.splice(0)) await stopHubProcess(child);
});
afterAll(async () => {
  await server?.stop();
});

const cli = runLoket;

/** The hub as a child process, stopped after each test. */
async function startHubProcess(args: string[]): Promise<HubProcess> {
  const hub = await startHub(args);
  children.push(hub.child);
  return hub;
}

async function codeAt(hubDir: string, name: string): Promise<string> {
  const added = await cli(['hub', 'counter', 'add', name, '--hub-dir', hubDir, '--json']);
  expect(added.code, added.stderr).toBe(0);
  return (JSON.parse(added.stdout) as { code: string }).code;
}

async function publishAtDistrict(hubDir: string, file: string, asOf: string): Promise<void> {
  const added = await cli(['hub', 'edition', 'add', file, '--list', LIST, '--kind', 'pbi-apbn', '--as-of', asOf, '--hub-dir', hubDir, '--json']);
  expect(added.code, added.stderr).toBe(0);
  expect(JSON.parse(added.stdout)).toMatchObject({ list: LIST, asOf, current: true, duplicate: false });
}

const LIST = 'PBI APBN Kota Serang';
const found = async (core: Core, nik: string): Promise<boolean> => {
  await core.syncNow({}).catch(() => undefined);
  return (await core.lookup({ query: nik })).verdict !== 'unknown';
};

it('district hub → facility hub → counter, all from the command line; the facility keeps its district link across restarts', async () => {
  const districtDir = tempDir();
  const facilityDir = tempDir();
  const district = await startHubProcess(['--pg', await server.createDatabase('district'), '--data', districtDir, '--port', '0', '--mode', 'district', '--facility', 'Dinkes Kota Serang']);
  expect(district.mode).toBe('district'); // its start says so (hub tester 9)
  const november = (await writeCsvList(join(tempDir(), 'november.csv'), { count: 1_500, seed: 51 })).path;
  await publishAtDistrict(districtDir, november, '2026-10-01');
  // The same file added again (a second run): the hub already holds it, so nothing is sent and the command says so (edition-publish-twice.test.ts).
  const again = await cli(['hub', 'edition', 'add', november, '--list', LIST, '--kind', 'pbi-apbn', '--as-of', '2026-10-01', '--hub-dir', districtDir, '--json']);
  expect(again.code, again.stderr).toBe(1);
  expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'fail/edition-already-published' } });

  // The facility hub enrolls at the district with a code, at its first start.
  const facilityPg = await server.createDatabase('facility');
  const port = String(await freePort());
  const upstreamCode = await codeAt(districtDir, 'RSUD Kota Serang');
  const facilityArgs = ['--pg', facilityPg, '--data', facilityDir, '--port', port, '--facility', 'RSUD Kota Serang'];
  let facility = await startHubProcess([...facilityArgs, '--upstream-code', upstreamCode, '--upstream-url', district.urls[0]!]);
  // It serves at once; the enrollment at the district follows in the background.
  await until('the facility hub enrolled at the district', () => facility.stderr().includes('Linked to the district hub'));
  expect(statSync(join(facilityDir, 'upstream.json')).mode & 0o777).toBe(0o600);
  expect(JSON.parse(readFileSync(join(facilityDir, 'upstream.json'), 'utf8'))).toMatchObject({ url: district.urls[0], name: 'RSUD Kota Serang', district: 'Dinkes Kota Serang' });

  const counter = openSyncCounter(tempDir(), { worker: true });
  try {
    await counter.enrollHub({ code: await codeAt(facilityDir, 'Loket 1') });
    await until('the counter has the district list', () => found(counter, memberAt(51, 1_499).nik));
    expect(readEditionOfList(counter.db, LIST, 'current')).toMatchObject({ asOf: '2026-10-01', rowsImported: 1_500 });
    expect(facility.stderr()).toContain('Linked to the district hub Dinkes Kota Serang');
    expect(facility.stderr()).not.toContain(upstreamCode);

    // Restarted without the code: the stored enrollment is used, and a newer district edition comes down.
    await stopHubProcess(facility.child);
    await publishAtDistrict(districtDir, (await writeCsvList(join(tempDir(), 'december.csv'), { count: 2_000, seed: 53 })).path, '2026-11-15');
    facility = await startHubProcess(facilityArgs);
    await until('the counter has the newer district list', () => found(counter, memberAt(53, 1_999).nik));
    expect(readEditionOfList(counter.db, LIST, 'current')).toMatchObject({ asOf: '2026-11-15', rowsImported: 2_000 });
    // A counter run from the command line: `loket enroll`, then `loket sync` brings the list down (and waits for it).
    const db = join(tempDir(), 'loket.db');
    expect((await cli(['enroll', '--code', await codeAt(facilityDir, 'Loket 2'), '--db', db, '--json'])).code).toBe(0);
    const synced = await cli(['sync', '--db', db, '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ editions: { uploaded: 0, installed: 1, refused: 0, code: null } });
    const checked = await cli(['cek', memberAt(53, 7).nik, '--db', db, '--json']);
    expect(JSON.parse(checked.stdout)).not.toMatchObject({ verdict: 'unknown' });
    expect(checked.stdout).toContain(LIST);
    const again = await cli(['sync', '--db', db]);
    expect(again.stdout).toContain('List editions: 0 sent to the hub, 0 installed from the hub, 0 refused.');

    // The district holds both editions it published (the facility's counters fetched only the current one).
    const status = await cli(['hub', 'status', '--hub-dir', districtDir, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ editions: 2 });
  } finally {
    counter.close();
  }
}, 300_000);

it('the district options are checked before anything starts', async () => {
  const dir = tempDir();
  const mixed = await cli(['hub', '--pg', 'postgres://x@127.0.0.1:1/x', '--data', dir, '--mode', 'district', '--upstream-code', 'abc']);
  expect(mixed.code).toBe(2);
  expect(mixed.stderr).toContain('--upstream-code is for a facility hub only');
  const bogus = await cli(['hub', '--pg', 'postgres://x@127.0.0.1:1/x', '--data', dir, '--mode', 'province']);
  expect(bogus.code).toBe(2);
  expect(bogus.stderr).toContain('--mode "province" is unknown');
  const noHub = await cli(['hub', 'edition', 'add', join(dir, 'missing.csv'), '--list', LIST, '--kind', 'pbi-apbn', '--as-of', '2026-10-01', '--hub-dir', dir]);
  expect(noHub.code).toBe(1);
  expect(noHub.stderr).toContain('No hub.json');
});
