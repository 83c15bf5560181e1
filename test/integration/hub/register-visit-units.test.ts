import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { queueDisplay } from '../../../src/hub/register/display';
import { pull } from '../../../src/hub/register/pull';
import { nextQueueNumber } from '../../../src/hub/register/queue-number';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, op, patient, patientOp, registerDb, visit, visitOp } from './register-db';

let server: TestPostgres;
let pool: pg.Pool;
const NOW = new Date('2026-11-30T03:00:00.000Z');
const DAY = '2026-11-30';
beforeAll(async () => {
  server = await startTestPostgres();
  pool = await registerDb(server, { mrnFormat: 'RM-{seq:6}' });
});
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

const placeOf = async (uid: string) =>
  (await pool.query<{ unit: string; queue_prefix: string; queue_no: number; rev: string }>('SELECT unit, queue_prefix, queue_no, rev FROM visits WHERE uid = $1', [uid])).rows[0];

/** A visit registered at Poli Umum with the hub's number, pushed. */
async function registered(name: string): Promise<{ uid: string; queueNo: number }> {
  const p = patient({ mrn: `RM-${uuidv7().slice(-6)}`, name });
  const uid = uuidv7();
  const { queueNo } = await nextQueueNumber(pool, { visitUid: uid, unit: 'UMUM', serviceDate: DAY, prefix: 'U' });
  await applyOps(pool, 'k1', [patientOp(p), visitOp(visit(p.uid, { uid, queueNo }))], NOW);
  return { uid, queueNo };
}

