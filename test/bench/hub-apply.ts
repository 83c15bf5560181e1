/**
 * The facility hub's register at the database level: registrations per second when 10 counters
 * push at once (each registration one push of 1 patient + 1 visit + 1 print, as a counter online
 * sends it), the push latency, and the queue-number latency a counter waits for before printing.
 * Not a test: nothing asserts a time. Run alone with `npx tsx test/bench/hub-apply.ts`, or as part
 * of `npm run bench` (BENCH_HUB_REGISTRATIONS=0 leaves it out).
 *
 *   BENCH_HUB_REGISTRATIONS=3000   registrations in all (spread over the counters)
 *   BENCH_HUB_COUNTERS=10          concurrent counters
 *   BENCH_HUB_GROUP_COMMIT=1       pushes through the group commit as the push route does (0: one transaction each)
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../../src/hub/pg/migrate';
import { applyOps } from '../../src/hub/register/apply-ops';
import { groupCommitFor } from '../../src/hub/register/group-commit';
import { pull } from '../../src/hub/register/pull';
import { nextQueueNumber } from '../../src/hub/register/queue-number';
import type { HubOp } from '../../src/shared/hub-protocol';
import { startTestPostgres } from '../helpers/embedded-pg';
import { percentile, round } from './stats';

export function registration(counter: number, i: number, queueNo: number, serviceDate = '2026-11-30', unit = `POLI-${i % 8}`, visitUid = uuidv7()): HubOp[] {
  const at = new Date().toISOString();
  const patientUid = uuidv7();
  const nik = `32${String(counter).padStart(2, '0')}${String(i).padStart(12, '0')}`;
  return [
    { opId: uuidv7(), at, kind: 'patient', record: { uid: patientUid, mrn: `K${counter}-${i}`, nik, card: null, name: `PASIEN ${counter} ${i}`, dob: '1980-01-01', sex: 'P', address: null, identified: true, createdAt: at, updatedAt: at } },
    { opId: uuidv7(), at, kind: 'visit', record: { uid: visitUid, patientUid, serviceDate, unit, queuePrefix: 'U', queueNo, emergency: false, payer: 'jkn', verdict: 'active', verdictSource: 'list', status: 'waiting', registeredAt: at, registeredBy: 'clerk', calledAt: null, servedAt: null, cancelledAt: null, counter: `k${counter}` } },
    { opId: uuidv7(), at, kind: 'print', record: { uid: uuidv7(), visitUid, printedAt: at, clerk: 'clerk', kind: 'print', paper: '80mm', printer: null } },
  ];
}

const micros = (started: number): number => (performance.now() - started) * 1000;
const latency = (samples: number[]) => ({ calls: samples.length, p50Us: round(percentile(samples, 50), 0), p95Us: round(percentile(samples, 95), 0), p99Us: round(percentile(samples, 99), 0) });

export async function benchHubApply(registrations = Number(process.env.BENCH_HUB_REGISTRATIONS ?? 3000), counters = Number(process.env.BENCH_HUB_COUNTERS ?? 10), grouped = process.env.BENCH_HUB_GROUP_COMMIT !== '0') {
  const server = await startTestPostgres();
  const pool = new pg.Pool({ connectionString: server.url, max: counters + 2 });
  // The server stops at the end: a connection still closing then is told so; not a failure.
  pool.on('error', () => undefined);
  try {
    // The hub's whole schema, as a hub starts (a hand-picked subset broke when a column was added).
    await migrate(pool);
    const perCounter = Math.ceil(registrations / counters);
    const pushSamples: number[] = [];
    const queueSamples: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: counters }, async (_, c) => {
        for (let i = 0; i < perCounter; i++) {
          const visitStarted = performance.now();
          const { queueNo } = await nextQueueNumber(pool, { visitUid: uuidv7(), unit: `POLI-${i % 8}`, serviceDate: '2026-11-30', prefix: 'U' });
          queueSamples.push(micros(visitStarted));
          const pushStarted = performance.now();
          const ops = registration(c, i, queueNo);
          await (grouped ? groupCommitFor(pool).submit(`k${c}`, ops, new Date()) : applyOps(pool, `k${c}`, ops, new Date()));
          pushSamples.push(micros(pushStarted));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = perCounter * counters;
    // A new counter catching up: the whole register pulled in pages of 1000.
    const pullStarted = performance.now();
    let after = 0;
    let records = 0;
    for (;;) {
      const page = await pull(pool, after, 1000);
      records += page.patients.length + page.visits.length + page.prints.length;
      after = page.cursor;
      if (!page.more) break;
    }
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    return {
      // Other work on the machine slows every figure here: the 1-minute load average at the end.
      loadAverage1m: round(loadavg()[0]!, 2),
      counters,
      groupCommit: grouped,
      registrations: total,
      seconds: round(seconds, 2),
      registrationsPerSecond: round(total / seconds, 0),
      pushOf3Ops: latency(pushSamples),
      queueNumber: latency(queueSamples),
      pullAll: { records, seconds: round(pullSeconds, 2), recordsPerSecond: round(records / pullSeconds, 0) },
    };
  } finally {
    await pool.end();
    await server.stop();
  }
}

if (require.main === module) {
  benchHubApply()
    .then((result) => console.log(JSON.stringify({ hubApply: result }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
