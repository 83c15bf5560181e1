import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubWithTwoCounters } from './enrolled-counters';

/**
 * papertester F7: counter A joins record B into record A and syncs; counter B, which has not
 * pulled the merge (its hub out of reach), edits record B (old RM from the paper card, address).
 * When B syncs, what that edit gave and the survivor lacks is carried onto the survivor at the
 * hub, and so at both counters; what it could not carry is named in the hub's notice.
 */
const testbed = useHubTestbed('loket-merge-late-edit-');

const idAt = (c: Core, uid: string) => (c.db.prepare('SELECT id FROM patients WHERE uid = ?').get(uid) as { id: number }).id;
const rowAt = (c: Core, uid: string) => c.db.prepare('SELECT mrn, nik, address, old_mrn AS oldMrn FROM patients WHERE uid = ?').get(uid);
const lateEditEntries = async (c: Core) =>
  (await callOk(c, 'auditEntries', { limit: 500 })).entries.filter((e) => e.action === 'patient-change' && e.detail.method === 'hubLateEdit');

describe('an edit of a record merged meanwhile at another counter (papertester F7)', () => {
  it('what the survivor lacks is carried onto it, at the hub and both counters; the late old RM finds it; the trail says so', async () => {
    const { hub, a, b } = await hubWithTwoCounters(testbed, 'merge_late_edit');
    const iwan = await callOk(a, 'registerNewPatient', { identity: { name: 'IWAN FALS', dob: '1971-08-08', sex: 'L' }, unit: 'UMUM', verdict: null });
    const iwann = await callOk(a, 'registerNewPatient', { identity: { name: 'IWAN FALLS', nik: '3673010808710003', dob: '1971-08-08', sex: 'L' }, unit: 'UMUM', verdict: null });
    for (const c of [a, b]) await callOk(c, 'syncNow', {});

    // A joins the second record into the first and syncs; B (hub away: no sync) edits the second record.
    await callOk(a, 'mergePatients', { survivorId: idAt(a, iwan.patient.uid), mergedId: idAt(a, iwann.patient.uid) });
    await callOk(a, 'syncNow', {});
    await callOk(b, 'updatePatient', { patientId: idAt(b, iwann.patient.uid), changes: { address: 'JL. MAWAR 9 SERANG', oldMrn: '000999' } });
    for (const c of [b, a, b]) await callOk(c, 'syncNow', {});

    const hubRow = (await hub.pg.query('SELECT address, old_mrn, nik FROM patients WHERE uid = $1', [iwan.patient.uid])).rows[0];
    expect(hubRow).toEqual({ address: 'JL. MAWAR 9 SERANG', old_mrn: '000999', nik: '3673010808710003' });
    for (const c of [a, b]) {
      expect(rowAt(c, iwan.patient.uid)).toEqual({ mrn: iwan.patient.mrn, nik: '3673010808710003', address: 'JL. MAWAR 9 SERANG', oldMrn: '000999' });
      expect(rowAt(c, iwann.patient.uid)).toBeUndefined();
      // The paper card's number finds the survivor (not a third record).
      const byOld = await callOk(c, 'lookup', { query: 'RM lama 000999' });
      expect(byOld.patient ?? byOld.ownMatches?.[0]).toMatchObject({ mrn: iwan.patient.mrn, oldMrn: '000999', matchedBy: 'old-mrn' });
      // The notice names what was carried, and nothing as not applied.
      const late = (await callOk(c, 'hubNotices', {})).filter((n) => n.params.carried || n.params.changed);
      expect(late).toEqual([expect.objectContaining({ kind: 'patient-merged', params: expect.objectContaining({ mergedMrn: iwann.patient.mrn, survivorMrn: iwan.patient.mrn, carried: 'address,oldMrn' }) })]);
      expect(late[0]!.params.changed).toBeUndefined();
      // The trail, once, under the survivor's RM.
      expect(await lateEditEntries(c)).toEqual([
        expect.objectContaining({ subject: iwan.patient.mrn, detail: expect.objectContaining({ mergedMrn: iwann.patient.mrn, fields: ['address', 'oldMrn'], notCarried: [], source: 'hub' }) }),
      ]);
    }
  });

  it('never overwrites what the survivor has, nor takes a NIK another record holds: those are named in the notice', async () => {
    const { hub, a, b } = await hubWithTwoCounters(testbed, 'merge_late_kept');
    const siti = await callOk(a, 'registerNewPatient', { identity: { name: 'SITI AMINAH', dob: '1980-01-02', sex: 'P' }, unit: 'UMUM', verdict: null });
    await callOk(a, 'updatePatient', { patientId: idAt(a, siti.patient.uid), changes: { address: 'JL. MELATI 1', oldMrn: '000111' } });
    const sity = await callOk(a, 'registerNewPatient', { identity: { name: 'SITY AMINA', dob: '1980-01-02', sex: 'P' }, unit: 'UMUM', verdict: null });
    for (const c of [a, b]) await callOk(c, 'syncNow', {});

    await callOk(a, 'mergePatients', { survivorId: idAt(a, siti.patient.uid), mergedId: idAt(a, sity.patient.uid) });
    // Someone else, with the NIK B will type on the merged record (a typo there, or two people).
    await callOk(a, 'registerNewPatient', { identity: { name: 'RINI WATI', nik: '3673014101800002', dob: '1980-01-01', sex: 'P' }, unit: 'UMUM', verdict: null });
    await callOk(a, 'syncNow', {});
    await callOk(b, 'updatePatient', {
      patientId: idAt(b, sity.patient.uid),
      changes: { name: 'SITI AMINA', nik: '3673014101800002', address: 'JL. MAWAR 2', oldMrn: '000222' },
    });
    for (const c of [b, a, b]) await callOk(c, 'syncNow', {});

    expect((await hub.pg.query('SELECT name, nik, address, old_mrn FROM patients WHERE uid = $1', [siti.patient.uid])).rows[0]).toEqual({
      name: 'SITI AMINAH',
      nik: null,
      address: 'JL. MELATI 1',
      old_mrn: '000111',
    });
    for (const c of [a, b]) {
      expect(rowAt(c, siti.patient.uid)).toEqual({ mrn: siti.patient.mrn, nik: null, address: 'JL. MELATI 1', oldMrn: '000111' });
      // The late old RM stays the merged record's: it finds the survivor, as at a merge.
      const byOld = await callOk(c, 'lookup', { query: 'RM lama 000222' });
      expect(byOld.patient ?? byOld.ownMatches?.[0]).toMatchObject({ mrn: siti.patient.mrn });
      const late = (await callOk(c, 'hubNotices', {})).filter((n) => n.params.carried || n.params.changed);
      expect(late.map((n) => n.params)).toEqual([expect.objectContaining({ mergedMrn: sity.patient.mrn, survivorMrn: siti.patient.mrn, changed: 'name,nik,address' })]);
      expect(late[0]!.params.carried).toBeUndefined();
      expect(await lateEditEntries(c)).toEqual([]);
    }
  });

  it('a NIK and card given late, that nobody else holds, go to the survivor: its NIK finds it at both counters', async () => {
    const { hub, a, b } = await hubWithTwoCounters(testbed, 'merge_late_nik');
    const budi = await callOk(a, 'registerNewPatient', { identity: { name: 'BUDI SANTOSO', dob: '1975-05-05', sex: 'L' }, unit: 'UMUM', verdict: null });
    const budy = await callOk(a, 'registerNewPatient', { identity: { name: 'BUDY SANTOSO', dob: '1975-05-05', sex: 'L' }, unit: 'UMUM', verdict: null });
    for (const c of [a, b]) await callOk(c, 'syncNow', {});
    await callOk(a, 'mergePatients', { survivorId: idAt(a, budi.patient.uid), mergedId: idAt(a, budy.patient.uid) });
    await callOk(a, 'syncNow', {});
    await callOk(b, 'updatePatient', { patientId: idAt(b, budy.patient.uid), changes: { nik: '3673010505750007', card: '0001234567890' } });
    for (const c of [b, a, b]) await callOk(c, 'syncNow', {});

    expect((await hub.pg.query('SELECT nik, card FROM patients WHERE uid = $1', [budi.patient.uid])).rows[0]).toEqual({ nik: '3673010505750007', card: '0001234567890' });
    for (const c of [a, b]) {
      expect((await callOk(c, 'lookup', { query: '3673010505750007' })).patient).toMatchObject({ mrn: budi.patient.mrn });
      expect((await callOk(c, 'hubNotices', {})).find((n) => n.params.carried)?.params).toMatchObject({ carried: 'nik,card' });
    }
  });
});
