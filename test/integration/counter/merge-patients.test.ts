/**
 * Joining two records of one person at a counter (searchtester S9: DEWI LESTARI with NIK, DEWY
 * LESTARI without, both with visits): the real core on a real SQLite file, through the contract.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/dispatch';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { ackOutbox, readOutbox } from '../../../src/core/sync/outbox';
import { markEnrolled } from '../../../src/core/sync/sync-state.repo';
import { detailText } from '../../../src/shared/audit-detail';
import { auditWording } from '../../../src/shared/audit-wording';
import { hubOp } from '../../../src/shared/hub-protocol';
import { useTempDir } from '../../helpers/temp';
import { pulledPatient, pulledVisit, pullResponse } from '../sync/pull-records';
import { NOW, allEntries, auditCore, callOk } from '../audit/audit-core';

const tempDir = useTempDir();
const DEWI = { name: 'DEWI LESTARI', nik: '3671024312920005', dob: '1992-12-03', sex: 'P' as const, address: 'JL. KENANGA 5' };
const DEWY = { name: 'DEWY LESTARI', dob: '1992-12-03', sex: 'P' as const };
const LATER = new Date(NOW.getTime() + 86_400_000);

type Core = ReturnType<typeof auditCore>['core'];

/** Both records, each with a visit (the second made a day later, under the misspelt name). */
async function twoRecords(core: Core, setNow: (d: Date) => void) {
  const dewi = await callOk(core, 'registerNewPatient', { identity: DEWI, unit: 'UMUM', verdict: null });
  setNow(LATER);
  const dewy = await callOk(core, 'registerNewPatient', { identity: DEWY, unit: 'UMUM', verdict: null });
  return { survivor: dewi.patient, merged: dewy.patient };
}

const visitsOf = (core: Core, patientId: number): number => (core.db.prepare('SELECT count(*) AS n FROM visits WHERE patient_id = ?').get(patientId) as { n: number }).n;

