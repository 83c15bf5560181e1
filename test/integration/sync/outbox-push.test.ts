import { describe, expect, it } from 'vitest';
import { hubOp } from '../../../src/shared/hub-protocol';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { logPrint } from '../../../src/core/slips/slips';
import { callNext } from '../../../src/core/visits/queue';
import { registerVisit } from '../../../src/core/visits/visits';
import { ackOutbox, outboxBacklog, readOutbox, rejectedOps } from '../../../src/core/sync/outbox';
import { markEnrolled, syncState } from '../../../src/core/sync/sync-state.repo';
import { useTempDir } from '../../helpers/temp';
import { NOW, SETTINGS, TODAY, enrolledCounterDb, later, openCounterDb, outboxEntries } from './sync-fixture';

const tempDir = useTempDir();

describe('reading and acknowledging the outbox', () => {
  it('builds valid ops from the rows as they are now, with uids for local ids', () => {
    const db = enrolledCounterDb(tempDir(), 'K7');
    const patient = createPatient(db, { name: 'Siti', nik: '3201010101010001', dob: '1990-01-02', sex: 'P' }, SETTINGS, NOW);
    const visit = registerVisit(db, SETTINGS, { patient, unit: 'UMUM', verdict: 'eligible', clerk: 'ani', now: NOW });
    callNext(db, SETTINGS, 'UMUM', later(5), TODAY);
    db.prepare('UPDATE patients SET address = ? WHERE id = ?').run('Jl. Melati 1', patient.id); // after the op was queued
    logPrint(db, visit.id, 'print', '80mm', 'EPSON', 'ani', later(6));

    const { ops } = readOutbox(db, 100);
    for (const op of ops) expect(hubOp.safeParse(op).success).toBe(true);
    expect(ops.map((o) => o.kind)).toEqual(['patient', 'visit', 'visit.status', 'patient', 'print']);
    const uids = db.prepare('SELECT p.uid AS patientUid, v.uid AS visitUid FROM visits v JOIN patients p ON p.id = v.patient_id').get() as { patientUid: string; visitUid: string };
    const [created, registered, called, , printed] = ops;
    // Built from the current state: the first patient op already carries the later address.
    expect(created).toMatchObject({ kind: 'patient', record: { uid: uids.patientUid, address: 'Jl. Melati 1', nik: '3201010101010001' } });
    expect(registered).toMatchObject({ kind: 'visit', record: { uid: uids.visitUid, patientUid: uids.patientUid, queuePrefix: 'K7-U', status: 'called', counter: 'counter-K7' } });
    expect(called).toMatchObject({ kind: 'visit.status', uid: uids.visitUid, status: 'called', calledAt: later(5).toISOString() });
    expect(printed).toMatchObject({ kind: 'print', record: { visitUid: uids.visitUid, printer: 'EPSON' } });
    db.close();
  });

  it('repeats the same op ids until acknowledged; applied and duplicate leave, rejected ones are kept with the reason', () => {
    const db = enrolledCounterDb(tempDir());
    const patient = createPatient(db, { name: 'Siti' }, SETTINGS, NOW);
    registerVisit(db, SETTINGS, { patient, unit: 'UMUM', verdict: 'eligible', clerk: 'ani', now: NOW });
    callNext(db, SETTINGS, 'UMUM', later(1), TODAY);
    const first = readOutbox(db, 2).ops;
    const again = readOutbox(db, 2).ops; // the push timed out: the same ops again
    expect(again.map((o) => o.opId)).toEqual(first.map((o) => o.opId));
    expect(outboxBacklog(db)).toBe(3);

    const [patientOp, visitOp] = first;
    ackOutbox(db, [{ opId: patientOp!.opId, status: 'duplicate' }, { opId: visitOp!.opId, status: 'applied' }]);
    expect(outboxBacklog(db)).toBe(1);
    const [statusOp] = readOutbox(db, 10).ops;
    ackOutbox(db, [{ opId: statusOp!.opId, status: 'rejected', reason: 'unknown-visit' }]);
    expect(outboxBacklog(db)).toBe(0);
    expect(rejectedOps(db)).toMatchObject([{ opId: statusOp!.opId, kind: 'visit.status', reason: 'unknown-visit' }]);
    // An acknowledgement repeated changes nothing.
    ackOutbox(db, [{ opId: statusOp!.opId, status: 'rejected', reason: 'unknown-visit' }, { opId: patientOp!.opId, status: 'applied' }]);
    expect(rejectedOps(db)).toHaveLength(1);
    db.close();
  });

  it('moves an op whose row is gone to the rejected ops instead of sending it', () => {
    const db = enrolledCounterDb(tempDir());
    const patient = createPatient(db, { name: 'Tanpa Identitas', identified: false }, SETTINGS, NOW);
    db.prepare('DELETE FROM patients WHERE id = ?').run(patient.id);
    expect(readOutbox(db, 10).ops).toEqual([]);
    expect(rejectedOps(db)).toMatchObject([{ kind: 'patient', reason: 'local-row-gone' }]);
    db.close();
  });

  it('sets aside an op the protocol would refuse instead of blocking every push after it', () => {
    const db = enrolledCounterDb(tempDir());
    const bad = createPatient(db, { name: 'Siti', nik: '12345' }, SETTINGS, NOW); // a NIK written before the rules were strict
    const good = createPatient(db, { name: 'Budi' }, SETTINGS, NOW);
    const { ops } = readOutbox(db, 10);
    expect(ops).toMatchObject([{ kind: 'patient', record: { name: 'BUDI' } }]);
    expect(rejectedOps(db)).toMatchObject([{ kind: 'patient', rowId: bad.id, reason: 'local-invalid' }]);
    expect(good.id).toBeGreaterThan(bad.id);
    db.close();
  });

  it('enrolling queues the history in dependency order, once', () => {
    const db = openCounterDb(tempDir());
    const patient = createPatient(db, { name: 'Siti' }, SETTINGS, NOW);
    const visit = registerVisit(db, SETTINGS, { patient, unit: 'UMUM', verdict: null, clerk: 'ani', now: NOW });
    logPrint(db, visit.id, 'print', '80mm', null, 'ani', later(1));
    markEnrolled(db, { counterId: 'c-1', offlinePrefix: 'K3' });
    expect(outboxEntries(db)).toEqual([['patient', patient.id], ['visit', visit.id], ['followUp', visit.followUpIds[0]!], ['print', 1]]);
    markEnrolled(db, { counterId: 'c-1', offlinePrefix: 'K3' });
    expect(outboxBacklog(db)).toBe(4);
    expect(syncState(db)).toEqual({ enrolled: true, cursor: 0, counterId: 'c-1', offlinePrefix: 'K3', registerEpoch: null });
    db.close();
  });
});
