import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { builtFile, useTempDir } from '../../helpers/temp';
import { Counter, enrollmentCode, killHard, nikFor, seeded, startHubProcess } from './facility-harness';

/**
 * A morning at a hospital with ten counters and one hub (real PostgreSQL, the built `loket hub`
 * in its own process, real HTTPS, one SQLite file per counter). Counters register at once; some
 * patients arrive at two counters; the hub is killed with SIGKILL mid-morning and restarted; one
 * counter has its cable pulled for an "hour" and keeps registering. Afterwards nothing is lost,
 * no queue number repeats, no RM is shared, same-NIK patients are one, and every counter holds
 * the same register as the hub. FACILITY_SEED replays a morning.
 */
const COUNTERS = 10;
const UNITS = ['UMUM', 'GIGI', 'KIA', 'LANSIA'];
const seed = Number(process.env.FACILITY_SEED ?? Date.now() % 100_000);
const random = seeded(seed);
const tempDir = useTempDir();

let postgres: TestPostgres;
let hub: ChildProcess | null = null;
let counters: Counter[] = [];

beforeAll(async () => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
  postgres = await startTestPostgres();
});
afterAll(async () => {
  for (const c of counters) c.core.close();
  if (hub) await killHard(hub);
  await postgres?.stop();
});

interface Registered {
  counter: string;
  visitUid: string;
  nik: string;
}

/** One patient at one counter, as a clerk does it: found by NIK or made, then registered to a unit. */
async function walkIn(counter: Counter, nik: string, name: string): Promise<Registered> {
  const known = await counter.call('findPatient', { nik });
  const patient = known ?? (await counter.call('createPatient', { nik, name, dob: '1985-01-01', sex: 'P' }));
  const unit = UNITS[Math.floor(random() * UNITS.length)]!;
  const visit = await counter.call('registerVisit', { patientId: patient.id, unit, verdict: 'unknown', confirmDuplicate: true });
  return { counter: counter.name, visitUid: visit.uid, nik };
}

/** A wave: every counter registers `perCounter` patients concurrently; `shared` NIKs arrive at two counters each. */
async function wave(from: number, perCounter: number, shared: number, only?: Counter[]): Promise<Registered[]> {
  const active = only ?? counters;
  const jobs: Promise<Registered[]>[] = [];
  active.forEach((counter, c) => {
    jobs.push(
      (async () => {
        const done: Registered[] = [];
        for (let i = 0; i < perCounter; i++) {
          const n = from + c * perCounter + i;
          done.push(await walkIn(counter, nikFor(n), `PASIEN ${n}`));
          // Some of them are called and served while the morning goes on.
          if (random() < 0.3) await counter.call('callNext', { unit: UNITS[Math.floor(random() * UNITS.length)]! });
        }
        return done;
      })(),
    );
  });
  const results = (await Promise.all(jobs)).flat();
  // The same person at two counters while they may not have synced yet: same NIK, different record at first.
  const twins: Promise<Registered>[] = [];
  for (let s = 0; s < shared; s++) {
    const a = active[Math.floor(random() * active.length)]!;
    const b = active[(active.indexOf(a) + 1 + Math.floor(random() * (active.length - 1))) % active.length]!;
    const nik = nikFor(900_000 + from + s);
    twins.push(walkIn(a, nik, `KEMBAR ${from + s}`), walkIn(b, nik, `KEMBAR ${from + s}`));
  }
  return [...results, ...(await Promise.all(twins))];
}

/** Rounds on every counter until nothing moves and every outbox is empty (a settle after the morning). */
async function settle(): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    let moved = 0;
    let backlog = 0;
    for (const c of counters) {
      const round = await c.call('syncNow', {});
      moved += round.pushed + round.pulled + round.deferred;
    }
    for (const c of counters) backlog += (await c.call('hubLink', {})).backlog;
    if (moved === 0 && backlog === 0) return;
  }
  throw new Error('the counters did not settle in 20 passes');
}

