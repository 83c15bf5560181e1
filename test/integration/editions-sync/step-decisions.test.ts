import type { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { runEditionStep } from '../../../src/core/sync/edition-sync-step';
import { HubRefused, HubUnreachable, type HubTransport } from '../../../src/core/sync/hub-transport';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { LIST, importAt, openCounter, type TestCounter } from '../editions-publish/counters';
import { startTestHub, type TestHub } from '../editions-publish/in-process-hub';

const tempDir = useTempDir();
let server: TestPostgres;
let databases = 0;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => server?.stop());

/** The in-process hub's counter transport, counting uploads; `failNextUpload` makes the next one fail before it is sent. */
function counting(hub: TestHub): HubTransport & { uploads: number; failNextUpload?: Error } {
  const transport: HubTransport & { uploads: number; failNextUpload?: Error } = {
    uploads: 0,
    getJson: (path, o) => hub.counter.getJson(path, o),
    postJson: (path, body, o) => hub.counter.postJson(path, body, o),
    download: (path) => hub.counter.download(path),
    async upload<T>(path: string, body: Readable, headers: Record<string, string>): Promise<T> {
      const failure = transport.failNextUpload;
      if (failure) {
        transport.failNextUpload = undefined;
        body.destroy();
        throw failure;
      }
      transport.uploads++;
      return hub.counter.upload<T>(path, body, headers);
    },
  };
  return transport;
}

async function withHub(run: (hub: TestHub, counters: () => TestCounter) => Promise<void>): Promise<void> {
  const hub = await startTestHub(await server.createDatabase(`steps_${++databases}`));
  const opened: TestCounter[] = [];
  try {
    await run(hub, () => {
      const counter = openCounter(tempDir());
      opened.push(counter);
      return counter;
    });
  } finally {
    for (const c of opened) c.close();
    await hub.close();
  }
}

it('a local import is sent once, never fetched back, and remembered across a restart of the counter', async () => {
  await withHub(async (hub, counter) => {
    const a = counter();
    const transport = counting(hub);
    await importAt(a, writeSampleCsv(a.dir), '2026-11-01');
    const imported = readEditionOfList(a.sync, LIST, 'current')!.id;
    expect(await runEditionStep(a.sync, transport)).toMatchObject({ uploaded: [{ list: LIST, outcome: 'uploaded' }], fetched: [{ list: LIST, outcome: 'up-to-date' }] });
    expect(await runEditionStep(a.sync, transport)).toEqual({ uploaded: [], fetched: [{ list: LIST, outcome: 'up-to-date' }] });
    expect(transport.uploads).toBe(1);
    expect(hub.counter.downloads).toEqual([]);
    expect(readEditionOfList(a.sync, LIST, 'current')!.id).toBe(imported);
    // The same files opened again (the app restarted): still nothing to send or fetch.
    const again = openCounter(a.dir);
    try {
      expect(await runEditionStep(again.sync, transport)).toEqual({ uploaded: [], fetched: [{ list: LIST, outcome: 'up-to-date' }] });
    } finally {
      again.close();
    }
    expect(transport.uploads).toBe(1);
  });
});

it("the hub's newer edition is not answered with an older local one; a newer local one goes up and becomes the facility's", async () => {
  await withHub(async (hub, counter) => {
    const [a, b] = [counter(), counter()];
    const transport = counting(hub);
    await importAt(a, writeSecondEditionCsv(a.dir), '2026-11-20');
    await importAt(b, writeSampleCsv(b.dir), '2026-11-01');
    await runEditionStep(a.sync, transport);
    // B's list is older than the hub's: nothing is sent, the hub's is installed.
    expect(await runEditionStep(b.sync, transport)).toMatchObject({ uploaded: [], fetched: [{ outcome: 'installed', asOf: '2026-11-20' }] });
    expect(transport.uploads).toBe(1);
    // B imports a later one: it goes up, and A gets it.
    await importAt(b, writeSampleCsv(b.dir, 'desember.csv'), '2026-11-25');
    expect(await runEditionStep(b.sync, transport)).toMatchObject({ uploaded: [{ outcome: 'uploaded' }], fetched: [{ outcome: 'up-to-date' }] });
    expect(await runEditionStep(a.sync, transport)).toMatchObject({ uploaded: [], fetched: [{ outcome: 'installed', asOf: '2026-11-25' }] });
    expect(transport.uploads).toBe(2);
  });
});

it('an unreachable hub is tried again at the next step; a file the hub refuses as invalid is not offered again', async () => {
  await withHub(async (hub, counter) => {
    const a = counter();
    const transport = counting(hub);
    await importAt(a, writeSampleCsv(a.dir), '2026-11-01');
    transport.failNextUpload = new HubUnreachable('timeout after 60000 ms');
    await expect(runEditionStep(a.sync, transport)).rejects.toBeInstanceOf(HubUnreachable);
    expect(await runEditionStep(a.sync, transport)).toMatchObject({ uploaded: [{ outcome: 'uploaded' }] });

    const b = counter();
    await importAt(b, writeSampleCsv(b.dir), '2026-11-05');
    transport.failNextUpload = new HubRefused(422, 'hub/edition-invalid', { reason: 'edition/damaged' });
    expect(await runEditionStep(b.sync, transport)).toMatchObject({ uploaded: [{ outcome: 'refused', code: 'hub/edition-invalid' }] });
    expect(await runEditionStep(b.sync, transport)).toMatchObject({ uploaded: [] });
    expect(transport.uploads).toBe(1);
  });
});
