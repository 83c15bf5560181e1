import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEditionOfList } from '../../../src/core/lists/editions.repo';
import { fetchEditions } from '../../../src/core/sync/edition-fetch';
import { uploadEdition } from '../../../src/core/sync/edition-upload';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { useTempDir } from '../../helpers/temp';
import { LIST, importAt, openCounter } from './counters';
import { startTestHub, type TestHub } from './in-process-hub';

/** Members of the large edition; LOKET_PROBE_ROWS=1000000 for the full-size figure. */
const ROWS = Number(process.env.LOKET_PROBE_ROWS ?? 150_000);
const SEED = 11;

const tempDir = useTempDir();
let server: TestPostgres;
let hub: TestHub;
beforeAll(async () => {
  server = await startTestPostgres();
  hub = await startTestHub(server.url);
});
afterAll(async () => {
  await hub?.close();
  await server?.stop();
});

interface ProbeReport { lookups: number; failures: number; failed: string[]; maxMs: number; p99Ms: number; p50Ms: number }

it('look-ups at a counter keep answering while it installs a large edition fetched from the hub', async () => {
  const a = openCounter(tempDir());
  const b = openCounter(tempDir());
  let probe: ChildProcess | undefined;
  try {
    // B already has a small edition (the first 2,000 members); A imports the large one and publishes it.
    await importAt(b, (await writeCsvList(join(b.dir, 'small.csv'), { count: 2_000, seed: SEED })).path, '2026-11-01');
    await importAt(a, (await writeCsvList(join(a.dir, 'large.csv'), { count: ROWS, seed: SEED })).path, '2026-12-01');
    await uploadEdition(a.sync, hub.counter, LIST);

    const member = memberAt(SEED, 5); // in both editions
    probe = fork(join(__dirname, 'lookup-probe.ts'), [join(b.dir, 'loket.db'), member.nik], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await once(probe, 'message');
    const started = performance.now();
    const outcomes = await fetchEditions(b.sync, hub.counter);
    const fetchMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few look-ups on the new edition
    const done = once(probe, 'message');
    probe.send('stop');
    const [report] = (await done) as [ProbeReport & { type: string }];

    expect(outcomes).toMatchObject([{ outcome: 'installed', asOf: '2026-12-01' }]);
    expect(readEditionOfList(b.sync, LIST, 'current')?.asOf).toBe('2026-12-01');
    expect(report.failures, report.failed.join('; ')).toBe(0);
    expect(report.lookups).toBeGreaterThan(0);
    console.log(JSON.stringify({ probe: 'lookups-during-edition-install', rows: ROWS, fetchMs, ...report, type: undefined }));
  } finally {
    probe?.kill();
    a.close();
    b.close();
  }
}, 300_000);
