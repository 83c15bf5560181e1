import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/core';
import { transportFor } from '../../../src/core/sync/enroll';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import type { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubFetch } from './service-fetch';

type Bed = ReturnType<typeof useHubTestbed>;

/** A hub on its own database of the bed's PostgreSQL, and its admin credential. */
export async function hubWithAdmin(bed: Bed, database: string): Promise<{ hub: RunningHub; admin: string }> {
  const dataDir = bed.tempDir();
  const hub = await startHub({ pgUrl: await bed.server().createDatabase(database), dataDir, host: '127.0.0.1', port: 0, facility: 'Puskesmas Uji' });
  bed.hubs.push(hub);
  return { hub, admin: `Admin ${readHubConfig(dataDir)!.adminKey}` };
}

/** A counter core whose computer's clock is `aheadMs` ahead of the real one (negative: behind), enrolled at the hub and synced once. */
export async function skewedCounter(bed: Bed, hub: RunningHub, admin: string, name: string, aheadMs: number): Promise<Core> {
  const core = createCore({
    dbPath: join(bed.tempDir(), 'loket.db'),
    workerScript: null,
    bpjsBackground: false,
    hubBackground: false,
    clerk: name,
    actor: { username: 'ani', role: 'admin' },
    now: () => new Date(Date.now() + aheadMs),
    hubTransport: (credential, standing) => transportFor(credential, { outboxBacklog: standing.outboxBacklog, clock: () => Date.now() + aheadMs }),
  });
  bed.cores.push(core);
  const added = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
  await callOk(core, 'enrollHub', { code: (added.json as { code: string }).code });
  await callOk(core, 'syncNow', {});
  return core;
}
