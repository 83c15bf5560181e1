import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOps } from '../../../src/hub/register/apply-ops';
import { lockRevisions, nextRevision } from '../../../src/hub/pg/revisions';
import { pull } from '../../../src/hub/register/pull';
import type { PullResponse } from '../../../src/shared/hub-protocol';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { at, op, patient, patientOp, registerDb, statusOp, visit, visitOp } from './register-db';

let server: TestPostgres;
const NOW = new Date('2026-11-30T03:00:00.000Z');
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => server?.stop());

const revsOf = (r: PullResponse): number[] =>
  [r.patients, r.visits, r.followUps, r.prints, r.rechecks, r.notices, r.aliases].flatMap((list: { rev: number }[]) => list.map((x) => x.rev));

/** Everything, page by page: the revisions seen, each page's size and the last cursor. */
async function pullAll(pool: pg.Pool, limit: number) {
  const pages: PullResponse[] = [];
  let after = 0;
  for (;;) {
    const page = await pull(pool, after, limit);
    pages.push(page);
    expect(page.cursor).toBeGreaterThanOrEqual(after);
    after = page.cursor;
    if (!page.more) return pages;
  }
}

describe('pull', () => {
  it('pages through every record in revision order, limit in total, more until the end', async () => {
    const pool = await registerDb(server, { facilityName: 'RSUD Test', mrnFormat: '{seq:6}' });
    try {
      for (let i = 0; i < 7; i++) {
        const p = patient({ mrn: String(i + 1).padStart(6, '0'), nik: `32010101010100${String(i).padStart(2, '0')}` });
        const v = visit(p.uid, { queueNo: i + 1 });
        await applyOps(pool, 'k1', [
          patientOp(p),
          visitOp(v),
          statusOp(v.uid, at(5), 'called', { calledAt: at(5) }),
          op('print', at(1), { record: { uid: uuidv7(), visitUid: v.uid, printedAt: at(1), clerk: 'c', kind: 'print', paper: '80mm', printer: null } }),
        ], NOW);
      }
      const all = await pull(pool, 0, 1000);
      expect(all.more).toBe(false);
      expect(all.settings).toEqual({ facilityName: 'RSUD Test', mrnFormat: '{seq:6}' });
      expect(all.patients).toHaveLength(7);
      expect(all.visits).toHaveLength(7);
      expect(all.prints).toHaveLength(7);
      const settingsRev = Number((await pool.query('SELECT rev FROM facility_settings')).rows[0].rev);
      const everyRev = [...revsOf(all), settingsRev].sort((a, b) => a - b);
      expect(all.cursor).toBe(everyRev.at(-1));

      for (const limit of [1, 2, 3, 5, 8]) {
        const pages = await pullAll(pool, limit);
        const own = pages.map((page, i) => revsOf(page).filter((rev) => rev > (i === 0 ? 0 : pages[i - 1]!.cursor)).concat(page.settings ? [settingsRev] : []));
        for (const [i, revs] of own.entries()) {
          expect(revs.length).toBeLessThanOrEqual(limit);
          expect(Math.max(...revs)).toBe(pages[i]!.cursor);
        }
        expect(own.flat().sort((a, b) => a - b)).toEqual(everyRev);
        expect(pages.at(-1)!.cursor).toBe(everyRev.at(-1));
      }
    } finally {
      await pool.end();
    }
  });

  it("a visit comes with its patient as it is now, even when the patient's revision is outside the page", async () => {
    const pool = await registerDb(server);
    try {
      const p = patient({ mrn: '000001' });
      await applyOps(pool, 'k1', [patientOp(p)], NOW);
      const cursor = (await pull(pool, 0, 100)).cursor;
      const v = visit(p.uid);
      await applyOps(pool, 'k1', [visitOp(v)], NOW);
      const page = await pull(pool, cursor, 100);
      expect(page.visits.map((x) => x.uid)).toEqual([v.uid]);
      expect(page.patients.map((x) => x.uid)).toEqual([p.uid]);
      expect(page.patients[0]!).toMatchObject({ mrn: '000001', mergedInto: null, createdAt: p.createdAt, identified: true });
      expect(page.settings).toBeNull();
    } finally {
      await pool.end();
    }
  });

  it('merges reach the counter: merged patient, alias and notice, records as the protocol shapes them', async () => {
    const pool = await registerDb(server);
    try {
      const a = patient({ mrn: '000001', nik: '3201010101019999', createdAt: at(0) });
      const b = patient({ mrn: '000002', nik: '3201010101019999', createdAt: at(1) });
      await applyOps(pool, 'k1', [patientOp(a)], NOW);
      const cursor = (await pull(pool, 0, 100)).cursor;
      await applyOps(pool, 'k2', [patientOp(b)], NOW);
      const page = await pull(pool, cursor, 100);
      expect(page.patients.find((x) => x.uid === b.uid)).toMatchObject({ mergedInto: a.uid });
      expect(page.aliases).toEqual([{ mrn: '000002', patientUid: a.uid, rev: expect.any(Number) }]);
      expect(page.notices[0]).toMatchObject({ kind: 'patient-merged', subjects: [a.uid, b.uid], at: NOW.toISOString() });
      expect(await pull(pool, page.cursor, 100)).toMatchObject({ more: false, cursor: page.cursor, patients: [], notices: [] });
    } finally {
      await pool.end();
    }
  });

  it('a counter pulling while ten counters push at once misses no record (revisions commit in order)', async () => {
    const pool = await registerDb(server);
    try {
      const pushed: string[] = [];
      const pushing = Promise.all(
        Array.from({ length: 10 }, async (_, c) => {
          for (let i = 0; i < 15; i++) {
            const p = patient({ mrn: `K${c}-${i}` });
            const v = visit(p.uid, { queuePrefix: `K${c}-U`, queueNo: i + 1 });
            await applyOps(pool, `k${c}`, [patientOp(p), visitOp(v)], NOW);
            pushed.push(v.uid);
          }
        }),
      );
      const seen = new Set<string>();
      let after = 0;
      let done = false;
      void pushing.then(() => (done = true));
      for (;;) {
        const finished = done;
        const page = await pull(pool, after, 7);
        for (const v of page.visits) seen.add(v.uid);
        after = page.cursor;
        if (finished && !page.more) break;
      }
      await pushing;
      expect(seen.size).toBe(150);
      expect([...seen].sort()).toEqual([...pushed].sort());
    } finally {
      await pool.end();
    }
  });

  it('a push waits while another holds revisions, so a later revision never becomes visible before an earlier one', async () => {
    const pool = await registerDb(server);
    try {
      const inFlight = await pool.connect();
      await inFlight.query('BEGIN');
      await lockRevisions(inFlight);
      const heldRev = await nextRevision(inFlight);
      const p = patient({ mrn: '000001' });
      const waiting = applyOps(pool, 'k2', [patientOp(p)], NOW);
      let finished = false;
      void waiting.then(() => (finished = true));
      // The second push is blocked on the revision lock (seen in pg_locks, not timed); had it not
      // waited, it would finish first.
      for (;;) {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
        if (rows[0].n === 1 || finished) break;
      }
      expect(finished).toBe(false);
      expect((await pull(pool, 0, 100)).patients).toEqual([]);
      await inFlight.query('COMMIT');
      inFlight.release();
      await waiting;
      const page = await pull(pool, 0, 100);
      expect(page.patients.map((x) => x.uid)).toEqual([p.uid]);
      expect(page.patients[0]!.rev).toBeGreaterThan(heldRev);
    } finally {
      await pool.end();
    }
  });
});
