import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/hub/pg/migrate';
import { HUB_MIGRATIONS } from '../../../src/hub/pg/migrations';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { reserveMrnBlock } from '../../../src/hub/register/mrn-block';
import { moveMrnSequencePastRegister, mrnSequenceValue } from '../../../src/hub/register/mrn-seed';
import { nextQueueNumber } from '../../../src/hub/register/queue-number';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { patient, patientOp, registerDb, visit, visitOp } from './register-db';

let server: TestPostgres;
let pool: pg.Pool;
const NOW = new Date('2026-11-30T03:00:00.000Z');
beforeAll(async () => {
  server = await startTestPostgres();
  pool = await registerDb(server, { mrnFormat: 'RM-{seq:6}' });
});
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

describe('queue numbers', () => {
  it('many concurrent requests for one unit and day: no number twice, no gap', async () => {
    const asks = Array.from({ length: 120 }, () => ({ visitUid: uuidv7(), unit: 'POLI-GIGI', serviceDate: '2026-11-30', prefix: 'G' }));
    const numbers = await Promise.all(asks.map((req) => nextQueueNumber(pool, req)));
    expect(numbers.map((n) => n.queueNo).sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('idempotent per visit: asking again (also concurrently) gives the same number', async () => {
    const req = { visitUid: uuidv7(), unit: 'POLI-ANAK', serviceDate: '2026-11-30', prefix: 'A' };
    const first = await nextQueueNumber(pool, req);
    const again = await Promise.all(Array.from({ length: 10 }, () => nextQueueNumber(pool, req)));
    expect(again).toEqual(Array(10).fill(first));
    const other = await nextQueueNumber(pool, { ...req, visitUid: uuidv7() });
    expect(other.queueNo).toBe(first.queueNo + 1);
  });

  it('one sequence per unit, day and prefix', async () => {
    const base = { unit: 'POLI-MATA', serviceDate: '2026-11-30', prefix: 'M' };
    const ask = (over: Partial<typeof base>) => nextQueueNumber(pool, { ...base, ...over, visitUid: uuidv7() });
    expect((await ask({})).queueNo).toBe(1);
    expect((await ask({})).queueNo).toBe(2);
    expect((await ask({ serviceDate: '2026-12-01' })).queueNo).toBe(1);
    expect((await ask({ prefix: 'MX' })).queueNo).toBe(1);
    expect((await ask({ unit: 'POLI-THT' })).queueNo).toBe(1);
  });
});

describe('the IGD after midnight (finding F2, night tester)', () => {
  it('while last night\'s emergencies are open, the new day\'s numbers of their prefix go on after the highest; a poli starts at 1', async () => {
    const night = [1, 2].map((n) => {
      const p = patient({ mrn: `N${uuidv7().slice(-5)}`, name: `MALAM ${n}` });
      return [patientOp(p), visitOp(visit(p.uid, { serviceDate: '2026-12-04', unit: 'IGD-N', queuePrefix: 'GDN', queueNo: n, emergency: true, status: n === 1 ? 'called' : 'waiting' }))];
    });
    const leftover = patient({ mrn: `N${uuidv7().slice(-5)}`, name: 'POLI KEMARIN' });
    await applyOps(pool, 'k1', [...night.flat(), patientOp(leftover), visitOp(visit(leftover.uid, { serviceDate: '2026-12-04', unit: 'POLI-N', queuePrefix: 'PN', queueNo: 1 }))], NOW);
    const ask = (unit: string, prefix: string) => nextQueueNumber(pool, { visitUid: uuidv7(), unit, serviceDate: '2026-12-05', prefix });
    expect((await ask('IGD-N', 'GDN')).queueNo).toBe(3);
    expect((await ask('IGD-N', 'GDN')).queueNo).toBe(4);
    expect((await ask('POLI-N', 'PN')).queueNo).toBe(1); // a poli's leftover went home: in no queue
  });
});

describe('numbers the hub did not hand out (a counter that numbered alone before it enrolled)', () => {
  const day = '2026-12-01';
  const ask = (unit: string, prefix: string) => nextQueueNumber(pool, { visitUid: uuidv7(), unit, serviceDate: day, prefix });
  /** A counter that worked alone this morning pushes its patients and visits at enrolment, numbered as printed. */
  async function islandPushes(unit: string, prefix: string, numbers: number[], name = 'PASIEN PAGI') {
    const ops = numbers.flatMap((n) => {
      const p = patient({ mrn: `I${uuidv7().slice(-5)}`, name: `${name} ${n}` });
      return [patientOp(p), visitOp(visit(p.uid, { serviceDate: day, unit, queuePrefix: prefix, queueNo: n, counter: 'k4' }))];
    });
    return applyOps(pool, 'k4', ops, NOW);
  }
  const noticesOfDay = async (unit: string) =>
    (await pool.query(`SELECT kind, cardinality(subjects) AS n, params FROM notices WHERE kind = 'same-queue-number' AND params->>'unit' = $1 ORDER BY rev`, [unit])).rows;

  it('the hub never hands out a number already in its register: the sequence moves past pushed numbers, never back', async () => {
    expect((await ask('POLI-KIA', 'K')).queueNo).toBe(1);
    await islandPushes('POLI-KIA', 'K', [1, 2, 3, 4, 5]);
    expect((await ask('POLI-KIA', 'K')).queueNo).toBe(6);
    // A late island with lower numbers does not move it back; numbers behind other prefixes are their own.
    await islandPushes('POLI-KIA', 'K', [2]);
    await islandPushes('POLI-KIA', 'K4-K', [9]);
    expect((await ask('POLI-KIA', 'K')).queueNo).toBe(7);
    // A unit the hub never numbered today starts after the island's numbers.
    await islandPushes('POLI-JIWA', 'J', [1, 2]);
    expect((await ask('POLI-JIWA', 'J')).queueNo).toBe(3);
  });

  it('a number already on another visit: both kept, and a same-queue-number notice names both patients', async () => {
    const online = patient({ mrn: '000801', name: 'ANI ONLINE' });
    const { queueNo } = await ask('POLI-GIZI', 'Z');
    await applyOps(pool, 'k1', [patientOp(online), visitOp(visit(online.uid, { serviceDate: day, unit: 'POLI-GIZI', queuePrefix: 'Z', queueNo }))], NOW);
    expect(await noticesOfDay('POLI-GIZI')).toEqual([]);
    const { results } = await islandPushes('POLI-GIZI', 'Z', [1, 2], 'BENI PULAU');
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const { rows } = await pool.query(`SELECT queue_no FROM visits WHERE unit = 'POLI-GIZI' ORDER BY queue_no`);
    expect(rows.map((r) => r.queue_no)).toEqual([1, 1, 2]);
    expect(await noticesOfDay('POLI-GIZI')).toEqual([
      { kind: 'same-queue-number', n: 2, params: { queue: 'Z-001', unit: 'POLI-GIZI', date: day, name: 'BENI PULAU 1', otherNames: 'ANI ONLINE' } },
    ]);
  });

  it('migration 008 brings the sequences of a register that already holds pushed numbers past them', async () => {
    const url = await server.createDatabase(`numbers_migration_${process.pid}`);
    const old = new pg.Pool({ connectionString: url });
    try {
      await migrate(old, HUB_MIGRATIONS.filter((m) => m.version < 8));
      // As a hub before 008 left it: the island's U-001..U-004 in the register, its sequence at the one number it gave.
      await old.query(`INSERT INTO patients (uid, mrn, name, name_key, identified, created_at, updated_at, rev, changed_at, origin_counter)
        VALUES ('${uuidv7()}', '000001', 'A', 'a', true, 't', 't', 1, now(), 'k1')`);
      await old.query(`INSERT INTO visits (uid, patient_uid, service_date, unit, queue_prefix, queue_no, emergency, payer, status, registered_at, registered_by, counter, rev, status_at, payer_at, patient_at)
        SELECT gen_random_uuid(), (SELECT uid FROM patients), '${day}', 'UMUM', 'U', n, false, 'umum', 'waiting', 't', 'c', 'k4', n + 1, now(), now(), now() FROM generate_series(1, 4) AS n`);
      await old.query(`INSERT INTO queue_numbers (unit, service_date, prefix, next) VALUES ('UMUM', '${day}', 'U', 1)`);
      expect(await migrate(old)).toEqual(HUB_MIGRATIONS.filter((m) => m.version >= 8).map((m) => m.version));
      expect((await nextQueueNumber(old, { visitUid: uuidv7(), unit: 'UMUM', serviceDate: day, prefix: 'U' })).queueNo).toBe(5);
      expect((await nextQueueNumber(old, { visitUid: uuidv7(), unit: 'UMUM', serviceDate: day, prefix: 'U4' })).queueNo).toBe(1);
    } finally {
      await old.end();
    }
  });
});

describe('record-number blocks', () => {
  it('concurrent reservations never overlap and are recorded per counter', async () => {
    const blocks = await Promise.all(Array.from({ length: 40 }, (_, i) => reserveMrnBlock(pool, `k${i % 5}`, 10 + i, NOW)));
    const sorted = [...blocks].sort((a, b) => a.first - b.first);
    for (const [i, block] of sorted.entries()) {
      expect(block.last - block.first + 1).toBeGreaterThanOrEqual(10);
      if (i > 0) expect(block.first).toBe(sorted[i - 1]!.last + 1);
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM mrn_blocks');
    expect(rows[0].n).toBe(40);
  });

  it('RMs seen in pushes (an island before enrollment) move the facility sequence past them, never back', async () => {
    const { last } = await reserveMrnBlock(pool, 'k1', 10, NOW);
    await applyOps(pool, 'k9', [patientOp(patient({ mrn: `RM-${String(last + 500).padStart(6, '0')}` })), patientOp(patient({ mrn: 'OLD/77' }))], NOW);
    const next = await reserveMrnBlock(pool, 'k1', 10, NOW);
    expect(next.first).toBe(last + 501);
    await applyOps(pool, 'k9', [patientOp(patient({ mrn: 'RM-000003' }))], NOW);
    expect((await reserveMrnBlock(pool, 'k1', 10, NOW)).first).toBe(next.last + 1);
  });

  it('reads the sequence value through the facility format', () => {
    expect(mrnSequenceValue('RM-000123', 'RM-{seq:6}')).toBe(123);
    expect(mrnSequenceValue('000123', '{seq:6}')).toBe(123);
    expect(mrnSequenceValue('12.34', '{seq}.34')).toBe(12);
    expect(mrnSequenceValue('X-000123', 'RM-{seq:6}')).toBeNull();
    expect(mrnSequenceValue('RM-12a', 'RM-{seq}')).toBeNull();
    // Every part a format may have: the year (any), the facility code, letters as the counter writes them (upper case).
    expect(mrnSequenceValue('RM-2025-00123', 'RM-{yyyy}-{seq:5}')).toBe(123);
    expect(mrnSequenceValue('RM/26/123', 'RM/{yy}/{seq}')).toBe(123);
    expect(mrnSequenceValue('RSKS.000123', '{code}.{seq:6}', 'RSKS')).toBe(123);
    expect(mrnSequenceValue('OTHER.000123', '{code}.{seq:6}', 'RSKS')).toBeNull();
    expect(mrnSequenceValue('RM-000123', 'rm-{seq:6}')).toBe(123);
  });
});

describe('record-number blocks never hold an RM already in the register (formats with a year or a code)', () => {
  it('an island\'s RMs with the year in them move the sequence past them at the push', async () => {
    const yearly = await registerDb(server, { mrnFormat: 'RM-{yyyy}-{seq:5}' });
    try {
      await reserveMrnBlock(yearly, 'k1', 200, NOW); // 1-200, handed out before the island enrolled
      await applyOps(yearly, 'k9', [patientOp(patient({ mrn: 'RM-2026-00339' }))], NOW);
      expect(await reserveMrnBlock(yearly, 'k2', 200, NOW)).toEqual({ first: 340, last: 539 });
    } finally {
      await yearly.end();
    }
  });

  it('at the hub\'s start, the sequence moves past every RM in the register, read with the current format and code', async () => {
    const coded = await registerDb(server, { mrnFormat: '{code}-{seq:6}', facilityCode: 'RSKS' });
    try {
      await reserveMrnBlock(coded, 'k1', 10, NOW); // 1-10
      // RMs a hub of an earlier version took without moving the sequence (it did not read {code} or {yyyy}).
      for (const [uid, mrn] of [['01a22d0a-0000-7000-8000-000000000001', 'RSKS-000480'], ['01a22d0a-0000-7000-8000-000000000002', 'OLD/999999'], ['01a22d0a-0000-7000-8000-000000000003', 'rsks-000470']]) {
        await coded.query(
          `INSERT INTO patients (uid, mrn, name, name_key, identified, created_at, updated_at, changed_at, origin_counter, rev) VALUES ($1, $2, 'X', 'x', true, $3, $3, $4, 'k9', nextval('hub_rev'))`,
          [uid, mrn, NOW.toISOString(), NOW],
        );
      }
      expect((await reserveMrnBlock(coded, 'k1', 10, NOW)).first).toBe(11);
      await moveMrnSequencePastRegister(coded);
      expect((await reserveMrnBlock(coded, 'k1', 10, NOW)).first).toBe(481);
      await moveMrnSequencePastRegister(coded); // never backwards
      expect((await reserveMrnBlock(coded, 'k1', 10, NOW)).first).toBe(491);
    } finally {
      await coded.end();
    }
  });
});

describe('the facility\'s first RM sequence number (mrnStart: after a paper era\'s numbers)', () => {
  it('blocks begin at the start at the least; a start raised later moves forward, one lowered changes nothing', async () => {
    const paper = await registerDb(server, { mrnFormat: '{seq:6}', mrnStart: 200000 });
    try {
      expect(await reserveMrnBlock(paper, 'k1', 10, NOW)).toEqual({ first: 200000, last: 200009 });
      expect((await reserveMrnBlock(paper, 'k2', 10, NOW)).first).toBe(200010);
      await paper.query(`UPDATE facility_settings SET json = json || '{"mrnStart": 300000}'::jsonb`);
      expect((await reserveMrnBlock(paper, 'k1', 10, NOW)).first).toBe(300000);
      await paper.query(`UPDATE facility_settings SET json = json || '{"mrnStart": 5}'::jsonb`);
      expect((await reserveMrnBlock(paper, 'k1', 10, NOW)).first).toBe(300010);
    } finally {
      await paper.end();
    }
  });
});
