import { join } from 'node:path';
import { createCore, type Core } from '../../../src/core/core';
import type { RunningHub } from '../../../src/hub/hub-main';
import { callOk } from '../audit/audit-core';
import { hubFetch } from './service-fetch';

/** Counter cores on real files, enrolled at a real hub by its admin API (the syncs are the test's own calls). */
export function enrolledCounters(testbed: { cores: Core[]; tempDir: () => string }): {
  counter: (name: string) => Core;
  enrollAt: (hub: RunningHub, admin: string, core: Core, name: string) => Promise<void>;
} {
  return {
    counter(name) {
      const core = createCore({ dbPath: join(testbed.tempDir(), 'loket.db'), workerScript: null, bpjsBackground: false, hubBackground: false, clerk: name, actor: { username: name, role: 'admin' } });
      testbed.cores.push(core);
      return core;
    },
    async enrollAt(hub, admin, core, name) {
      const added = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
      await callOk(core, 'enrollHub', { code: (added.json as { code: string }).code });
    },
  };
}
