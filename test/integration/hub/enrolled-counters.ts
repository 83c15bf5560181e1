import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/core';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { callOk } from '../audit/audit-core';
import { hubFetch } from './service-fetch';

/** Counters for a test with real hubs (useHubTestbed): each a core on its own file, closed with the test. */
export function counterMaker(cores: Core[], tempDir: () => string): (name: string) => Core {
  return (name) => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, bpjsBackground: false, hubBackground: false, clerk: name, actor: { username: name, role: 'admin' } });
    cores.push(core);
    return core;
  };
}

/** Enrols `core` at `hub` under `name`, with a one-time code the hub's administrator (`admin`: its authorization) made. */
export async function enrollAt(hub: RunningHub, admin: string, core: Core, name: string): Promise<void> {
  const added = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
  await callOk(core, 'enrollHub', { code: (added.json as { code: string }).code });
}

/** Both at once, for a testbed: counter cores on real files, enrolled at a real hub by its admin API (the syncs are the test's own calls). */
export function enrolledCounters(testbed: { cores: Core[]; tempDir: () => string }): { counter: (name: string) => Core; enrollAt: typeof enrollAt } {
  return { counter: counterMaker(testbed.cores, testbed.tempDir), enrollAt };
}

/**
 * A real hub on its own database with two counters (`ani` at Loket 1, `beni` at Loket 2), both
 * enrolled and synced once: the start of a test of what one counter's change does at the other.
 */
export async function hubWithTwoCounters(
  testbed: { server: () => { createDatabase: (name: string) => Promise<string> }; hubs: RunningHub[]; cores: Core[]; tempDir: () => string },
  database: string,
): Promise<{ hub: RunningHub; a: Core; b: Core }> {
  const dataDir = testbed.tempDir();
  const hub = await startHub({ pgUrl: await testbed.server().createDatabase(database), dataDir, host: '127.0.0.1', port: 0, facility: 'Puskesmas Uji' });
  testbed.hubs.push(hub);
  const admin = `Admin ${readHubConfig(dataDir)!.adminKey}`;
  const counter = counterMaker(testbed.cores, testbed.tempDir);
  const a = counter('ani');
  const b = counter('beni');
  await enrollAt(hub, admin, a, 'Loket 1');
  await enrollAt(hub, admin, b, 'Loket 2');
  for (const c of [a, b]) await callOk(c, 'syncNow', {});
  return { hub, a, b };
}