describe('visit.unit: a visit moved to another unit', () => {
  it("takes the unit and the number the hub gave for the move (claimed under the move's uid); every counter pulls it there", async () => {
    const { uid, queueNo } = await registered('SITI PINDAH');
    const before = await placeOf(uid);
    // The counter asks for the target unit's number under a uid of the move: the visit's own uid already holds its first number.
    const moveNo = (await nextQueueNumber(pool, { visitUid: uuidv7(), unit: 'GIGI', serviceDate: DAY, prefix: 'G' })).queueNo;
    expect((await nextQueueNumber(pool, { visitUid: uid, unit: 'UMUM', serviceDate: DAY, prefix: 'U' })).queueNo).toBe(queueNo);
    const result = await applyOps(pool, 'k1', [op('visit.unit', at(30), { uid, unit: 'GIGI', queuePrefix: 'G', queueNo: moveNo })], NOW);
    expect(result.results[0]!.status).toBe('applied');
    const after = await placeOf(uid);
    expect(after).toMatchObject({ unit: 'GIGI', queue_prefix: 'G', queue_no: moveNo });
    expect(Number(after!.rev)).toBeGreaterThan(Number(before!.rev));
    const pulled = (await pull(pool, Number(before!.rev))).visits.find((v) => v.uid === uid);
    expect(pulled).toMatchObject({ unit: 'GIGI', queuePrefix: 'G', queueNo: moveNo });
    // Neither number is handed out again: Poli Umum goes on after the old one, Poli Gigi after the new one.
    expect((await nextQueueNumber(pool, { visitUid: uuidv7(), unit: 'UMUM', serviceDate: DAY, prefix: 'U' })).queueNo).toBe(queueNo + 1);
    expect((await nextQueueNumber(pool, { visitUid: uuidv7(), unit: 'GIGI', serviceDate: DAY, prefix: 'G' })).queueNo).toBe(moveNo + 1);
  });

  it('a number the counter gave offline moves the sequence past it; an older move arriving late changes nothing', async () => {
    const { uid } = await registered('BUDI OFFLINE');
    await applyOps(pool, 'k2', [op('visit.unit', at(40), { uid, unit: 'ANAK', queuePrefix: 'K2-A', queueNo: 7 })], NOW);
    const { rows } = await pool.query<{ next: number }>('SELECT next FROM queue_numbers WHERE unit = $1 AND service_date = $2 AND prefix = $3', ['ANAK', DAY, 'K2-A']);
    expect(rows[0]!.next).toBe(7);
    // Another counter's move made earlier (at 35) reaches the hub after: the later one (at 40) stays.
    await applyOps(pool, 'k3', [op('visit.unit', at(35), { uid, unit: 'GIGI', queuePrefix: 'G', queueNo: 99 })], NOW);
    expect(await placeOf(uid)).toMatchObject({ unit: 'ANAK', queue_prefix: 'K2-A', queue_no: 7 });
    // The undo of the move (at 41) puts it back where it was.
    await applyOps(pool, 'k2', [op('visit.unit', at(41), { uid, unit: 'UMUM', queuePrefix: 'U', queueNo: 1 })], NOW);
    expect(await placeOf(uid)).toMatchObject({ unit: 'UMUM', queue_prefix: 'U', queue_no: 1 });
  });

  it("a move after midnight carries the visit into the op's service day (that day's sequence learns the number); an older counter's op, without a day, keeps the visit's", async () => {
    const { uid } = await registered('SITI MALAM'); // registered on DAY
    const NEXT = '2026-12-01';
    const dayOf = async () => (await pool.query<{ service_date: string }>('SELECT service_date FROM visits WHERE uid = $1', [uid])).rows[0]!.service_date;
    await applyOps(pool, 'k1', [op('visit.unit', at(60), { uid, unit: 'GIGI', queuePrefix: 'G', queueNo: 1, serviceDate: NEXT })], NOW);
    expect(await dayOf()).toBe(NEXT);
    expect((await pull(pool, 0)).visits.find((v) => v.uid === uid)).toMatchObject({ serviceDate: NEXT, unit: 'GIGI', queueNo: 1 });
    expect((await nextQueueNumber(pool, { visitUid: uuidv7(), unit: 'GIGI', serviceDate: NEXT, prefix: 'G' })).queueNo).toBe(2);
    // The undo sends the old day back.
    await applyOps(pool, 'k1', [op('visit.unit', at(61), { uid, unit: 'UMUM', queuePrefix: 'U', queueNo: 1, serviceDate: DAY })], NOW);
    expect(await dayOf()).toBe(DAY);
    // A counter older than the field sends no day: the move changes the unit and number only.
    await applyOps(pool, 'k9', [op('visit.unit', at(62), { uid, unit: 'ANAK', queuePrefix: 'A', queueNo: 3 })], NOW);
    expect(await dayOf()).toBe(DAY);
    expect(await placeOf(uid)).toMatchObject({ unit: 'ANAK', queue_no: 3 });
  });

  it('an unknown visit is rejected (kept by the counter and sent again)', async () => {
    const result = await applyOps(pool, 'k1', [op('visit.unit', at(50), { uid: uuidv7(), unit: 'GIGI', queuePrefix: 'G', queueNo: 3 })], NOW);
    expect(result.results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-visit' });
  });
});

describe('visit.recall: a called patient called again', () => {
  it('the later op wins; the queue display puts the number called again back on top; every counter pulls the count', async () => {
    const first = await registered('ANI PERTAMA');
    const second = await registered('BUDI KEDUA');
    const called = (uid: string, minutes: number) => op('visit.status', at(minutes), { uid, status: 'called', calledAt: at(minutes), servedAt: null, cancelledAt: null });
    await applyOps(pool, 'k1', [called(first.uid, 60), called(second.uid, 61)], NOW);
    const shown = async () => (await queueDisplay(pool, 'UMUM', NOW)).called.map((e) => e.initials);
    expect((await shown()).slice(0, 2)).toEqual(['B. K.', 'A. P.']);

    const before = Number((await placeOf(first.uid))!.rev);
    await applyOps(pool, 'k2', [op('visit.recall', at(62), { uid: first.uid, recalls: 1, recalledAt: at(62) })], NOW);
    expect((await shown()).slice(0, 2)).toEqual(['A. P.', 'B. K.']);
    expect((await pull(pool, before)).visits.find((v) => v.uid === first.uid)).toMatchObject({ recalls: 1, recalledAt: at(62) });
    // An older op arriving late changes nothing; the undo (later) takes the call again back.
    await applyOps(pool, 'k1', [op('visit.recall', at(61), { uid: first.uid, recalls: 0, recalledAt: null })], NOW);
    expect((await shown()).slice(0, 2)).toEqual(['A. P.', 'B. K.']);
    await applyOps(pool, 'k2', [op('visit.recall', at(63), { uid: first.uid, recalls: 0, recalledAt: null })], NOW);
    expect((await shown()).slice(0, 2)).toEqual(['B. K.', 'A. P.']);
  });
});
