import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, op, patient, patientOp, registerDb, snapshot, visit, visitOp } from './register-db';

/** patient.merge: two records of one person joined by an administrator at a counter (searchtester S9). */
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

const mergeOp = (survivorUid: string, merged: ReturnType<typeof patient>) => op('patient.merge', at(60), { survivorUid, merged });
const row = async (uid: string) => (await pool.query('SELECT mrn, nik, merged_into FROM patients WHERE uid = $1', [uid])).rows[0];

describe('patient.merge at the hub', () => {
  it('a record the hub never saw is taken and joined at once; its visits (pushed under the survivor) stay there', async () => {
    const dewi = patient({ mrn: '000032', nik: '3671024312920005', name: 'DEWI LESTARI', createdAt: at(0) });
    const dewy = patient({ mrn: '000048', name: 'DEWY LESTARI', createdAt: at(10) });
    await applyOps(pool, 'k1', [patientOp(dewi), visitOp(visit(dewi.uid))], NOW);
    const result = await applyOps(pool, 'k1', [mergeOp(dewi.uid, dewy)], NOW);
    expect(result.results.map((r) => r.status)).toEqual(['applied']);
    expect(await row(dewy.uid)).toEqual({ mrn: '000048', nik: null, merged_into: dewi.uid });
    expect((await pool.query('SELECT patient_uid FROM mrn_aliases WHERE mrn = $1', ['000048'])).rows).toEqual([{ patient_uid: dewi.uid }]);
    // The RM sequence moves past the merged record's RM too: the number is never given again.
    expect((await pool.query('SELECT next::int AS next FROM mrn_sequence')).rows[0].next).toBeGreaterThan(48);
  });

  it('follows a record merged meanwhile to its survivor; both already one record: nothing changes; an unknown survivor is refused', async () => {
    const a = patient({ mrn: '000001', nik: '3671024312920005', createdAt: at(0) });
    const b = patient({ mrn: '000002', nik: '3671024312920005', createdAt: at(5) }); // merged into a by NIK
    const c = patient({ mrn: '000003', createdAt: at(10) });
    await applyOps(pool, 'k1', [patientOp(a), patientOp(b), patientOp(c)], NOW);
    expect((await row(b.uid)).merged_into).toBe(a.uid);
    // A counter that had not pulled the NIK merge joins c into b: c goes to a, where b lives on.
    await applyOps(pool, 'k2', [mergeOp(b.uid, c)], NOW);
    expect((await row(c.uid)).merged_into).toBe(a.uid);
    const before = await snapshot(pool);
    expect((await applyOps(pool, 'k2', [mergeOp(a.uid, b)], NOW)).results[0]!.status).toBe('applied');
    expect(await snapshot(pool)).toBe(before);
    const stranger = patient({ mrn: '000009' });
    expect((await applyOps(pool, 'k2', [mergeOp(stranger.uid, c)], NOW)).results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-patient' });
  });
});
