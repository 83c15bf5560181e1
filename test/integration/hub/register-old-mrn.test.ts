import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { pull } from '../../../src/hub/register/pull';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, patient, patientOp, registerDb } from './register-db';

/** The old RM ("RM lama", a paper-era card's number) at the hub: a field like the others, with an older counter's silence kept. */
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
