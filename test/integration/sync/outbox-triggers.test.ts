import { describe, expect, it } from 'vitest';
import { attachIdentity, setPayer } from '../../../src/core/follow-ups/follow-ups';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { logPrint } from '../../../src/core/slips/slips';
import { callNext, setVisitStatus } from '../../../src/core/visits/queue';
import { registerEmergency, registerVisit } from '../../../src/core/visits/visits';
import { useTempDir } from '../../helpers/temp';
import { NOW, SETTINGS, TODAY, enrolledCounterDb, later, openCounterDb, opsOf, outboxEntries } from './sync-fixture';

const tempDir = useTempDir();

describe('the outbox triggers', () => {
  it('record nothing while the counter works alone', () => {
    const db = openCounterDb(tempDir());
    const patient = createPatient(db, { name: 'Siti Aminah', nik: '3201010101010001' }, SETTINGS, NOW);
    const visit = registerVisit(db, SETTINGS, { patient, unit: 'UMUM', verdict: null, clerk: 'ani', now: NOW });
    callNext(db, SETTINGS, 'UMUM', later(1), TODAY);
    setPayer(db, visit.id, 'umum', later(2));
    logPrint(db, visit.id, 'print', '80mm', null, 'ani', later(3));
    expect(outboxEntries(db)).toEqual([]);
    // Every synced row has its uid all the same.
    for (const table of ['patients', 'visits', 'follow_ups', 'print_log']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE uid IS NULL`).get()).toEqual({ n: 0 });
    }
    db.close();
  });

  it('record exactly one op per change on every write path of an enrolled counter', () => {
    const db = enrolledCounterDb(tempDir());
    let patientId = 0;
    expect(opsOf(db, () => (patientId = createPatient(db, { name: 'Siti Aminah', nik: '3201010101010001' }, SETTINGS, NOW).id))).toEqual([['patient', patientId]]);
    const patient = { id: patientId, uid: '', mrn: '', nik: '3201010101010001', card: null, name: 'SITI AMINAH', dob: null, sex: null, address: null, oldMrn: null, identified: true };

    let visitId = 0;
    let followUpIds: number[] = [];
    const registered = opsOf(db, () => {
      const visit = registerVisit(db, SETTINGS, { patient, unit: 'UMUM', verdict: null, clerk: 'ani', now: NOW });
      visitId = visit.id;
      followUpIds = visit.followUpIds;
    });
    expect(registered).toEqual([['visit', visitId], ['followUp', followUpIds[0]!]]);

    expect(opsOf(db, () => callNext(db, SETTINGS, 'UMUM', later(1), TODAY))).toEqual([['visit.status', visitId]]);
    expect(opsOf(db, () => setVisitStatus(db, visitId, 'served', later(2)))).toEqual([['visit.status', visitId]]);
    expect(opsOf(db, () => setVisitStatus(db, visitId, 'called', later(3)))).toEqual([['visit.status', visitId]]); // undo
    expect(opsOf(db, () => setVisitStatus(db, visitId, 'waiting', later(3)))).toEqual([['visit.status', visitId]]); // undo again
    expect(opsOf(db, () => setPayer(db, visitId, 'umum', later(4)))).toEqual([['visit.payer', visitId], ['followUp', followUpIds[0]!]]);
    expect(opsOf(db, () => setPayer(db, visitId, 'pending', later(5)))).toEqual([['visit.payer', visitId], ['followUp', followUpIds[0]!]]); // reopened
    expect(opsOf(db, () => logPrint(db, visitId, 'print', '80mm', null, 'ani', later(6)))).toEqual([['print', 1]]);
    // Re-checks are written by the BPJS re-checker; the trigger catches any insert.
    const recheck = opsOf(db, () =>
      db.prepare(`INSERT INTO rechecks (visit_id, checked_at, service, before, after, live_status, action) VALUES (?, ?, 'vclaim', NULL, 'eligible', 'AKTIF', 'none')`).run(visitId, later(7).toISOString()),
    );
    expect(recheck).toEqual([['recheck', 1]]);
    // Batal closes the visit's open follow-up (the payer reopened above): its op goes to the hub too.
    expect(opsOf(db, () => setVisitStatus(db, visitId, 'cancelled', later(8)))).toEqual([['visit.status', visitId], ['followUp', followUpIds[0]!]]);
    // Its undo opens the task again as a new one (a closed task stays closed at the hub).
    const uncancelled = opsOf(db, () => setVisitStatus(db, visitId, 'waiting', later(9)));
    const reopenedId = db.prepare(`SELECT max(id) FROM follow_ups WHERE visit_id = ?`).pluck().get(visitId) as number;
    expect(reopenedId).not.toBe(followUpIds[0]);
    expect(uncancelled).toEqual([['visit.status', visitId], ['followUp', reopenedId]]);
    db.close();
  });

  it('record an identity attached to the emergency record, or the visit moved to a known patient', () => {
    const db = enrolledCounterDb(tempDir());
    const known = createPatient(db, { name: 'Budi', nik: '3201010101010002' }, SETTINGS, NOW);
    const first = registerEmergency(db, SETTINGS, { clerk: 'ani', now: NOW });
    const [settle, identify] = first.followUpIds;
    // The temporary record becomes the real one: a patient change, and the identify task closes.
    expect(opsOf(db, () => attachIdentity(db, first.id, { identity: { name: 'Wati', nik: '3201010101010003' } }, later(1)))).toEqual([
      ['patient', first.patient.id],
      ['followUp', identify!],
    ]);
    expect(settle).toBeDefined();
    // The visit moves to a patient known here: the visit's patient changes; the placeholder goes.
    const second = registerEmergency(db, SETTINGS, { clerk: 'ani', now: later(2) });
    const moved = opsOf(db, () => attachIdentity(db, second.id, { patientId: known.id }, later(3)));
    expect(moved).toEqual([['visit.patient', second.id], ['followUp', second.followUpIds[1]!]]);
    db.close();
  });

  it('record nothing for a write that changes no value', () => {
    const db = enrolledCounterDb(tempDir());
    const patient = createPatient(db, { name: 'Siti' }, SETTINGS, NOW);
    expect(opsOf(db, () => db.prepare('UPDATE patients SET name = name WHERE id = ?').run(patient.id))).toEqual([]);
    db.close();
  });
});
