import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { readEditionOfList, readEditions } from '../../../src/core/lists/editions.repo';
import { memberAt } from '../../fixtures/generate-members';
import { writeCsvList } from '../../fixtures/write-list-files';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { useTempDir } from '../../helpers/temp';
import { assertWorkersBuilt, importList, openSyncCounter, startFacility, until, type TestFacility } from './sync-counters';

/** Members of the edition that travels; LOKET_PROBE_ROWS=1000000 for the full-size figure. */
const ROWS = Number(process.env.LOKET_PROBE_ROWS ?? 150_000);
const SEED = 23;
const LIST = 'PBI APBD Kota Serang';

const tempDir = useTempDir();
let server: TestPostgres;
let facility: TestFacility;
beforeAll(async () => {
  assertWorkersBuilt();
  server = await startTestPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const currentOf = (core: Core) => readEditionOfList(core.db, LIST, 'current');

it('a list imported at counter A reaches counter B by itself, and B looks members up all through the install', async () => {
  facility = await startFacility(server, tempDir());
  // A steps in-process (no built worker given), B in its edition worker: both paths run.
  const a = openSyncCounter(tempDir(), { background: true });
  const bDir = tempDir();
  const b = openSyncCounter(bDir, { background: true, worker: true });
  try {
    // B has an older, small edition of the list (the first 2,000 members) before it enrolls.
    await importList(b, (await writeCsvList(join(bDir, 'small.csv'), { count: 2_000, seed: SEED })).path, LIST, '2026-11-01');
    const bSmall = currentOf(b)!.id;
    await a.enrollHub({ code: await facility.codeFor('Loket A') });
    await b.enrollHub({ code: await facility.codeFor('Loket B') });
    // B's small edition goes up by itself and A, which has none, gets it.
    await until('A has the small edition', () => currentOf(a)?.asOf === '2026-11-01');

    // A imports the full list as of a later date: it is offered at once, and B installs it by itself.
    await importList(a, (await writeCsvList(join(tempDir(), 'large.csv'), { count: ROWS, seed: SEED })).path, LIST, '2026-12-01');
    const aLarge = currentOf(a)!.id;

    const inBoth = memberAt(SEED, 5).nik;
    const onlyInLarge = memberAt(SEED, ROWS - 1).nik;
    const latencies: number[] = [];
    const failed: string[] = [];
    let lookups = 0;
    await until('B finds a member of the large edition', async () => {
      const started = performance.now();
      try {
        const { verdict } = await b.lookup({ query: inBoth });
        if (verdict === 'unknown') failed.push('not found');
      } catch (error) {
        failed.push(error instanceof Error ? error.message : String(error));
      }
      latencies.push(performance.now() - started);
      lookups++;
      return (await b.lookup({ query: onlyInLarge })).verdict !== 'unknown';
    }, 300_000);

    expect(failed).toEqual([]);
    expect(currentOf(b)).toMatchObject({ asOf: '2026-12-01', rowsImported: ROWS });
    expect(currentOf(b)!.id).not.toBe(bSmall);
    // A never fetched its own upload back: its current edition is still the one it imported.
    const round = await a.syncNow({});
    expect(round.editions).toMatchObject({ installed: 0, uploaded: 0, code: null });
    expect(currentOf(a)!.id).toBe(aLarge);
    // Nor does it offer it twice: the hub holds one edition per upload.
    const status = await facility.hub.pg.query<{ n: string }>('SELECT count(*) AS n FROM hub_editions');
    expect(Number(status.rows[0]!.n)).toBe(2);
    // B's lists header learns of it: the core's catalog answers the new edition's members.
    expect((await b.listLists({})).find((l) => l.name === LIST)).toMatchObject({ asOf: '2026-12-01' });
    expect(readEditions(b.db, ['current']).length).toBe(1);

    latencies.sort((x, y) => x - y);
    const at = (q: number): number => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 100) / 100;
    console.log(JSON.stringify({ probe: 'lookups-during-automatic-edition-install', rows: ROWS, lookups, failures: failed.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) }));
  } finally {
    a.close();
    b.close();
    await facility.hub.stop();
  }
}, 600_000);