it('ten counters, a killed hub and a counter offline for an hour end with one register and nothing lost', async () => {
  console.log(`facility simulation seed ${seed} (FACILITY_SEED=${seed} replays it)`);
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  const port = await freePort();
  hub = await startHubProcess(postgres.url, hubDir, port);

  counters = Array.from({ length: COUNTERS }, (_, i) => new Counter(`loket${i + 1}`, dir));
  for (const c of counters) await c.call('enrollHub', { code: await enrollmentCode(hubDir, c.name) });
  for (const c of counters) await c.call('syncNow', {});

  const all: Registered[] = [];
  // Early morning: everyone connected.
  all.push(...(await wave(0, 4, 4)));
  // One counter's cable is pulled for an "hour"; it keeps registering alone.
  const island = counters[3]!;
  island.cableIn = false;
  all.push(...(await wave(1_000, 3, 3)));
  // Mid-morning the hub dies hard, with pushes in flight; the counters go on.
  const pending = wave(2_000, 3, 2);
  await new Promise((r) => setTimeout(r, 50));
  await killHard(hub);
  all.push(...(await pending));
  all.push(...(await wave(3_000, 2, 2)));
  hub = await startHubProcess(postgres.url, hubDir, port);
  all.push(...(await wave(4_000, 3, 3)));
  // The hour is over.
  island.cableIn = true;
  all.push(...(await wave(5_000, 2, 2)));
  await settle();

  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  try {
    // No registration lost: every visit a counter registered is at the hub and at every counter.
    const hubVisits = (await db.query<{ uid: string }>('SELECT uid::text FROM visits')).rows.map((r) => r.uid);
    const registered = all.map((r) => r.visitUid);
    expect(new Set(hubVisits)).toEqual(new Set(registered));

    // No queue number repeats within a unit and day.
    const repeats = await db.query('SELECT unit, service_date, queue_prefix, queue_no FROM visits GROUP BY 1, 2, 3, 4 HAVING count(*) > 1');
    expect(repeats.rows).toEqual([]);
    // No two live patients share an RM, and same-NIK patients are one.
    expect((await db.query('SELECT mrn FROM patients WHERE merged_into IS NULL GROUP BY mrn HAVING count(*) > 1')).rows).toEqual([]);
    expect((await db.query('SELECT nik FROM patients WHERE merged_into IS NULL AND nik IS NOT NULL GROUP BY nik HAVING count(*) > 1')).rows).toEqual([]);
    const merged = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM patients WHERE merged_into IS NOT NULL')).rows[0]!.n);
    console.log(JSON.stringify({ seed, visits: hubVisits.length, merged, offlineNumbered: (await db.query(`SELECT count(*) FROM visits WHERE queue_prefix LIKE '%-%'`)).rows[0] }));

    // Every counter converges to the hub's register.
    const hubRegister = (
      await db.query<{ line: string }>(
        `SELECT v.uid || ' ' || p.uid || ' ' || v.queue_prefix || '-' || v.queue_no || ' ' || v.status || ' ' || v.payer AS line
         FROM visits v JOIN patients p ON p.uid = v.patient_uid ORDER BY v.uid`,
      )
    ).rows.map((r) => r.line);
    for (const c of counters) {
      const local = (
        c.core.db
          .prepare(
            `SELECT v.uid || ' ' || p.uid || ' ' || v.queue_prefix || '-' || v.queue_no || ' ' || v.status || ' ' || v.payer AS line
             FROM visits v JOIN patients p ON p.id = v.patient_id ORDER BY v.uid`,
          )
          .all() as { line: string }[]
      ).map((r) => r.line);
      expect(local, `${c.name}'s register`).toEqual(hubRegister);
      // Each merge is shown on every counter's follow-ups screen.
      const notices = await c.call('hubNotices', {});
      expect(notices.filter((n) => n.kind === 'patient-merged')).toHaveLength(merged);
    }
  } finally {
    await db.end();
  }
});
