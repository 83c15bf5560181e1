import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

describe('visit status changes in the audit trail', () => {
  it('records a call, a service, its undo and a cancellation: who, which visit, before → after', async () => {
    const dir = tempDir();
    const { core: ani } = auditCore(dir, 'ani');
    const patient = await callOk(ani, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const visit = await callOk(ani, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
    const called = await callOk(ani, 'callNext', { unit: 'UMUM' });
    expect(called?.visitId).toBe(visit.id);
    await callOk(ani, 'setVisitStatus', { visitId: visit.id, status: 'served' });
    // Undo of Selesai: back to called (the service time is cleared: only the trail keeps it).
    await callOk(ani, 'setVisitStatus', { visitId: visit.id, status: 'called' });
    ani.close();

    // Another clerk, on the same database, cancels the visit: the entry names her, not the registering clerk.
    const { core: budi } = auditCore(dir, 'budi');
    await callOk(budi, 'setVisitStatus', { visitId: visit.id, status: 'cancelled' });
    // A move the queue does not allow (a cancelled visit served) changes nothing and records nothing.
    expect((await dispatch(budi, 'setVisitStatus', { visitId: visit.id, status: 'served' })).ok).toBe(false);
    // Nobody left waiting: the call changes nothing and records nothing.
    expect(await callOk(budi, 'callNext', { unit: 'UMUM' })).toBeNull();

    const moves = (await allEntries(budi)).filter((e) => e.action === 'visit-status');
    const queue = visit.queue;
    expect(moves.map((e) => [e.actor, e.subject, e.detail])).toEqual([
      ['ani', patient.mrn, { method: 'callNext', visitId: visit.id, queue, unit: 'UMUM', previous: 'waiting', status: 'called' }],
      ['ani', patient.mrn, { method: 'setVisitStatus', visitId: visit.id, queue, unit: 'UMUM', previous: 'called', status: 'served' }],
      ['ani', patient.mrn, { method: 'setVisitStatus', visitId: visit.id, queue, unit: 'UMUM', previous: 'served', status: 'called' }],
      ['budi', patient.mrn, { method: 'setVisitStatus', visitId: visit.id, queue, unit: 'UMUM', previous: 'called', status: 'cancelled' }],
    ]);
    // "Who looked me up / what was done to my visit?": the person filter finds the cancellation by the NIK.
    const byPerson = await callOk(budi, 'auditEntries', { person: SITI.nik, action: 'visit-status', limit: 10 });
    expect(byPerson.entries[0]).toMatchObject({ actor: 'budi', detail: { status: 'cancelled' } });
    expect((await callOk(budi, 'verifyAudit', {})).ok).toBe(true);
    budi.close();
  });
});
