import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, op, patient, patientOp, registerDb, snapshot, visit, visitOp } from './register-db';

let server: TestPostgres;
let pool: pg.Pool;
const NOW = new Date('2026-11-30T03:00:00.000Z');
beforeAll(async () => {
  server = await startTestPostgres();
});
beforeEach(async () => {
  pool = await registerDb(server);
});
afterEach(async () => pool.end());
afterAll(async () => server?.stop());

const patientRow = async (uid: string) =>
  (await pool.query('SELECT mrn, nik, card, merged_into, rev::int AS rev FROM patients WHERE uid = $1', [uid])).rows[0];
const aliases = async () => (await pool.query('SELECT mrn, patient_uid FROM mrn_aliases ORDER BY mrn')).rows;
const notices = async () => (await pool.query('SELECT kind, subjects::text[] AS subjects, params FROM notices ORDER BY rev')).rows;
const visitsOf = async (patientUid: string) => (await pool.query('SELECT uid FROM visits WHERE patient_uid = $1 ORDER BY uid', [patientUid])).rows.map((r) => r.uid);

describe('merges by identity', () => {
  it('the same NIK from two counters: the one created first keeps its RM, the other becomes an alias, its visits move', async () => {
    const older = patient({ mrn: '000200', nik: '3201010101010001', name: 'SITI AMINAH', createdAt: at(0) });
    const newer = patient({ mrn: '000350', nik: '3201010101010001', name: 'SITI AMINAH', createdAt: at(30) });
    const olderVisit = visit(older.uid, { counter: 'k1' });
    const newerVisit = visit(newer.uid, { counter: 'k2', queuePrefix: 'K2-U' });
    // The newer one reaches the hub first: arrival order does not decide, creation time does.
    await applyOps(pool, 'k2', [patientOp(newer), visitOp(newerVisit)], NOW);
    const revBefore = (await pool.query('SELECT rev::int AS rev FROM visits WHERE uid = $1', [newerVisit.uid])).rows[0].rev;
    await applyOps(pool, 'k1', [patientOp(older), visitOp(olderVisit)], NOW);
    expect(await patientRow(older.uid)).toMatchObject({ mrn: '000200', merged_into: null });
    expect(await patientRow(newer.uid)).toMatchObject({ mrn: '000350', merged_into: older.uid });
    expect(await aliases()).toEqual([{ mrn: '000350', patient_uid: older.uid }]);
    expect(await visitsOf(older.uid)).toEqual([olderVisit.uid, newerVisit.uid].sort());
    expect((await pool.query('SELECT rev::int AS rev FROM visits WHERE uid = $1', [newerVisit.uid])).rows[0].rev).toBeGreaterThan(revBefore);
    expect(await notices()).toEqual([
      { kind: 'patient-merged', subjects: [older.uid, newer.uid], params: expect.objectContaining({ survivorMrn: '000200', mergedMrn: '000350', name: 'SITI AMINAH' }) },
    ]);
  });

  it('same creation time: the lower RM survives', async () => {
    const a = patient({ mrn: '000900', nik: '3201010101010002' });
    const b = patient({ mrn: '001000', nik: '3201010101010002' });
    await applyOps(pool, 'k2', [patientOp(b)], NOW);
    await applyOps(pool, 'k1', [patientOp(a)], NOW);
    expect((await patientRow(b.uid)).merged_into).toBe(a.uid);
  });

  it('card only (no NIK): merged by card number, and the survivor takes the NIK it lacked', async () => {
    const older = patient({ mrn: '000201', card: '0001234567890', createdAt: at(0) });
    const newer = patient({ mrn: '000202', card: '0001234567890', createdAt: at(5) });
    await applyOps(pool, 'k1', [patientOp(older), patientOp(newer)], NOW);
    expect((await patientRow(newer.uid)).merged_into).toBe(older.uid);
    const withNik = patient({ mrn: '000203', card: '0001234567890', nik: '3201010101010003', createdAt: at(10) });
    await applyOps(pool, 'k2', [patientOp(withNik)], NOW);
    // NIK first: withNik has a NIK nobody has, so no merge by card for it.
    expect((await patientRow(withNik.uid)).merged_into).toBeNull();
  });

  it('same normalized name and birth date without NIK and card: never merged, flagged', async () => {
    const a = patient({ mrn: '000210', name: 'Hj. Siti  Aminah', dob: '1970-01-01' });
    const b = patient({ mrn: '000211', name: 'SITI AMINAH', dob: '1970-01-01' });
    await applyOps(pool, 'k1', [patientOp(a)], NOW);
    await applyOps(pool, 'k2', [patientOp(b)], NOW);
    expect((await patientRow(a.uid)).merged_into).toBeNull();
    expect((await patientRow(b.uid)).merged_into).toBeNull();
    expect(await notices()).toEqual([{ kind: 'possible-duplicate', subjects: [b.uid, a.uid], params: expect.objectContaining({ reason: 'name-dob', mrn: '000211', otherMrns: '000210' }) }]);
  });

  it('an emergency patient identified later (gains a NIK another has) is merged into the older patient', async () => {
    const known = patient({ mrn: '000100', nik: '3201010101010004', name: 'BUDI SANTOSO', createdAt: at(-100_000) });
    const emergency = patient({ mrn: '000400', name: 'TANPA NAMA IGD', identified: false, dob: null, sex: 'L', createdAt: at(0) });
    const igdVisit = visit(emergency.uid, { unit: 'IGD', queuePrefix: 'G', emergency: true });
    await applyOps(pool, 'k1', [patientOp(known), patientOp(emergency), visitOp(igdVisit)], NOW);
    expect(await notices()).toEqual([]);
    await applyOps(pool, 'k2', [patientOp({ ...emergency, nik: '3201010101010004', name: 'BUDI SANTOSO', identified: true, updatedAt: at(40) }, at(40))], NOW);
    expect((await patientRow(emergency.uid)).merged_into).toBe(known.uid);
    expect(await visitsOf(known.uid)).toEqual([igdVisit.uid]);
    expect(await aliases()).toEqual([{ mrn: '000400', patient_uid: known.uid }]);
    expect((await notices()).map((n) => n.kind)).toEqual(['patient-merged']);
  });

  it('a chain: a patient merged earlier follows its survivor when that one is merged in turn', async () => {
    const a = patient({ mrn: 'A', card: '0000000000001', createdAt: at(0) });
    const b = patient({ mrn: 'B', card: '0000000000001', createdAt: at(1) });
    const c = patient({ mrn: 'C', nik: '3201010101010005', createdAt: at(-10) });
    await applyOps(pool, 'k1', [patientOp(a), patientOp(b), patientOp(c)], NOW);
    expect((await patientRow(b.uid)).merged_into).toBe(a.uid);
    await applyOps(pool, 'k1', [patientOp({ ...a, nik: '3201010101010005', updatedAt: at(50) }, at(50))], NOW);
    expect((await patientRow(a.uid)).merged_into).toBe(c.uid);
    expect((await patientRow(b.uid)).merged_into).toBe(c.uid);
    expect(await aliases()).toEqual([{ mrn: 'A', patient_uid: c.uid }, { mrn: 'B', patient_uid: c.uid }]);
  });

  it('a visit registered for a merged patient lands on the survivor', async () => {
    const older = patient({ mrn: '1', nik: '3201010101010006', createdAt: at(0) });
    const newer = patient({ mrn: '2', nik: '3201010101010006', createdAt: at(1) });
    await applyOps(pool, 'k1', [patientOp(older), patientOp(newer)], NOW);
    const late = visit(newer.uid);
    await applyOps(pool, 'k2', [visitOp(late)], NOW);
    expect(await visitsOf(older.uid)).toEqual([late.uid]);
  });
});

