import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';
import { detailText } from '../../../src/shared/audit-detail';
import { auditWording } from '../../../src/shared/audit-wording';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

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

  it('records a move to another unit, its undo, and a call again, worded in both languages', async () => {
    const { core } = auditCore(tempDir(), 'ani');
    const patient = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const visit = await callOk(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'umum' });
    await callOk(core, 'callNext', { unit: 'UMUM' });
    await callOk(core, 'recallVisit', { visitId: visit.id });
    await callOk(core, 'recallVisit', { visitId: visit.id, undo: true });
    await callOk(core, 'moveVisit', { visitId: visit.id, unit: 'GIGI' });
    await callOk(core, 'undoMoveVisit', { visitId: visit.id });
    // A refused move (its own unit) changes nothing and records nothing.
    expect((await dispatch(core, 'moveVisit', { visitId: visit.id, unit: 'UMUM' })).ok).toBe(false);

    const entries = (await allEntries(core)).filter((e) => e.action === 'visit-move' || (e.action === 'visit-status' && e.detail.method === 'recallVisit'));
    expect(entries.map((e) => [e.action, e.subject, e.detail])).toEqual([
      ['visit-status', patient.mrn, { method: 'recallVisit', visitId: visit.id, queue: 'U-001', unit: 'UMUM', previous: 'called', status: 'called', recalls: 1 }],
      ['visit-status', patient.mrn, { method: 'recallVisit', visitId: visit.id, queue: 'U-001', unit: 'UMUM', previous: 'called', status: 'called', recalls: 0, undo: true }],
      ['visit-move', patient.mrn, { method: 'moveVisit', visitId: visit.id, queue: 'U-001', unit: 'UMUM', previous: 'called', toQueue: 'G-001', toUnit: 'GIGI' }],
      ['visit-move', patient.mrn, { method: 'undoMoveVisit', visitId: visit.id, queue: 'G-001', unit: 'GIGI', previous: 'waiting', toQueue: 'U-001', toUnit: 'UMUM' }],
    ]);
    const words = (lang: 'id' | 'en') => entries.map((e) => detailText(e, auditWording(lang, DEFAULT_SETTINGS.units)));
    expect(words('id')).toEqual([
      'antrean U-001 di Poli Umum: dipanggil ulang (panggilan ke-2)',
      'antrean U-001 di Poli Umum: panggil ulang diurungkan',
      'antrean U-001 di Poli Umum (Dipanggil) → G-001 di Poli Gigi',
      'pindah poli diurungkan: G-001 di Poli Gigi → kembali U-001 di Poli Umum',
    ]);
    expect(words('en')).toEqual([
      'queue U-001 at Poli Umum: called again (call 2)',
      'queue U-001 at Poli Umum: call again undone',
      'queue U-001 at Poli Umum (Called) → G-001 at Poli Gigi',
      'unit change undone: G-001 at Poli Gigi → back to U-001 at Poli Umum',
    ]);
    expect((await callOk(core, 'verifyAudit', {})).ok).toBe(true);
    core.close();
  });
});
