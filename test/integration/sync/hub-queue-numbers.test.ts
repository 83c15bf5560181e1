import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QueueNumberRequest } from '../../../src/shared/hub-protocol';
import { createCore } from '../../../src/core/core';
import type { Core } from '../../../src/core/core-types';
import { openDatabase } from '../../../src/core/store/open-database';
import { markEnrolled } from '../../../src/core/sync/sync-state.repo';
import { useTempDir } from '../../helpers/temp';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { ackOutbox, readOutbox } from '../../../src/core/sync/outbox';
import { pulledPatient, pulledVisit, pullResponse } from './pull-records';
import { NOW, TODAY } from './sync-fixture';

const tempDir = useTempDir();

/** A core on a real file, enrolled (or not), whose hub answers with `answer` and records what it was asked. */
function counterCore(enrolled: boolean, answer: (req: QueueNumberRequest) => Promise<number | null>): { core: Core; asked: QueueNumberRequest[]; dbPath: string } {
  const dbPath = join(tempDir(), 'loket.db');
  const db = openDatabase(dbPath);
  if (enrolled) markEnrolled(db, { counterId: 'c-1', offlinePrefix: 'K1' });
  db.close();
  const asked: QueueNumberRequest[] = [];
  const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, now: () => NOW, clerk: 'ani', hubQueueNumber: (req) => (asked.push(req), answer(req)) });
  return { core, asked, dbPath };
}

const visitUid = (dbPath: string, visitId: number): string => {
  const db = openDatabase(dbPath);
  try {
    return (db.prepare('SELECT uid FROM visits WHERE id = ?').get(visitId) as { uid: string }).uid;
  } finally {
    db.close();
  }
};