describe('mergePatients: two records of one person', () => {
  it('the paper-era number (RM lama) of the joined record goes to the survivor that had none, and still finds the person', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const dewi = await callOk(core, 'registerNewPatient', { identity: DEWI, unit: 'UMUM', verdict: null });
    now = LATER;
    const dewy = await callOk(core, 'registerNewPatient', { identity: { ...DEWY, oldMrn: '2019-00123' }, unit: 'UMUM', verdict: null });
    await callOk(core, 'mergePatients', { survivorId: dewi.patient.id, mergedId: dewy.patient.id });
    expect(core.db.prepare('SELECT old_mrn AS oldMrn FROM patients WHERE id = ?').get(dewi.patient.id)).toEqual({ oldMrn: '2019-00123' });
    const byOld = await callOk(core, 'lookup', { query: 'RM lama 2019-00123' });
    expect(byOld.patient?.id ?? byOld.ownMatches?.[0]?.id).toBe(dewi.patient.id);
    core.close();
  });

  it("papertester F4/F12: both records with an old RM: the duplicate's old RM keeps finding the survivor (previewed, audited), never the other holder alone", async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const budi = await callOk(core, 'registerNewPatient', { identity: { name: 'BUDI SANTOSO', dob: '1980-01-01', sex: 'L' as const, oldMrn: '000003' }, unit: 'UMUM', verdict: null });
    const siti = await callOk(core, 'registerNewPatient', { identity: { name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P' as const, oldMrn: '000004' }, unit: 'UMUM', verdict: null });
    now = LATER;
    const rina = await callOk(core, 'registerNewPatient', { identity: { name: 'SITI AMINA', dob: '1985-03-12', sex: 'P' as const, oldMrn: '3' }, unit: 'UMUM', verdict: null });
    const andi = await callOk(core, 'registerNewPatient', { identity: { name: 'ANDI WIJAYA', dob: '1975-06-06', sex: 'L' as const, oldMrn: '000555' }, unit: 'UMUM', verdict: null });
    const ando = await callOk(core, 'registerNewPatient', { identity: { name: 'ANDY WIJAYA', dob: '1975-06-06', sex: 'L' as const }, unit: 'UMUM', verdict: null });

    // F4: the survivor (ANDY, no old RM) takes ANDI's; F12: SITI keeps hers and RINA's stays findable.
    const taking = await callOk(core, 'previewMergePatients', { survivorMrn: ando.patient.mrn, mergedMrn: andi.patient.mrn });
    expect(taking).toMatchObject({ taken: '000555', alias: null });
    const keeping = await callOk(core, 'previewMergePatients', { survivorMrn: siti.patient.mrn, mergedMrn: rina.patient.mrn });
    expect(keeping).toMatchObject({ taken: null, alias: '3' });
    await callOk(core, 'mergePatients', { survivorId: ando.patient.id, mergedId: andi.patient.id });
    const result = await callOk(core, 'mergePatients', { survivorId: siti.patient.id, mergedId: rina.patient.id });
    expect(result).toMatchObject({ taken: null, alias: '3' });

    // RINA's old card (000003) lists both holders again: BUDI by his own, SITI through the merged record.
    const byOld = await callOk(core, 'lookup', { query: 'RM lama 000003' });
    const holders = byOld.ownMatches ?? (byOld.patient ? [byOld.patient] : []);
    expect(holders.map((p) => p.mrn).sort()).toEqual([budi.patient.mrn, siti.patient.mrn].sort());
    expect(holders.find((p) => p.mrn === siti.patient.mrn)).toMatchObject({ matchedBy: 'old-mrn', matchedOldMrn: '3', mergedMrn: rina.patient.mrn });
    const andiOld = await callOk(core, 'lookup', { query: 'RM lama 000555' });
    expect(andiOld.patient?.id ?? andiOld.ownMatches?.[0]?.id).toBe(ando.patient.id);

    const entries = (await allEntries(core)).filter((e) => e.action === 'patient-merge');
    expect(entries.map((e) => e.detail)).toEqual([
      expect.objectContaining({ mergedMrn: andi.patient.mrn, oldMrnTaken: '000555', oldMrnAlias: null }),
      expect.objectContaining({ mergedMrn: rina.patient.mrn, oldMrnTaken: null, oldMrnAlias: '3' }),
    ]);
    core.close();
  });

  it('shows both side by side, then joins the extra one: visits move, it leaves the searches, its RM finds the survivor with a note', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const { survivor, merged } = await twoRecords(core, (d) => (now = d));
    // Before: the name search lists both, the duplicate first.
    expect((await callOk(core, 'lookup', { query: 'DEWI LESTARI', dob: DEWI.dob })).ownMatches?.map((p) => p.mrn).sort()).toEqual([survivor.mrn, merged.mrn].sort());

    const preview = await callOk(core, 'previewMergePatients', { survivorMrn: survivor.mrn, mergedMrn: ` ${merged.mrn.toLowerCase()} ` });
    expect(preview.survivor).toMatchObject({ patient: { id: survivor.id, nik: DEWI.nik }, visits: 1 });
    expect(preview.merged).toMatchObject({ patient: { id: merged.id, name: 'DEWY LESTARI', nik: null }, visits: 1 });
    expect(preview.fills).toEqual([]);

    const result = await callOk(core, 'mergePatients', { survivorId: survivor.id, mergedId: merged.id });
    expect(result).toMatchObject({ survivor: { id: survivor.id, mrn: survivor.mrn, nik: DEWI.nik }, merged: { mrn: merged.mrn }, visitsMoved: 1, filled: [] });
    expect(visitsOf(core, survivor.id)).toBe(2);
    expect(core.db.prepare('SELECT 1 FROM patients WHERE id = ?').get(merged.id)).toBeUndefined();

    // Every search: one record. The misspelt name finds the survivor only through its own name, never the merged record.
    expect((await callOk(core, 'lookup', { query: 'DEWI LESTARI', dob: DEWI.dob })).ownMatches?.map((p) => p.mrn)).toEqual([survivor.mrn]);
    expect((await callOk(core, 'lookup', { query: 'DEWY LESTARI' })).ownMatches?.map((p) => p.mrn) ?? []).not.toContain(merged.mrn);
    expect(await callOk(core, 'likelyDuplicates', { name: 'DEWY LESTARI', dob: DEWI.dob })).not.toContainEqual(expect.objectContaining({ mrn: merged.mrn }));
    // The old card's RM: the survivor, with the note.
    const byOldRm = await callOk(core, 'lookup', { query: merged.mrn });
    expect(byOldRm.patient).toMatchObject({ id: survivor.id, mrn: survivor.mrn, mergedMrn: merged.mrn });
    expect((await callOk(core, 'lookup', { query: survivor.mrn })).patient?.mergedMrn).toBeUndefined();
    // A visit registered by the old RM goes to the survivor.
    const again = await callOk(core, 'registerVisit', { patientId: byOldRm.patient!.id, unit: 'GIGI', verdict: null });
    expect(core.db.prepare('SELECT patient_id AS id FROM visits WHERE id = ?').get(again.id)).toEqual({ id: survivor.id });

    // Asked again: said, nothing done.
    const second = await dispatch(core, 'previewMergePatients', { survivorMrn: survivor.mrn, mergedMrn: merged.mrn });
    expect(second).toMatchObject({ ok: false, error: { code: 'patient-merge/already-merged', params: { mrn: merged.mrn, survivorMrn: survivor.mrn } } });

    const entry = (await allEntries(core)).find((e) => e.action === 'patient-merge');
    expect(entry).toMatchObject({ actor: 'ani', subject: survivor.mrn, detail: { method: 'mergePatients', mergedMrn: merged.mrn, mergedName: 'DEWY LESTARI', visitsMoved: 1, filled: [] } });
    core.close();
  });

  it('the survivor takes the NIK it lacked, never replaces one; different NIKs are refused with nothing changed', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const { survivor: withNik, merged: withoutNik } = await twoRecords(core, (d) => (now = d));
    // The record without NIK stays (the one the paper file is under); it takes the KTP's NIK from the other.
    const result = await callOk(core, 'mergePatients', { survivorId: withoutNik.id, mergedId: withNik.id });
    // And the address it lacked; birth date and sex are the same on both.
    expect(result.filled).toEqual(['nik', 'address']);
    expect(result.notFilled).toEqual([]);
    expect(await callOk(core, 'findPatient', { nik: DEWI.nik })).toMatchObject({ id: withoutNik.id, mrn: withoutNik.mrn });

    const other = await callOk(core, 'createPatient', { name: 'DEWI LESTARI', nik: '3671024312920006', dob: DEWI.dob });
    const refused = await dispatch(core, 'mergePatients', { survivorId: withoutNik.id, mergedId: other.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'patient-merge/nik-differs', params: { survivorMrn: withoutNik.mrn, mergedMrn: other.mrn } } });
    expect(core.db.prepare('SELECT nik FROM patients WHERE id = ?').get(other.id)).toEqual({ nik: '3671024312920006' });
    expect(await dispatch(core, 'mergePatients', { survivorId: other.id, mergedId: other.id })).toMatchObject({ ok: false, error: { code: 'patient-merge/same-record' } });
    core.close();
  });

  it('the survivor takes the birth date, sex and address it lacked; one that has them keeps its own, named; a card another record holds stays', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const row = (id: number) => core.db.prepare('SELECT card, dob, sex, address FROM patients WHERE id = ?').get(id);
    // A record made in a hurry (name only) beside the full one.
    const bare = await callOk(core, 'createPatient', { name: 'DEWY LESTARI' });
    now = LATER;
    const full = await callOk(core, 'createPatient', { name: 'DEWI LESTARI', dob: '1992-12-03', sex: 'P', address: 'JL. KENANGA 5', card: '0001234567890' });
    expect(await callOk(core, 'previewMergePatients', { survivorMrn: bare.mrn, mergedMrn: full.mrn })).toMatchObject({ fills: ['card', 'dob', 'sex', 'address'], notFilled: [] });
    const taken = await callOk(core, 'mergePatients', { survivorId: bare.id, mergedId: full.id });
    expect(taken).toMatchObject({ filled: ['card', 'dob', 'sex', 'address'], notFilled: [] });
    expect(row(bare.id)).toEqual({ card: '0001234567890', dob: '1992-12-03', sex: 'P', address: 'JL. KENANGA 5' });

    // Both with their own: the survivor keeps its own; what differs is named, in the result and the trail.
    const siti = await callOk(core, 'createPatient', { name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P', address: 'JL. MELATI 1' });
    const sity = await callOk(core, 'createPatient', { name: 'SITI AMINA', dob: '1985-03-13', sex: 'P', address: 'JL. MAWAR 2' });
    const kept = await callOk(core, 'mergePatients', { survivorId: siti.id, mergedId: sity.id });
    expect(kept).toMatchObject({ filled: [], notFilled: ['dob', 'address'] });
    expect(row(siti.id)).toEqual({ card: null, dob: '1985-03-12', sex: 'P', address: 'JL. MELATI 1' });
    const entry = (await allEntries(core)).filter((e) => e.action === 'patient-merge').at(-1)!;
    expect(entry).toMatchObject({ subject: siti.mrn, detail: { filled: [], notFilled: ['dob', 'address'] } });
    expect(detailText(entry, auditWording('id'))).toContain('tidak diambil (RM ini punya isinya sendiri, atau nomornya milik rekam medis lain): tanggal lahir, alamat');

    // A card another record holds (another counter's patient, pulled from the hub) stays with the merged record, named.
    const rina = await callOk(core, 'createPatient', { name: 'RINA' });
    const rinaW = await callOk(core, 'createPatient', { name: 'RINA W', card: '0009999999999', address: 'JL. KENARI 7' });
    applyPull(core.db, pullResponse({ cursor: 70, patients: [pulledPatient({ rev: 70, name: 'RINI WATI', nik: '3673014101800002', card: '0009999999999' })] }));
    const held = await callOk(core, 'mergePatients', { survivorId: rina.id, mergedId: rinaW.id });
    expect(held).toMatchObject({ filled: ['address'], notFilled: ['card'] });
    expect(row(rina.id)).toMatchObject({ card: null, address: 'JL. KENARI 7' });
    core.close();
  });

  it('is the administrator\'s: a clerk is refused, and the refusal is on record', async () => {
    let now = NOW;
    const dir = tempDir();
    const admin = auditCore(dir, 'ani', () => now);
    const { survivor, merged } = await twoRecords(admin.core, (d) => (now = d));
    admin.core.close();
    const { core } = auditCore(dir, 'budi', () => now, { actor: { username: 'budi', role: 'clerk' } });
    expect(await dispatch(core, 'mergePatients', { survivorId: survivor.id, mergedId: merged.id })).toMatchObject({ ok: false, error: { code: 'session/forbidden' } });
    expect(await dispatch(core, 'previewMergePatients', { survivorMrn: survivor.mrn, mergedMrn: merged.mrn })).toMatchObject({ ok: false, error: { code: 'session/forbidden' } });
    expect(visitsOf(core, merged.id)).toBe(1);
    core.close();
  });

  it('is one transaction: a failure at its last write leaves both records and their visits as they were', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const { survivor, merged } = await twoRecords(core, (d) => (now = d));
    core.db.exec(`CREATE TRIGGER fail_merge BEFORE INSERT ON patient_merges BEGIN SELECT RAISE(ABORT, 'disk gone'); END;`);
    expect((await dispatch(core, 'mergePatients', { survivorId: survivor.id, mergedId: merged.id })).ok).toBe(false);
    expect(visitsOf(core, survivor.id)).toBe(1);
    expect(visitsOf(core, merged.id)).toBe(1);
    expect(core.db.prepare('SELECT mrn FROM patients WHERE id = ?').get(merged.id)).toEqual({ mrn: merged.mrn });
    expect(core.db.prepare('SELECT count(*) AS n FROM patient_aliases').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT applying FROM sync_state').get()).toEqual({ applying: 0 });
    core.close();
  });

  it('enrolled: one patient.merge op the hub accepts; a pull never brings the merged record back, and its visits land on the survivor', async () => {
    let now = NOW;
    const { core } = auditCore(tempDir(), 'ani', () => now);
    const { survivor, merged } = await twoRecords(core, (d) => (now = d));
    markEnrolled(core.db, { counterId: 'counter-K1', offlinePrefix: 'K1' });
    // Changes the hub has not had yet: sent first.
    expect(await dispatch(core, 'mergePatients', { survivorId: survivor.id, mergedId: merged.id })).toMatchObject({ ok: false, error: { code: 'patient-merge/unsent', params: { mrn: survivor.mrn } } });
    const sent = readOutbox(core.db, 500).ops;
    ackOutbox(core.db, sent.map((op) => ({ opId: op.opId, status: 'applied' as const })));

    await callOk(core, 'mergePatients', { survivorId: survivor.id, mergedId: merged.id });
    const ops = readOutbox(core.db, 500).ops;
    expect(ops.map((op) => op.kind)).toEqual(['patient.merge']);
    expect(hubOp.safeParse(ops[0]).success).toBe(true);
    expect(ops[0]).toMatchObject({ survivorUid: survivor.uid, merged: { uid: merged.uid, mrn: merged.mrn, name: 'DEWY LESTARI', nik: null } });

    // Before the hub has the merge: another counter's edit of the merged record, and its visit there.
    const copy = pulledPatient({ rev: 50, uid: merged.uid, mrn: merged.mrn, name: 'DEWY LESTARI S', dob: DEWI.dob });
    const visit = pulledVisit({ rev: 51, patientUid: merged.uid, queueNo: 9 });
    applyPull(core.db, pullResponse({ cursor: 51, patients: [copy], visits: [visit] }));
    expect(core.db.prepare('SELECT count(*) AS n FROM patients WHERE uid = ?').get(merged.uid)).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT p.id FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.uid = ?').get(visit.uid)).toEqual({ id: survivor.id });
    // Then the hub's merge comes back: the same state.
    applyPull(core.db, pullResponse({ cursor: 52, patients: [{ ...copy, rev: 52, mergedInto: survivor.uid }], aliases: [{ mrn: merged.mrn, patientUid: survivor.uid, rev: 52 }] }));
    expect(core.db.prepare('SELECT count(*) AS n FROM patients WHERE uid = ?').get(merged.uid)).toEqual({ n: 0 });
    expect((await callOk(core, 'lookup', { query: merged.mrn })).patient).toMatchObject({ id: survivor.id, mergedMrn: merged.mrn });
    core.close();
  });
});
