import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EditionSync } from '../../../src/core/sync/edition-sync';
import type { HubTransport } from '../../../src/core/sync/hub-transport';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { importAt, openCounter } from '../editions-publish/counters';
import { startTestHub } from '../editions-publish/in-process-hub';

const tempDir = useTempDir();
let server: TestPostgres;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => server?.stop());

it('background steps: the first round runs one, then at most one per interval, and a local import goes at once', async () => {
  const hub = await startTestHub(await server.createDatabase('schedule'));
  const counter = openCounter(tempDir());
  let clock = Date.parse('2026-11-30T08:00:00Z');
  let manifests = 0;
  /** A step reads the manifest twice: once to choose what to send, once in the fetch. */
  const steps = (): number => manifests / 2;
  const transport: HubTransport = {
    getJson: async (path, o) => {
      manifests++;
      return hub.counter.getJson(path, o);
    },
    postJson: (path, body, o) => hub.counter.postJson(path, body, o),
    download: (path) => hub.counter.download(path),
    upload: (path, body, headers) => hub.counter.upload(path, body, headers),
  };
  const installed: string[] = [];
  const sync = new EditionSync({
    db: counter.sync,
    now: () => new Date(clock),
    transport,
    lock: { dbPath: join(counter.dir, 'loket.db') },
    worker: null,
    minIntervalMs: 60_000,
    onInstalled: (lists) => installed.push(...lists.map((l) => l.list)),
  });
  const settle = (): Promise<unknown> => sync.runNow().catch(() => undefined); // waits for a background step, then runs one more
  try {
    sync.afterRound();
    await settle();
    expect(steps()).toBe(2); // the background step, and the one settle ran

    clock += 10_000;
    sync.afterRound(); // not due yet, nothing new here: no step
    expect(steps()).toBe(2);

    await importAt(counter, writeSampleCsv(counter.dir), '2026-11-01');
    sync.afterRound(); // a local import: at once, though not due
    await settle();
    expect(steps()).toBe(4);
    expect(Number((await hub.pool.query<{ n: string }>('SELECT count(*) AS n FROM hub_editions')).rows[0]!.n)).toBe(1);

    clock += 61_000;
    sync.afterRound(); // due again
    await settle();
    expect(steps()).toBe(6);
    expect(installed).toEqual([]); // it only ever had its own list
  } finally {
    sync.stop();
    counter.close();
    await hub.close();
  }
});
