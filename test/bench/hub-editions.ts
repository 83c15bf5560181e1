/**
 * A large list edition reaching 40 counters through the hub: counter A imports it and uploads it
 * (the portable copy, gzip), then 40 counters fetch it at once over the pinned HTTPS transport:
 * 39 simulated ones download, gunzip and hash it as a counter's fetch does (without verifying
 * and installing 39 copies on one machine), and counter B runs the real `fetchEditions`
 * (download, verification, install) while a process of its own (the counter's core process, as
 * in the app) looks a NIK up every 3 ms. Prints JSON: the hub's throughput, the time until all 40
 * have the edition, B's look-up latency during its install. Not a test: nothing asserts a time.
 *
 *   BENCH_HUB_EDITION_ROWS=1000000   members of the edition (3000000 for the figure where the machine allows)
 *   BENCH_HUB_EDITION_COUNTERS=40
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { fetchEditions } from '../../src/core/sync/edition-fetch';
import { transportFor } from '../../src/core/sync/enroll';
import type { HubCredential } from '../../src/core/sync/hub-credential.repo';
import { uploadEdition } from '../../src/core/sync/edition-upload';
import { importAt, LIST, openCounter } from '../integration/editions-publish/counters';
import { memberAt } from '../fixtures/generate-members';
import { writeCsvList } from '../fixtures/write-list-files';
import { startTestPostgres } from '../helpers/embedded-pg';
import { enrollCounter, latencyMs, machineLoad, startHubProcess } from './hub-process';
import { round } from './stats';

const SEED = 11;

/**
 * The transport of a simulated counter: a counter's own, but with a socket idle timeout of two
 * minutes instead of 5 s. The simulated counters share this process with counter B, whose fetch
 * verifies and installs the edition on this thread (a counter does that on a thread of its own)
 * and holds it for seconds: with 5 s, their sockets timed out behind it as if the hub had gone
 * silent, and the run ended in a truncated download ("unexpected end of file").
 */
const simulatedTransport = (credential: HubCredential) => transportFor(credential, { outboxBacklog: () => 0, timeoutMs: 120_000 });

interface Manifest {
  editions: { list: string; fileSha256: string; size: number; members: number }[];
}
interface ProbeReport {
  lookups: number;
  failures: number;
  maxMs: number;
  p99Ms: number;
  p50Ms: number;
}

export async function benchHubEditions(rows = Number(process.env.BENCH_HUB_EDITION_ROWS ?? 1_000_000), counters = Number(process.env.BENCH_HUB_EDITION_COUNTERS ?? 40)) {
  const server = await startTestPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'loket-hub-editions-'));
  const hub = await startHubProcess(await server.createDatabase('hub_editions'));
  const dirOf = (name: string): string => {
    const d = join(dir, name);
    mkdirSync(d);
    return d;
  };
  const a = openCounter(dirOf('a'));
  const b = openCounter(dirOf('b'));
  let probe: ChildProcess | undefined;
  try {
    // B has a small edition already (its look-ups find the member before and after); A imports the large one and publishes it.
    await importAt(b, (await writeCsvList(join(b.dir, 'small.csv'), { count: 2_000, seed: SEED })).path, '2026-11-01');
    let t = performance.now();
    await importAt(a, (await writeCsvList(join(a.dir, 'large.csv'), { count: rows, seed: SEED })).path, '2026-12-01');
    const importSeconds = round((performance.now() - t) / 1000, 1);
    const uploader = await enrollCounter(hub, 'Loket A');
    t = performance.now();
    await uploadEdition(a.sync, uploader.transport, LIST);
    const uploadSeconds = round((performance.now() - t) / 1000, 1);
    a.close();

    const receiverB = await enrollCounter(hub, 'Loket B');
    const others = [];
    for (let c = 1; c < counters; c++) others.push(simulatedTransport((await enrollCounter(hub, `Loket ${c + 2}`)).credential));
    const edition = (await receiverB.transport.getJson<Manifest>('/v1/editions')).editions.find((e) => e.list === LIST)!;

    probe = fork(join(__dirname, '../integration/editions-publish/lookup-probe.ts'), [join(b.dir, 'loket.db'), memberAt(SEED, 5).nik], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await once(probe, 'message');
    const before = machineLoad();
    const started = performance.now();
    const doneMs: number[] = [];
    const downloads = others.map(async (transport) => {
      const hash = createHash('sha256');
      const body = await transport.download(`/v1/editions/${edition.fileSha256}`);
      await pipeline(body, createGunzip(), new Writable({ write: (chunk: Buffer, _enc, next) => (hash.update(chunk), next()) }));
      if (hash.digest('hex') !== edition.fileSha256) throw new Error('a download differs from the edition');
      doneMs.push(performance.now() - started);
    });
    const fetchB = fetchEditions(b.sync, receiverB.transport).then((outcomes) => {
      doneMs.push(performance.now() - started);
      return outcomes;
    });
    const [outcomes] = await Promise.all([fetchB, ...downloads]);
    const allSeconds = (performance.now() - started) / 1000;
    const stopped = once(probe, 'message');
    probe.send('stop');
    const [report] = (await stopped) as [ProbeReport];
    return {
      target: { counters: 40, members: 3_000_000, lookupsUnslowed: true },
      members: rows,
      editionGzMb: round(edition.size / 1e6, 1),
      importSeconds,
      uploadSeconds,
      before,
      after: machineLoad(),
      counters,
      allHaveItSeconds: round(allSeconds, 1),
      // Each counter's time until it had the edition (B: installed), in ms.
      perCounter: latencyMs(doneMs),
      hubMbPerSecond: round((edition.size * counters) / 1e6 / allSeconds, 0),
      counterB: { outcome: outcomes[0]?.outcome ?? null, lookupsDuringInstall: report },
    };
  } finally {
    // Its IPC channel would keep this process alive after the report, and a failed run left it
    // looking the NIK up for good.
    probe?.kill();
    a.close();
    b.close();
    await hub.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchHubEditions()
    .then((result) => console.log(JSON.stringify({ hubEditions: result }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