describe('queue numbers of an enrolled counter', () => {
  it("registers with the hub's number behind the unit's prefix, under the uid it asked with", async () => {
    const { core, asked, dbPath } = counterCore(true, async () => 17);
    const patient = await core.createPatient({ name: 'Siti' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'eligible' });
    expect(visit.queue).toBe('U-017');
    expect(asked).toEqual([{ visitUid: expect.any(String), unit: 'UMUM', serviceDate: TODAY, prefix: 'U' }]);
    await core.close();
    expect(visitUid(dbPath, visit.id)).toBe(asked[0]!.visitUid);
  });

  it('numbers locally behind the offline prefix when the hub gives no number or fails', async () => {
    let answer: () => Promise<number | null> = async () => null;
    const { core } = counterCore(true, () => answer());
    const a = await core.createPatient({ name: 'A' });
    const b = await core.createPatient({ name: 'B' });
    expect((await core.registerVisit({ patientId: a.id, unit: 'UMUM', verdict: null })).queue).toBe('K1-U-001');
    answer = async () => {
      throw new Error('socket hang up');
    };
    expect((await core.registerVisit({ patientId: b.id, unit: 'UMUM', verdict: null })).queue).toBe('K1-U-002');
    await core.close();
  });

  it('burns no number on a refused duplicate, and never crashes on a number already used here', async () => {
    const { core, asked } = counterCore(true, async () => 5);
    const a = await core.createPatient({ name: 'A' });
    const b = await core.createPatient({ name: 'B' });
    expect((await core.registerVisit({ patientId: a.id, unit: 'UMUM', verdict: null })).queue).toBe('U-005');
    await expect(core.registerVisit({ patientId: a.id, unit: 'UMUM', verdict: null })).rejects.toMatchObject({ key: 'visit/duplicate' });
    expect(asked).toHaveLength(1);
    // The hub answers 5 again (it lost its data): the registration still goes through, numbered offline.
    expect((await core.registerVisit({ patientId: b.id, unit: 'UMUM', verdict: null })).queue).toBe('K1-U-001');
    await core.close();
  });

  it('numbers emergencies from the hub too, or offline', async () => {
    let answer: number | null = 3;
    const { core, asked } = counterCore(true, async () => answer);
    expect((await core.registerEmergency({})).queue).toBe('GD-003');
    answer = null;
    expect((await core.registerEmergency({})).queue).toBe('K1-GD-001');
    expect(asked.map((r) => [r.unit, r.prefix])).toEqual([['IGD', 'GD'], ['IGD', 'GD']]);
    await core.close();
  });

  it('asks nothing while the counter works alone', async () => {
    const { core, asked } = counterCore(false, async () => 99);
    const a = await core.createPatient({ name: 'A' });
    expect((await core.registerVisit({ patientId: a.id, unit: 'UMUM', verdict: null })).queue).toBe('U-001');
    expect((await core.registerEmergency({})).queue).toBe('GD-001');
    expect(asked).toEqual([]);
    await core.close();
  });

  it("a pull that merges the patient while the hub's number is awaited: the visit goes to the survivor, the registration never fails", async () => {
    let merge: () => void = () => {};
    const { core, dbPath } = counterCore(true, async () => {
      merge(); // the background round's pull lands while this registration waits for its number
      return 3;
    });
    for (const [method, nik] of [['registerVisit', '3201010101010001'], ['registerEmergency', '3201010101010002']] as const) {
      const local = await core.createPatient({ name: 'Siti', nik });
      merge = () => {
        const db = openDatabase(dbPath);
        try {
          ackOutbox(db, readOutbox(db, 500).ops.map((op) => ({ opId: op.opId, status: 'applied' as const })));
          const uid = (db.prepare('SELECT uid FROM patients WHERE id = ?').get(local.id) as { uid: string }).uid;
          // Another counter registered the same NIK first: the hub keeps that record and merges ours into it.
          const survivor = pulledPatient({ rev: 7, mrn: `H-${method}`, nik, name: 'SITI AMINAH' });
          const merged = pulledPatient({ rev: 8, uid, mrn: local.mrn, nik, name: 'SITI', mergedInto: survivor.uid });
          applyPull(db, pullResponse({ cursor: 8, patients: [survivor, merged], aliases: [{ mrn: local.mrn, patientUid: survivor.uid, rev: 8 }] }));
        } finally {
          db.close();
        }
        merge = () => {};
      };
      const visit = method === 'registerVisit' ? await core.registerVisit({ patientId: local.id, unit: 'UMUM', verdict: null }) : await core.registerEmergency({ patientId: local.id });
      const survivor = await core.findPatient({ nik });
      expect(survivor).toMatchObject({ mrn: `H-${method}`, name: 'SITI AMINAH' });
      expect(visit.patientId).toBe(survivor?.id);
    }
    await core.close();
  });

  it("a move asks the hub for the target unit's number under the move's own uid, and sends the visit's new place (visit.unit)", async () => {
    const { core, asked, dbPath } = counterCore(true, async (req) => (req.unit === 'GIGI' ? 8 : 4));
    const patient = await core.createPatient({ name: 'Siti' });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null });
    expect(visit.queue).toBe('U-004');
    const moved = await core.moveVisit({ visitId: visit.id, unit: 'GIGI' });
    expect(moved.to).toEqual({ unit: 'GIGI', queue: 'G-008' });
    expect(asked[1]).toEqual({ visitUid: expect.any(String), unit: 'GIGI', serviceDate: TODAY, prefix: 'G' });
    expect(asked[1]!.visitUid).not.toBe(asked[0]!.visitUid);
    // A refused move asks nothing (no number burnt).
    await expect(core.moveVisit({ visitId: visit.id, unit: 'GIGI' })).rejects.toMatchObject({ key: 'visit/move-same-unit' });
    expect(asked).toHaveLength(2);
    // Hub unreachable: numbered offline behind the counter's prefix, as a registration would be.
    asked.length = 0;
    const other = await core.registerVisit({ patientId: (await core.createPatient({ name: 'Budi' })).id, unit: 'UMUM', verdict: null });
    await core.close();
    const again = createCore({ dbPath, workerScript: null, bpjsBackground: false, now: () => NOW, clerk: 'ani', hubQueueNumber: async () => null });
    expect((await again.moveVisit({ visitId: other.id, unit: 'GIGI' })).to.queue).toBe('K1-G-001');
    await again.close();

    const db = openDatabase(dbPath);
    try {
      const ops = readOutbox(db, 500).ops.filter((op) => op.kind === 'visit.unit');
      expect(ops).toEqual([
        expect.objectContaining({ kind: 'visit.unit', uid: visitUid(dbPath, visit.id), unit: 'GIGI', queuePrefix: 'G', queueNo: 8 }),
        expect.objectContaining({ kind: 'visit.unit', uid: visitUid(dbPath, other.id), unit: 'GIGI', queuePrefix: 'K1-G', queueNo: 1 }),
      ]);
    } finally {
      db.close();
    }
  });

  it('a pulled visit another counter moved shows in its new unit with its new number', async () => {
    const dbPath = join(tempDir(), 'loket.db');
    const db = openDatabase(dbPath);
    markEnrolled(db, { counterId: 'c-1', offlinePrefix: 'K1' });
    try {
      const patient = pulledPatient({ rev: 1 });
      const registered = pulledVisit({ rev: 2, patientUid: patient.uid, unit: 'UMUM', queuePrefix: 'U', queueNo: 2 });
      applyPull(db, pullResponse({ cursor: 2, patients: [patient], visits: [registered] }));
      applyPull(db, pullResponse({ cursor: 3, visits: [{ ...registered, rev: 3, unit: 'GIGI', queuePrefix: 'G', queueNo: 5 }] }));
      expect(db.prepare('SELECT unit, queue_prefix AS prefix, queue_no AS no FROM visits WHERE uid = ?').get(registered.uid)).toEqual({ unit: 'GIGI', prefix: 'G', no: 5 });
    } finally {
      db.close();
    }
  });

  it('a call again goes to the hub (visit.recall, count and time), and one pulled from the hub is taken', async () => {
    const { core, dbPath } = counterCore(true, async () => 1);
    const visit = await core.registerVisit({ patientId: (await core.createPatient({ name: 'Siti' })).id, unit: 'UMUM', verdict: null });
    await core.callNext({ unit: 'UMUM' });
    await core.recallVisit({ visitId: visit.id });
    await core.close();
    const db = openDatabase(dbPath);
    try {
      const ops = readOutbox(db, 500).ops.filter((op) => op.kind === 'visit.recall');
      expect(ops).toEqual([expect.objectContaining({ kind: 'visit.recall', uid: visitUid(dbPath, visit.id), recalls: 1, recalledAt: NOW.toISOString() })]);
      ackOutbox(db, readOutbox(db, 500).ops.map((op) => ({ opId: op.opId, status: 'applied' as const })));
      const patient = pulledPatient({ rev: 1 });
      const other = pulledVisit({ rev: 2, patientUid: patient.uid, status: 'called', calledAt: NOW.toISOString(), recalls: 2, recalledAt: NOW.toISOString() });
      applyPull(db, pullResponse({ cursor: 2, patients: [patient], visits: [other] }));
      expect(db.prepare('SELECT recalls, recalled_at AS recalledAt FROM visits WHERE uid = ?').get(other.uid)).toEqual({ recalls: 2, recalledAt: NOW.toISOString() });
    } finally {
      db.close();
    }
  });
});

