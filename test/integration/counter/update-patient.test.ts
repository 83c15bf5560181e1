/**
 * Correcting a patient's record after registration (finding 6 of the clerk's day): the real core
 * on a real SQLite file, through the contract as a window calls it.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { readOutbox } from '../../../src/core/sync/outbox';
import { markEnrolled } from '../../../src/core/sync/sync-state.repo';
import { hubOp } from '../../../src/shared/hub-protocol';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { NOW, allEntries, auditCore, callOk } from '../audit/audit-core';

const tempDir = useTempDir();
const LATER = new Date(NOW.getTime() + 3_600_000);
/** The clerk typed the name wrongly on the F2 form. */
const TYPO = { name: "RADEN AJENG SITI NUR'AINY", nik: '3671026304430035', dob: '1943-04-23', sex: 'P' as const, address: 'JL. MAWAR 3' };

function rowOf(core: { db: { prepare(sql: string): { get(...a: unknown[]): unknown } } }, id: number) {
  return core.db.prepare('SELECT mrn, name, name_key AS nameKey, nik, card, dob, sex, address, created_at AS createdAt, updated_at AS updatedAt FROM patients WHERE id = ?').get(id) as Record<string, string | null>;
}

describe('updatePatient: correcting a patient after registration', () => {
  it('changes only the fields given, keeps the RM, and the name search finds the corrected name, not the typo', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const visit = await callOk(core, 'registerNewPatient', { identity: TYPO, unit: 'UMUM', verdict: null });
    const before = rowOf(core, visit.patient.id);
    now = LATER;
    const update = await callOk(core, 'updatePatient', { patientId: visit.patient.id, changes: { name: "  raden ajeng  siti nur'aini " } });
    expect(update.changed).toEqual(['name']);
    expect(update.patient).toMatchObject({ id: visit.patient.id, mrn: visit.patient.mrn, name: "RADEN AJENG SITI NUR'AINI", nik: TYPO.nik, dob: TYPO.dob, sex: 'P', address: TYPO.address });
    expect(update.previous.name).toBe(TYPO.name);
    const after = rowOf(core, visit.patient.id);
    expect(after).toMatchObject({ mrn: before.mrn, nik: before.nik, dob: before.dob, address: before.address, createdAt: before.createdAt, updatedAt: LATER.toISOString() });
    expect(after.nameKey).not.toBe(before.nameKey);

    const byName = await callOk(core, 'lookup', { query: "RADEN AJENG SITI NUR'AINI" });
    expect(byName.ownMatches?.map((p) => [p.mrn, p.name])).toEqual([[visit.patient.mrn, "RADEN AJENG SITI NUR'AINI"]]);
    expect((await callOk(core, 'lookup', { query: 'RADEN AJENG SITI NURAINI', dob: TYPO.dob })).ownMatches?.map((p) => p.mrn)).toEqual([visit.patient.mrn]);
    // The typo's key is gone from the index (a search of the typo now finds the record only as a near name).
    expect(core.db.prepare('SELECT count(*) FROM patients WHERE name_key = ?').pluck().get(before.nameKey)).toBe(0);
    // The queue and the slip show the record as it is now.
    expect((await callOk(core, 'dayQueue', {}))[0]?.patient.name).toBe("RADEN AJENG SITI NUR'AINI");
    const slip = (await callOk(core, 'slipHtml', { visitId: visit.id })).html;
    expect(slip).toContain('RADEN AJENG SITI NUR&#39;AINI');
    expect(slip).toMatch(/<svg[\s\S]*<\/svg>/); // the barcode (bwip-js, loaded on the first slip)
    core.close();
  });

  it('corrects and clears several fields at once; the same values again change nothing', async () => {
    const { core } = auditCore(tempDir());
    const patient = await callOk(core, 'createPatient', TYPO);
    const update = await callOk(core, 'updatePatient', {
      patientId: patient.id,
      changes: { nik: '3671026304430036', card: SITI.card, dob: '1943-04-24', sex: 'L', address: '   ' },
    });
    expect(update.changed).toEqual(['nik', 'card', 'dob', 'sex', 'address']);
    expect(update.patient).toMatchObject({ name: TYPO.name, nik: '3671026304430036', card: SITI.card, dob: '1943-04-24', sex: 'L', address: null });
    expect(await callOk(core, 'findPatient', { nik: '3671026304430036' })).toMatchObject({ id: patient.id });
    expect(await callOk(core, 'findPatient', { nik: TYPO.nik })).toBeNull();
    const cleared = await callOk(core, 'updatePatient', { patientId: patient.id, changes: { nik: null, card: null, name: TYPO.name } });
    expect(cleared.changed).toEqual(['nik', 'card']);
    expect(cleared.patient).toMatchObject({ nik: null, card: null, name: TYPO.name });
    const same = await callOk(core, 'updatePatient', { patientId: patient.id, changes: { name: TYPO.name.toLowerCase(), nik: null, sex: 'L' } });
    expect(same.changed).toEqual([]);
    core.close();
  });

  it('is judged exactly as a new record: name, NIK, card, date and hidden characters; the RM cannot be given', async () => {
    const { core } = auditCore(tempDir());
    const patient = await callOk(core, 'createPatient', TYPO);
    const cases: [Record<string, unknown>, string, (string | number)[]][] = [
      [{ name: '  ' }, 'required', ['changes', 'name']],
      [{ name: null }, 'required', ['changes', 'name']],
      [{ name: 'SITI\u202eNIAR' }, 'control-characters', ['changes', 'name']],
      [{ address: 'JL. MAWAR\u0007' }, 'control-characters', ['changes', 'address']],
      [{ nik: '367102630443003' }, 'format', ['changes', 'nik']],
      [{ card: '12345' }, 'format', ['changes', 'card']],
      [{ dob: '1943-02-30' }, 'no-such-date', ['changes', 'dob']],
      [{ sex: 'X' }, 'one-of', ['changes', 'sex']],
    ];
    for (const [changes, kind, path] of cases) {
      const result = await dispatch(core, 'updatePatient', { patientId: patient.id, changes });
      expect(result.ok, JSON.stringify(changes)).toBe(false);
      expect(!result.ok && result.error.issues, JSON.stringify(changes)).toContainEqual(expect.objectContaining({ kind, path }));
    }
    const mrn = await dispatch(core, 'updatePatient', { patientId: patient.id, changes: { mrn: '000099' } });
    expect(mrn).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await callOk(core, 'findPatient', { mrn: patient.mrn })).toEqual(patient);
    core.close();
  });

  it("refuses a NIK or card another record holds, naming that record, and writes nothing", async () => {
    const { core } = auditCore(tempDir());
    const siti = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, card: SITI.card });
    const typo = await callOk(core, 'createPatient', TYPO);
    const nik = await dispatch(core, 'updatePatient', { patientId: typo.id, changes: { name: 'RADEN AJENG', nik: SITI.nik } });
    expect(nik).toEqual({ ok: false, error: { code: 'patient/nik-taken', params: { mrn: siti.mrn, name: 'SITI AMINAH' } } });
    const card = await dispatch(core, 'updatePatient', { patientId: typo.id, changes: { card: SITI.card } });
    expect(card).toEqual({ ok: false, error: { code: 'patient/card-taken', params: { mrn: siti.mrn, name: 'SITI AMINAH' } } });
    expect(await callOk(core, 'findPatient', { mrn: typo.mrn })).toEqual(typo);
    // The patient's own NIK and card are no clash.
    expect((await callOk(core, 'updatePatient', { patientId: siti.id, changes: { nik: SITI.nik, card: SITI.card, name: 'SITI AMINAH S' } })).changed).toEqual(['name']);
    core.close();
  });

  it('leaves an unidentified emergency patient to attachIdentity, and says so for an unknown record', async () => {
    const { core } = auditCore(tempDir());
    const emergency = await callOk(core, 'registerEmergency', {});
    const refused = await dispatch(core, 'updatePatient', { patientId: emergency.patient.id, changes: { name: 'BUDI' } });
    expect(refused).toEqual({ ok: false, error: { code: 'patient/unidentified', params: { mrn: emergency.patient.mrn } } });
    expect(await dispatch(core, 'updatePatient', { patientId: 999, changes: { name: 'BUDI' } })).toEqual({ ok: false, error: { code: 'patient/not-found', params: { id: 999 } } });
    core.close();
  });

  it('on an enrolled counter, the correction waits in the outbox as one patient op the hub accepts', async () => {
    const { core } = auditCore(tempDir());
    const patient = await callOk(core, 'createPatient', TYPO);
    markEnrolled(core.db, { counterId: 'counter-K1', offlinePrefix: 'K1' });
    const queued = readOutbox(core.db, 100).ops.length;
    await callOk(core, 'updatePatient', { patientId: patient.id, changes: { name: "RADEN AJENG SITI NUR'AINI", nik: '3671026304430036' } });
    const ops = readOutbox(core.db, 100).ops.slice(queued);
    expect(ops).toHaveLength(1);
    const op = ops[0]!;
    expect(hubOp.safeParse(op).success).toBe(true);
    expect(op).toMatchObject({ kind: 'patient', record: { uid: patient.uid, mrn: patient.mrn, name: "RADEN AJENG SITI NUR'AINI", nik: '3671026304430036', updatedAt: NOW.toISOString() } });
    // Nothing changed: nothing to send.
    await callOk(core, 'updatePatient', { patientId: patient.id, changes: { name: "RADEN AJENG SITI NUR'AINI" } });
    expect(readOutbox(core.db, 100).ops.slice(queued)).toHaveLength(1);
    core.close();
  });

  it('is on the audit trail under the RM: which fields, before and after, the NIK only masked', async () => {
    const { core } = auditCore(tempDir());
    const patient = await callOk(core, 'createPatient', TYPO);
    await callOk(core, 'updatePatient', { patientId: patient.id, changes: { name: "RADEN AJENG SITI NUR'AINI", nik: '3671026304430036', dob: TYPO.dob } });
    await callOk(core, 'updatePatient', { patientId: patient.id, changes: { name: "RADEN AJENG SITI NUR'AINI" } }); // nothing changed
    await dispatch(core, 'updatePatient', { patientId: patient.id, changes: { nik: '123' } }); // refused
    const entries = (await allEntries(core)).filter((e) => e.action === 'patient-change');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'ani',
      subject: patient.mrn,
      detail: { method: 'updatePatient', fields: ['name', 'nik'], before: [TYPO.name, '3671••••••••0035'], after: ["RADEN AJENG SITI NUR'AINI", '3671••••••••0036'] },
    });
    const stored = JSON.stringify(core.db.prepare('SELECT detail FROM audit_log').all());
    expect(stored).not.toContain(TYPO.nik);
    expect(stored).not.toContain('3671026304430036');
    // The data subject's request ("who touched my record?") finds it by the NIK now on the record.
    const mine = await callOk(core, 'auditEntries', { limit: 50, person: '3671026304430036' });
    expect(mine.entries.map((e) => e.action)).toContain('patient-change');
    core.close();
  });

  it('is a clerk’s work: a data officer may not correct a record', async () => {
    const dir = tempDir();
    const admin = auditCore(dir);
    const patient = await callOk(admin.core, 'createPatient', TYPO);
    admin.core.close();
    const { core } = auditCore(dir, 'dina', () => NOW, { actor: { username: 'dina', role: 'data-officer' } });
    expect(await dispatch(core, 'updatePatient', { patientId: patient.id, changes: { name: 'X' } })).toEqual({ ok: false, error: { code: 'session/forbidden' } });
    core.close();
  });
});
