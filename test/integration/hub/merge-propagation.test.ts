import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubWithTwoCounters } from './enrolled-counters';

/**
 * searchtester S9 at a facility with a hub: two records of one person made at two counters
 * (DEWI LESTARI with NIK at one, DEWY LESTARI without at the other). An administrator joins them
 * at one counter; the hub and the other counter take the merge, with the survivor the
 * administrator chose (not the hub's own rule, the older record), and no later sync undoes it.
 */
const testbed = useHubTestbed('loket-merge-hub-');

const NIK = '3671024312920005';
const patientsOf = (core: Core) => core.db.prepare('SELECT mrn, name, nik FROM patients ORDER BY mrn').all();
const visitPatients = (core: Core) => core.db.prepare('SELECT p.mrn FROM visits v JOIN patients p ON p.id = v.patient_id ORDER BY v.uid').all().map((r) => (r as { mrn: string }).mrn);

describe('a merge made at a counter reaches the hub and every counter', () => {
  it('the survivor chosen at the counter, its visits, the old RM as an alias; a later edit of the merged record at another counter does not bring it back', async () => {
    const { hub, a, b } = await hubWithTwoCounters(testbed, 'merge_propagation');

    // The first record (with the KTP's NIK) at A, the misspelt one at B the next time she came.
    const dewi = await callOk(a, 'registerNewPatient', { identity: { name: 'DEWI LESTARI', nik: NIK, dob: '1992-12-03', sex: 'P' }, unit: 'UMUM', verdict: null });
    await callOk(a, 'syncNow', {});
    await callOk(b, 'syncNow', {});
    const dewy = await callOk(b, 'registerNewPatient', { identity: { name: 'DEWY LESTARI', dob: '1992-12-03', sex: 'P' }, unit: 'UMUM', verdict: null });
    for (const c of [b, a]) await callOk(c, 'syncNow', {});
    expect(patientsOf(a)).toHaveLength(2);

    // At A, the administrator keeps B's record (the paper file is under it): the newer one survives and takes the NIK.
    const preview = await callOk(a, 'previewMergePatients', { survivorMrn: dewy.patient.mrn, mergedMrn: dewi.patient.mrn });
    expect(preview.fills).toEqual(['nik']);
    await callOk(a, 'mergePatients', { survivorId: preview.survivor.patient.id, mergedId: preview.merged.patient.id });
    await callOk(a, 'syncNow', {});

    const hubRow = async (uid: string) => (await hub.pg.query('SELECT mrn, nik, merged_into FROM patients WHERE uid = $1', [uid])).rows[0];
    expect(await hubRow(dewy.patient.uid)).toEqual({ mrn: dewy.patient.mrn, nik: NIK, merged_into: null });
    expect(await hubRow(dewi.patient.uid)).toMatchObject({ mrn: dewi.patient.mrn, merged_into: dewy.patient.uid });
    expect((await hub.pg.query('SELECT patient_uid FROM mrn_aliases WHERE mrn = $1', [dewi.patient.mrn])).rows).toEqual([{ patient_uid: dewy.patient.uid }]);
    expect((await hub.pg.query('SELECT DISTINCT patient_uid FROM visits')).rows).toEqual([{ patient_uid: dewy.patient.uid }]);

    // B, which never saw the merge being made, edits the record A merged away, then syncs.
    const dewiAtB = b.db.prepare('SELECT id FROM patients WHERE uid = ?').get(dewi.patient.uid) as { id: number };
    await callOk(b, 'updatePatient', { patientId: dewiAtB.id, changes: { address: 'JL. KENANGA 5', oldMrn: '000999' } });
    for (const c of [b, a, b, a]) await callOk(c, 'syncNow', {});

    const expected = [{ mrn: dewy.patient.mrn, name: 'DEWY LESTARI', nik: NIK }];
    expect(patientsOf(a)).toEqual(expected);
    expect(patientsOf(b)).toEqual(expected);
    expect(visitPatients(b)).toEqual([dewy.patient.mrn, dewy.patient.mrn]);
    expect(await hubRow(dewi.patient.uid)).toMatchObject({ merged_into: dewy.patient.uid });
    // The old card's RM at B finds the survivor, with the note; the name search lists one record.
    expect((await callOk(b, 'lookup', { query: dewi.patient.mrn })).patient).toMatchObject({ mrn: dewy.patient.mrn, mergedMrn: dewi.patient.mrn });
    expect((await callOk(b, 'lookup', { query: 'DEWI LESTARI', dob: '1992-12-03' })).ownMatches?.map((p) => p.mrn)).toEqual([dewy.patient.mrn]);
    // The old RM given there late (papertester F7) is the survivor's now (it had none): it finds it at both counters.
    for (const c of [a, b]) {
      const byOld = await callOk(c, 'lookup', { query: 'RM lama 000999' });
      expect(byOld.patient ?? byOld.ownMatches?.[0]).toMatchObject({ mrn: dewy.patient.mrn, oldMrn: '000999' });
    }
    // B's trail says where DEWI's record went (it vanished from B's search with a pull): a merge, by
    // the hub, with her visit kept at B moved, once whatever the later pulls; A's has its own merge once.
    const merges = async (c: Core) => (await callOk(c, 'auditEntries', { limit: 500 })).entries.filter((e) => e.action === 'patient-merge');
    expect(await merges(b)).toEqual([
      expect.objectContaining({ actor: expect.stringMatching(/^hub:/), subject: dewy.patient.mrn, detail: expect.objectContaining({ method: 'hubMerge', mergedMrn: dewi.patient.mrn, mergedName: 'DEWI LESTARI', visitsMoved: 1, source: 'hub' }) }),
    ]);
    expect((await merges(a)).map((e) => e.detail.method)).toEqual(['mergePatients']);
    // Every counter was told (the hub's notice).
    expect((await callOk(b, 'hubNotices', {})).some((n) => n.kind === 'patient-merged')).toBe(true);
    // The late edit's fields the survivor lacked were carried to it: every counter is told which (papertester F7).
    for (const c of [a, b]) {
      expect((await callOk(c, 'hubNotices', {})).find((n) => n.params.carried)).toMatchObject({
        kind: 'patient-merged',
        params: { mergedMrn: dewi.patient.mrn, survivorMrn: dewy.patient.mrn, carried: 'address,oldMrn' },
      });
    }
  });
});