describe('record numbers from before enrollment', () => {
  it('two islands that used one RM: both kept, a notice flags them', async () => {
    const a = patient({ mrn: '000007', name: 'ANI', dob: '1990-01-01' });
    const b = patient({ mrn: '000007', name: 'BUDI', dob: '1991-02-02' });
    await applyOps(pool, 'k1', [patientOp(a)], NOW);
    const { results } = await applyOps(pool, 'k2', [patientOp(b)], NOW);
    expect(results[0]!.status).toBe('applied');
    expect((await patientRow(a.uid)).merged_into).toBeNull();
    expect((await patientRow(b.uid)).merged_into).toBeNull();
    expect(await notices()).toEqual([{ kind: 'possible-duplicate', subjects: [b.uid, a.uid], params: expect.objectContaining({ reason: 'same-mrn', mrn: '000007' }) }]);
  });
});

const mergeOp = (survivorUid: string, merged: ReturnType<typeof patient>) => op('patient.merge', at(60), { survivorUid, merged });

/** patient.merge: two records of one person joined by an administrator at a counter (searchtester S9). */
describe('patient.merge at the hub', () => {
  it('a record the hub never saw is taken and joined at once; its visits (pushed under the survivor) stay there', async () => {
    const dewi = patient({ mrn: '000032', nik: '3671024312920005', name: 'DEWI LESTARI', createdAt: at(0) });
    const dewy = patient({ mrn: '000048', name: 'DEWY LESTARI', createdAt: at(10) });
    await applyOps(pool, 'k1', [patientOp(dewi), visitOp(visit(dewi.uid))], NOW);
    const result = await applyOps(pool, 'k1', [mergeOp(dewi.uid, dewy)], NOW);
    expect(result.results.map((r) => r.status)).toEqual(['applied']);
    expect(await patientRow(dewy.uid)).toMatchObject({ mrn: '000048', nik: null, merged_into: dewi.uid });
    expect((await pool.query('SELECT patient_uid FROM mrn_aliases WHERE mrn = $1', ['000048'])).rows).toEqual([{ patient_uid: dewi.uid }]);
    // The RM sequence moves past the merged record's RM too: the number is never given again.
    expect((await pool.query('SELECT next::int AS next FROM mrn_sequence')).rows[0].next).toBeGreaterThan(48);
  });

  it('follows a record merged meanwhile to its survivor; both already one record: nothing changes; an unknown survivor is refused', async () => {
    const a = patient({ mrn: '000001', nik: '3671024312920005', createdAt: at(0) });
    const b = patient({ mrn: '000002', nik: '3671024312920005', createdAt: at(5) }); // merged into a by NIK
    const c = patient({ mrn: '000003', createdAt: at(10) });
    await applyOps(pool, 'k1', [patientOp(a), patientOp(b), patientOp(c)], NOW);
    expect((await patientRow(b.uid)).merged_into).toBe(a.uid);
    // A counter that had not pulled the NIK merge joins c into b: c goes to a, where b lives on.
    await applyOps(pool, 'k2', [mergeOp(b.uid, c)], NOW);
    expect((await patientRow(c.uid)).merged_into).toBe(a.uid);
    const before = await snapshot(pool);
    expect((await applyOps(pool, 'k2', [mergeOp(a.uid, b)], NOW)).results[0]!.status).toBe('applied');
    expect(await snapshot(pool)).toBe(before);
    const stranger = patient({ mrn: '000009' });
    expect((await applyOps(pool, 'k2', [mergeOp(stranger.uid, c)], NOW)).results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-patient' });
  });
});

/**
 * What the survivor takes from the merged record: the same fields, by the same rule, as a late
 * edit of a merged record (fill-survivor.ts): NIK, card, birth date, sex, address, old RM, only
 * where the survivor has none, never a number another live record holds; the notice names both.
 */
describe('what a merge fills on the survivor', () => {
  const filledRow = async (uid: string) => (await pool.query('SELECT nik, card, dob, sex, address, old_mrn FROM patients WHERE uid = $1', [uid])).rows[0];
  const mergeNotice = async () => (await notices()).filter((n) => n.kind === 'patient-merged').at(-1)?.params;

  it('a survivor without birth date, sex and address takes them (and the NIK, card, old RM) from the merged record', async () => {
    const bare = patient({ mrn: '000500', name: 'DEWY LESTARI', dob: null, sex: null, address: null, createdAt: at(0) });
    const full = patient({ mrn: '000501', name: 'DEWI LESTARI', nik: '3671024312920005', card: '0001234567891', dob: '1992-12-03', sex: 'P', address: 'JL. MAWAR 9', oldMrn: '000777', createdAt: at(5) });
    await applyOps(pool, 'k1', [patientOp(bare), patientOp(full)], NOW);
    const revBefore = (await patientRow(bare.uid)).rev;
    await applyOps(pool, 'k1', [mergeOp(bare.uid, full)], NOW);
    expect(await filledRow(bare.uid)).toEqual({ nik: '3671024312920005', card: '0001234567891', dob: '1992-12-03', sex: 'P', address: 'JL. MAWAR 9', old_mrn: '000777' });
    expect((await patientRow(bare.uid)).rev).toBeGreaterThan(revBefore);
    expect(await mergeNotice()).toEqual({ survivorMrn: '000500', mergedMrn: '000501', name: 'DEWY LESTARI', mergedName: 'DEWI LESTARI', filled: 'nik,card,dob,sex,address,oldMrn' });
  });

  it('a survivor that has them keeps its own; what differs is named as not taken', async () => {
    const own = patient({ mrn: '000510', dob: '1980-05-17', sex: 'P', address: 'JL. MELATI 1', createdAt: at(0) });
    const other = patient({ mrn: '000511', dob: '1980-05-18', sex: 'L', address: 'JL. MAWAR 2', createdAt: at(5) });
    await applyOps(pool, 'k1', [patientOp(own), patientOp(other)], NOW);
    await applyOps(pool, 'k1', [mergeOp(own.uid, other)], NOW);
    expect(await filledRow(own.uid)).toEqual({ nik: null, card: null, dob: '1980-05-17', sex: 'P', address: 'JL. MELATI 1', old_mrn: null });
    const params = await mergeNotice();
    expect(params).toMatchObject({ notFilled: 'dob,sex,address' });
    expect(params.filled).toBeUndefined();
  });

  it('a NIK another live record holds is not carried (no third record joined) and is named; the address is', async () => {
    const survivor = patient({ mrn: '000520', name: 'RINA', address: null, createdAt: at(0) });
    const holder = patient({ mrn: '000521', name: 'RINI WATI', nik: '3673014101800002', createdAt: at(1) });
    await applyOps(pool, 'k1', [patientOp(survivor), patientOp(holder)], NOW);
    // The merged record never reached the hub before its merge (no duplicate check then): its NIK is the holder's.
    const merged = patient({ mrn: '000522', name: 'RINA W', nik: '3673014101800002', address: 'JL. KENANGA 3', createdAt: at(2) });
    await applyOps(pool, 'k2', [mergeOp(survivor.uid, merged)], NOW);
    expect(await filledRow(survivor.uid)).toMatchObject({ nik: null, address: 'JL. KENANGA 3' });
    expect((await patientRow(holder.uid)).merged_into).toBeNull();
    expect(await mergeNotice()).toMatchObject({ survivorMrn: '000520', mergedMrn: '000522', filled: 'address', notFilled: 'nik' });
  });
});
