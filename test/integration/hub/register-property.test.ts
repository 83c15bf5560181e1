import fc from 'fast-check';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { nextQueueNumber } from '../../../src/hub/register/queue-number';
import type { HubOp, PatientRecord } from '../../../src/shared/hub-protocol';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, op, patient, patientOp, registerDb, resetRegister, statusOp, visit, visitOp } from './register-db';

let server: TestPostgres;
let pool: pg.Pool;
beforeAll(async () => {
  server = await startTestPostgres();
  pool = await registerDb(server);
});
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const COUNTERS = 3;
const NIKS = ['3201010101010001', '3201010101010002', '3201010101010003'];
const CARDS = ['0000000000001', '0000000000002'];
const NAMES = ['SITI AMINAH', 'Siti  Aminah', 'BUDI SANTOSO'];

type Action =
  | { t: 'patient'; counter: number; nik: number | null; card: number | null; name: number; created: number }
  | { t: 'visit'; counter: number; patient: number; online: boolean }
  | { t: 'status'; counter: number; visit: number; status: 'waiting' | 'called' | 'served' | 'cancelled'; minute: number }
  | { t: 'identify'; counter: number; patient: number; nik: number; minute: number }
  | { t: 'push'; counter: number; retry: boolean };

const counter = fc.integer({ min: 0, max: COUNTERS - 1 });
const pick = fc.nat({ max: 1000 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('patient' as const), counter, nik: fc.option(fc.nat({ max: NIKS.length - 1 })), card: fc.option(fc.nat({ max: CARDS.length - 1 })), name: fc.nat({ max: NAMES.length - 1 }), created: fc.nat({ max: 50 }) }),
  fc.record({ t: fc.constant('visit' as const), counter, patient: pick, online: fc.boolean() }),
  fc.record({ t: fc.constant('status' as const), counter, visit: pick, status: fc.constantFrom('waiting' as const, 'called' as const, 'served' as const, 'cancelled' as const), minute: fc.nat({ max: 120 }) }),
  fc.record({ t: fc.constant('identify' as const), counter, patient: pick, nik: fc.nat({ max: NIKS.length - 1 }), minute: fc.nat({ max: 120 }) }),
  fc.record({ t: fc.constant('push' as const), counter, retry: fc.boolean() }),
);

/** Runs the actions as counters would: each writes to its outbox and pushes it, keeping rejected ops to send again. */
async function run(pool: pg.Pool, actions: Action[]) {
  const outboxes: HubOp[][] = Array.from({ length: COUNTERS }, () => []);
  const offlineNext = Array.from({ length: COUNTERS }, () => 0);
  const patients: Omit<PatientRecord, 'mergedInto'>[] = [];
  const visits: string[] = [];
  const appliedCount = new Map<string, number>();
  const push = async (c: number, retry: boolean) => {
    const ops = outboxes[c]!;
    if (ops.length === 0) return;
    const times = retry ? 2 : 1; // a retry after a timeout sends the same ops again
    let results: { opId: string; status: string }[] = [];
    for (let i = 0; i < times; i++) {
      results = (await applyOps(pool, `k${c}`, ops, new Date())).results;
      for (const r of results) if (r.status === 'applied') appliedCount.set(r.opId, (appliedCount.get(r.opId) ?? 0) + 1);
    }
    const pending = new Set(results.filter((r) => r.status === 'rejected').map((r) => r.opId));
    outboxes[c] = ops.filter((o) => pending.has(o.opId));
  };
  for (const a of actions) {
    const box = outboxes[a.counter]!;
    if (a.t === 'patient') {
      const p = patient({ mrn: `K${a.counter}-${patients.length}`, nik: a.nik === null ? null : NIKS[a.nik]!, card: a.card === null ? null : CARDS[a.card]!, name: NAMES[a.name]!, createdAt: at(a.created), updatedAt: at(a.created) });
      patients.push(p);
      box.push(patientOp(p));
    } else if (a.t === 'visit' && patients.length > 0) {
      const p = patients[a.patient % patients.length]!;
      const uid = uuidv7();
      const numbered = a.online
        ? { queuePrefix: 'U', queueNo: (await nextQueueNumber(pool, { visitUid: uid, unit: 'UMUM', serviceDate: '2026-11-30', prefix: 'U' })).queueNo }
        : { queuePrefix: `K${a.counter}-U`, queueNo: ++offlineNext[a.counter]! };
      visits.push(uid);
      box.push(visitOp(visit(p.uid, { uid, ...numbered, counter: `k${a.counter}` })));
    } else if (a.t === 'status' && visits.length > 0) {
      const minute = at(a.minute);
      box.push(statusOp(visits[a.visit % visits.length]!, minute, a.status, { calledAt: a.status === 'waiting' ? null : minute, servedAt: a.status === 'served' ? minute : null, cancelledAt: a.status === 'cancelled' ? minute : null }));
    } else if (a.t === 'identify' && patients.length > 0) {
      const p = patients[a.patient % patients.length]!;
      box.push(op('patient', at(60 + a.minute), { record: { ...p, nik: NIKS[a.nik]!, updatedAt: at(60 + a.minute) } }));
    } else if (a.t === 'push') {
      await push(a.counter, a.retry);
    }
  }
  for (let round = 0; round < 3; round++) for (let c = 0; c < COUNTERS; c++) await push(c, false);
  return { appliedCount, outboxes };
}

it('random ops from several counters keep the invariants', async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (actions) => {
      await resetRegister(pool);
      n++;
      {
        const { appliedCount, outboxes } = await run(pool, actions);
        // Every op applied at most once.
        for (const count of appliedCount.values()) expect(count).toBe(1);
        // Every op's patient and visit reached the hub in the end (all counters pushed).
        expect(outboxes.flat()).toEqual([]);
        const repeats = await pool.query(`SELECT unit, service_date, queue_prefix, queue_no FROM visits GROUP BY 1, 2, 3, 4 HAVING count(*) > 1`);
        expect(repeats.rows).toEqual([]);
        const twins = await pool.query(`SELECT nik FROM patients WHERE merged_into IS NULL AND nik IS NOT NULL GROUP BY nik HAVING count(*) > 1`);
        expect(twins.rows).toEqual([]);
        const onMerged = await pool.query(`SELECT v.uid FROM visits v JOIN patients p ON p.uid = v.patient_uid WHERE p.merged_into IS NOT NULL`);
        expect(onMerged.rows).toEqual([]);
        const chained = await pool.query(`SELECT p.uid FROM patients p JOIN patients s ON s.uid = p.merged_into WHERE s.merged_into IS NOT NULL`);
        expect(chained.rows).toEqual([]);
        const aliasToMerged = await pool.query(`SELECT a.mrn FROM mrn_aliases a JOIN patients p ON p.uid = a.patient_uid WHERE p.merged_into IS NOT NULL`);
        expect(aliasToMerged.rows).toEqual([]);
        const appliedOps = await pool.query(`SELECT count(*)::int AS n FROM applied_ops`);
        expect(appliedOps.rows[0].n).toBe(appliedCount.size);
      }
    }),
    { numRuns: 25, seed: 20261130 },
  );
  expect(n).toBeGreaterThanOrEqual(25);
});
