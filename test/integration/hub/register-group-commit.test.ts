import fc from 'fast-check';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { GroupCommit } from '../../../src/hub/register/group-commit';
import type { HubOp, PushResponse } from '../../../src/shared/hub-protocol';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, patient, patientOp, registerDb, resetRegister, statusOp, visit, visitOp } from './register-db';

let server: TestPostgres;
let one: pg.Pool;
let grouped: pg.Pool;
beforeAll(async () => {
  server = await startTestPostgres();
  [one, grouped] = await Promise.all([registerDb(server), registerDb(server)]);
});
afterAll(async () => {
  await Promise.all([one?.end(), grouped?.end()]);
  await server?.stop();
});

const NOW = new Date('2026-11-30T02:00:00.000Z');
const NIKS = ['3201010101010001', '3201010101010002', null];

/** Everything a push can change, revisions included, notices without their (random) uid. */
async function register(pool: pg.Pool): Promise<unknown> {
  const q = async (sql: string) => (await pool.query(sql)).rows;
  return {
    patients: await q('SELECT uid, mrn, nik, card, name, merged_into, rev FROM patients ORDER BY uid'),
    visits: await q('SELECT uid, patient_uid, status, called_at, served_at, cancelled_at, rev FROM visits ORDER BY uid'),
    prints: await q('SELECT uid, visit_uid, rev FROM prints ORDER BY uid'),
    notices: await q('SELECT kind, subjects, params, rev FROM notices ORDER BY rev'),
    aliases: await q('SELECT mrn, patient_uid, rev FROM mrn_aliases ORDER BY mrn'),
    applied: await q('SELECT op_id, counter_id, kind, status FROM applied_ops ORDER BY op_id'),
    mrnSequence: await q('SELECT next FROM mrn_sequence'),
  };
}

type Step = { t: 'register'; nik: number; withVisit: boolean } | { t: 'status'; visit: number; minute: number; status: 'called' | 'served' | 'cancelled' } | { t: 'retry'; push: number } | { t: 'early-status' };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('register' as const), nik: fc.nat({ max: NIKS.length - 1 }), withVisit: fc.boolean() }),
  fc.record({ t: fc.constant('status' as const), visit: fc.nat({ max: 50 }), minute: fc.nat({ max: 60 }), status: fc.constantFrom('called' as const, 'served' as const, 'cancelled' as const) }),
  fc.record({ t: fc.constant('retry' as const), push: fc.nat({ max: 50 }) }),
  fc.constant({ t: 'early-status' as const }),
);

/** Pushes as counters send them: registrations (some sharing a NIK: merges), status changes, retries of earlier pushes, ops naming unknown visits. */
function pushesOf(steps: Step[]): { counter: string; ops: HubOp[] }[] {
  const pushes: { counter: string; ops: HubOp[] }[] = [];
  const visits: string[] = [];
  steps.forEach((s, i) => {
    const counter = `k${i % 3}`;
    if (s.t === 'register') {
      const p = patient({ mrn: `RM-${i}`, nik: NIKS[s.nik]!, createdAt: at(i), updatedAt: at(i) });
      const ops = [patientOp(p)];
      if (s.withVisit) {
        const v = visit(p.uid, { queueNo: i + 1, registeredAt: at(i) });
        visits.push(v.uid);
        ops.push(visitOp(v));
      }
      pushes.push({ counter, ops });
    } else if (s.t === 'status' && visits.length > 0) {
      const uid = visits[s.visit % visits.length]!;
      pushes.push({ counter, ops: [statusOp(uid, at(s.minute), s.status, s.status === 'called' ? { calledAt: at(s.minute) } : s.status === 'served' ? { servedAt: at(s.minute) } : { cancelledAt: at(s.minute) })] });
    } else if (s.t === 'retry' && pushes.length > 0) {
      pushes.push(pushes[s.push % pushes.length]!);
    } else if (s.t === 'early-status') {
      pushes.push({ counter, ops: [statusOp(uuidv7(), at(1), 'called', { calledAt: at(1) })] });
    }
  });
  return pushes;
}

it('pushes arriving together are answered and stored exactly as the same pushes applied one after the other', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), async (steps, maxOps, maxPushes) => {
      await Promise.all([resetRegister(one), resetRegister(grouped)]);
      const pushes = pushesOf(steps);
      const oneByOne: PushResponse[] = [];
      for (const p of pushes) oneByOne.push(await applyOps(one, p.counter, p.ops, NOW));
      const group = new GroupCommit(grouped, { maxOps, maxPushes });
      const together = await Promise.all(pushes.map((p) => group.submit(p.counter, p.ops, NOW)));
      expect(together).toEqual(oneByOne);
      expect(await register(grouped)).toEqual(await register(one));
    }),
    { numRuns: 25 },
  );
});

it('a push that fails inside a batch fails alone and leaves nothing of itself; the others of its batch are applied', async () => {
  await resetRegister(grouped);
  // A real failure of PostgreSQL in the middle of a push (as a bug or a full disk would give).
  await grouped.query(`CREATE OR REPLACE FUNCTION refuse_gagal() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.name = 'GAGAL' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
    DROP TRIGGER IF EXISTS refuse_gagal ON patients;
    CREATE TRIGGER refuse_gagal BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION refuse_gagal();`);
  try {
    const group = new GroupCommit(grouped);
    const fine = Array.from({ length: 4 }, (_, i) => patient({ mrn: `RM-${i}`, name: `PASIEN ${i}` }));
    const firstOfBad = patient({ mrn: 'RM-90', name: 'SEBELUM GAGAL' });
    const bad = patient({ mrn: 'RM-91', name: 'GAGAL' });
    const answers = await Promise.allSettled([
      group.submit('k1', [patientOp(fine[0]!)], NOW),
      group.submit('k1', [patientOp(fine[1]!)], NOW),
      group.submit('k2', [patientOp(firstOfBad), patientOp(bad)], NOW),
      group.submit('k3', [patientOp(fine[2]!), patientOp(fine[3]!)], NOW),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const { rows } = await grouped.query<{ mrn: string }>('SELECT mrn FROM patients ORDER BY mrn');
    expect(rows.map((r) => r.mrn)).toEqual(['RM-0', 'RM-1', 'RM-2', 'RM-3']);
    const applied = await grouped.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_ops');
    expect(applied.rows[0]!.n).toBe(4);
  } finally {
    await grouped.query('DROP TRIGGER IF EXISTS refuse_gagal ON patients');
  }
});

it('stores each counter’s outbox backlog as its latest push of the batch said, before answering', async () => {
  await grouped.query(`INSERT INTO counters (id, outbox_backlog) VALUES ('k7', 0), ('k8', 0) ON CONFLICT (id) DO UPDATE SET outbox_backlog = 0`);
  const group = new GroupCommit(grouped);
  await Promise.all([group.submit('k7', [], NOW, 5), group.submit('k7', [], NOW, 3), group.submit('k8', [], NOW, 9)]);
  const { rows } = await grouped.query('SELECT id, outbox_backlog FROM counters WHERE id IN ($1, $2) ORDER BY id', ['k7', 'k8']);
  expect(rows).toEqual([{ id: 'k7', outbox_backlog: 3 }, { id: 'k8', outbox_backlog: 9 }]);
});
