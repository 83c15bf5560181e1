import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { pull } from '../../../src/hub/register/pull';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, op, patient, patientOp, registerDb, snapshot, statusOp, visit, visitOp } from './register-db';

let server: TestPostgres;
let pool: pg.Pool;
const NOW = new Date('2026-11-30T03:00:00.000Z');
beforeAll(async () => {
  server = await startTestPostgres();
  pool = await registerDb(server);
});
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

async function visitRow(uid: string) {
  const { rows } = await pool.query('SELECT status, called_at, served_at, cancelled_at, payer, patient_uid, rev::int AS rev FROM visits WHERE uid = $1', [uid]);
  return rows[0];
}
const noticesOf = async (subject: string) => (await pool.query('SELECT kind, params FROM notices WHERE $1 = ANY(subjects)', [subject])).rows;

describe('a push is applied once', () => {
  it('the same ops twice: duplicates the second time, nothing changes, revisions stay', async () => {
    const p = patient({ mrn: '000101' });
    const v = visit(p.uid);
    const ops = [
      patientOp(p),
      visitOp(v),
      statusOp(v.uid, at(5), 'called', { calledAt: at(5) }),
      op('print', at(1), { record: { uid: uuidv7(), visitUid: v.uid, printedAt: at(1), clerk: 'c', kind: 'print', paper: '80mm', printer: null } }),
      op('recheck', at(2), { record: { uid: uuidv7(), visitUid: v.uid, checkedAt: at(2), service: 'vclaim', before: null, after: 'active', liveStatus: null, action: 'none' } }),
      op('followUp', at(3), { record: { uid: uuidv7(), visitUid: v.uid, kind: 'sep', reason: 'no-sep', dueAt: at(60), createdAt: at(3), closedAt: null, resolution: null } }),
    ];
    const first = await applyOps(pool, 'k1', ops, NOW);
    expect(first.results.map((r) => r.status)).toEqual(Array(ops.length).fill('applied'));
    const before = await snapshot(pool);
    const second = await applyOps(pool, 'k1', ops, NOW);
    expect(second.results.map((r) => r.status)).toEqual(Array(ops.length).fill('duplicate'));
    expect(await snapshot(pool)).toBe(before);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM applied_ops WHERE op_id = ANY($1::uuid[])', [ops.map((o) => o.opId)]);
    expect(rows[0].n).toBe(ops.length);
  });

  it('one op twice in one push is applied once', async () => {
    const p = patient({ mrn: '000102' });
    const o = patientOp(p);
    const { results } = await applyOps(pool, 'k1', [o, o], NOW);
    expect(results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('an op naming an unknown visit or patient is rejected and not kept, so a retry is judged again', async () => {
    const p = patient({ mrn: '000103' });
    const v = visit(p.uid);
    const early = visitOp(v);
    const rejected = await applyOps(pool, 'k1', [early, statusOp(uuidv7(), at(1), 'called', { calledAt: at(1) })], NOW);
    expect(rejected.results.map((r) => [r.status, r.reason])).toEqual([['rejected', 'unknown-patient'], ['rejected', 'unknown-visit']]);
    const retried = await applyOps(pool, 'k1', [patientOp(p), early], NOW);
    expect(retried.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await visitRow(v.uid)).toMatchObject({ patient_uid: p.uid });
  });

  it('every record touched gets a new revision, in the order of the push', async () => {
    const p = patient({ mrn: '000104' });
    const v = visit(p.uid);
    await applyOps(pool, 'k1', [patientOp(p), visitOp(v)], NOW);
    const revBefore = (await visitRow(v.uid)).rev;
    await applyOps(pool, 'k1', [op('visit.payer', at(9), { uid: v.uid, payer: 'umum' })], NOW);
    const after = await visitRow(v.uid);
    expect(after.payer).toBe('umum');
    expect(after.rev).toBeGreaterThan(revBefore);
  });
});

describe('conflict rules', () => {
  let numbers = 100;
  async function registered(status: 'waiting' | 'called' = 'waiting') {
    const p = patient({ mrn: uuidv7().slice(-6) });
    // Each visit its own number: one number on two visits is a notice of its own (register-numbers.test.ts).
    const v = visit(p.uid, { status, queueNo: ++numbers });
    await applyOps(pool, 'k1', [patientOp(p), visitOp(v)], NOW);
    return { p, v };
  }

  it('visit.status: the later at wins, whichever arrives first', async () => {
    const { v } = await registered();
    await applyOps(pool, 'k2', [statusOp(v.uid, at(20), 'called', { calledAt: at(20) })], NOW);
    await applyOps(pool, 'k1', [statusOp(v.uid, at(10), 'waiting')], NOW);
    expect((await visitRow(v.uid)).status).toBe('called');
    await applyOps(pool, 'k1', [statusOp(v.uid, at(30), 'waiting', { calledAt: at(20) })], NOW);
    expect((await visitRow(v.uid)).status).toBe('waiting');
  });

  it('served is never replaced by a later cancelled: served stays and a notice is issued', async () => {
    const { v } = await registered();
    await applyOps(pool, 'k1', [statusOp(v.uid, at(10), 'served', { calledAt: at(5), servedAt: at(10) })], NOW);
    const { results } = await applyOps(pool, 'k2', [statusOp(v.uid, at(20), 'cancelled', { cancelledAt: at(20) })], NOW);
    expect(results[0]!.status).toBe('applied');
    expect(await visitRow(v.uid)).toMatchObject({ status: 'served', served_at: at(10), cancelled_at: null });
    expect(await noticesOf(v.uid)).toEqual([{ kind: 'status-conflict', params: expect.objectContaining({ kept: 'served', refused: 'cancelled' }) }]);
  });

  it('served arriving after an earlier-applied later cancel still wins, with a notice', async () => {
    const { v } = await registered();
    await applyOps(pool, 'k2', [statusOp(v.uid, at(20), 'cancelled', { cancelledAt: at(20) })], NOW);
    await applyOps(pool, 'k1', [statusOp(v.uid, at(10), 'served', { calledAt: at(5), servedAt: at(10) })], NOW);
    expect(await visitRow(v.uid)).toMatchObject({ status: 'served', served_at: at(10), called_at: at(5) });
    expect((await noticesOf(v.uid)).map((n) => n.kind)).toEqual(['status-conflict']);
  });

  it('two counters calling one patient: the first call time stays', async () => {
    const { v } = await registered();
    await applyOps(pool, 'k2', [statusOp(v.uid, at(12), 'called', { calledAt: at(12) })], NOW);
    await applyOps(pool, 'k1', [statusOp(v.uid, at(11), 'called', { calledAt: at(11) })], NOW);
    expect((await visitRow(v.uid)).called_at).toBe(at(11));
    await applyOps(pool, 'k1', [statusOp(v.uid, at(15), 'called', { calledAt: at(15) })], NOW);
    expect((await visitRow(v.uid)).called_at).toBe(at(11));
  });

  it('visit.payer: the later at wins', async () => {
    const { v } = await registered();
    await applyOps(pool, 'k1', [op('visit.payer', at(20), { uid: v.uid, payer: 'umum' })], NOW);
    await applyOps(pool, 'k2', [op('visit.payer', at(10), { uid: v.uid, payer: 'jamkesda' })], NOW);
    expect((await visitRow(v.uid)).payer).toBe('umum');
    await applyOps(pool, 'k2', [op('visit.payer', at(30), { uid: v.uid, payer: 'jamkesda' })], NOW);
    expect((await visitRow(v.uid)).payer).toBe('jamkesda');
  });

  it('visit.patient: the later at wins', async () => {
    const { v } = await registered();
    const other = patient({ mrn: 'X-1', name: 'BUDI' });
    const third = patient({ mrn: 'X-2', name: 'ANI' });
    await applyOps(pool, 'k1', [patientOp(other), patientOp(third), op('visit.patient', at(20), { uid: v.uid, patientUid: other.uid })], NOW);
    await applyOps(pool, 'k2', [op('visit.patient', at(10), { uid: v.uid, patientUid: third.uid })], NOW);
    expect((await visitRow(v.uid)).patient_uid).toBe(other.uid);
  });

  it('a visit is inserted once: a second insert of its uid changes nothing (its queue number stays)', async () => {
    const { v } = await registered();
    const { results } = await applyOps(pool, 'k2', [visitOp({ ...v, queueNo: 99 })], NOW);
    expect(results[0]!.status).toBe('duplicate');
    expect((await pool.query('SELECT queue_no FROM visits WHERE uid = $1', [v.uid])).rows[0].queue_no).toBe(v.queueNo);
  });

  it('followUp: later at wins, and a closed follow-up is never reopened', async () => {
    const { v } = await registered();
    const f = { uid: uuidv7(), visitUid: v.uid, kind: 'sep', reason: 'no-sep', dueAt: at(60), createdAt: at(1), closedAt: null, resolution: null };
    await applyOps(pool, 'k1', [op('followUp', at(1), { record: f })], NOW);
    await applyOps(pool, 'k1', [op('followUp', at(20), { record: { ...f, closedAt: at(20), resolution: 'done' } })], NOW);
    await applyOps(pool, 'k2', [op('followUp', at(10), { record: { ...f, reason: 'older' } })], NOW);
    await applyOps(pool, 'k2', [op('followUp', at(30), { record: { ...f, reason: 'newer-open' } })], NOW);
    const { rows } = await pool.query('SELECT reason, closed_at, resolution FROM follow_ups WHERE uid = $1', [f.uid]);
    expect(rows[0]).toEqual({ reason: 'newer-open', closed_at: at(20), resolution: 'done' });
  });

  it('patient fields: the later at wins; the RM stays', async () => {
    const p = patient({ mrn: '000150', name: 'SITI' });
    await applyOps(pool, 'k1', [patientOp(p, at(10))], NOW);
    await applyOps(pool, 'k2', [patientOp({ ...p, mrn: '999', name: 'SITI LAMA' }, at(5))], NOW);
    await applyOps(pool, 'k2', [patientOp({ ...p, mrn: '999', name: 'SITI BARU', address: 'JL. BARU' }, at(15))], NOW);
    const { rows } = await pool.query('SELECT mrn, name, address FROM patients WHERE uid = $1', [p.uid]);
    expect(rows[0]).toEqual({ mrn: '000150', name: 'SITI BARU', address: 'JL. BARU' });
  });
});

// The old RM ("RM lama", a paper-era card's number): a field like the others, with an older counter's silence kept.
const oldMrnOf = async (uid: string): Promise<string | null> => (await pool.query<{ old_mrn: string | null }>('SELECT old_mrn FROM patients WHERE uid = $1', [uid])).rows[0]!.old_mrn;

describe('a patient\'s old RM at the hub', () => {
  it('arrives with the record, goes out in the pull; the later op wins; an op without the field (an older counter) keeps it', async () => {
    const aminah = patient({ mrn: '000014', name: 'AMINAH', oldMrn: '000013' });
    await applyOps(pool, 'k1', [patientOp(aminah)], NOW);
    expect(await oldMrnOf(aminah.uid)).toBe('000013');
    expect((await pull(pool, 0)).patients.find((p) => p.uid === aminah.uid)?.oldMrn).toBe('000013');

    // An older counter corrects the address: its op has no old RM, and the hub keeps the one it has.
    const { oldMrn: _, ...older } = aminah;
    await applyOps(pool, 'k2', [patientOp({ ...older, address: 'JL. BARU', updatedAt: at(5) })], NOW);
    expect(await oldMrnOf(aminah.uid)).toBe('000013');

    // A correction (F3) of the old RM at another counter, then an earlier op arriving late: the later one stands.
    await applyOps(pool, 'k2', [patientOp({ ...aminah, oldMrn: '000031', updatedAt: at(10) })], NOW);
    await applyOps(pool, 'k1', [patientOp({ ...aminah, oldMrn: '000099', updatedAt: at(7) })], NOW);
    expect(await oldMrnOf(aminah.uid)).toBe('000031');
    await applyOps(pool, 'k1', [patientOp({ ...aminah, oldMrn: null, updatedAt: at(12) })], NOW);
    expect(await oldMrnOf(aminah.uid)).toBeNull();
  });

  it('a merge (the same NIK at two counters) gives the survivor the old RM it lacked', async () => {
    const nik = '3201010101800001';
    const first = patient({ mrn: '000020', nik, name: 'BUDI', createdAt: at(0), updatedAt: at(0) });
    const second = patient({ mrn: 'K2-000001', nik, name: 'BUDI', oldMrn: '4521', createdAt: at(3), updatedAt: at(3) });
    await applyOps(pool, 'k1', [patientOp(first)], NOW);
    await applyOps(pool, 'k2', [patientOp(second)], NOW);
    const { rows } = await pool.query<{ merged_into: string | null }>('SELECT merged_into FROM patients WHERE uid = $1', [second.uid]);
    expect(rows[0]!.merged_into).toBe(first.uid);
    expect(await oldMrnOf(first.uid)).toBe('4521');
  });
});
