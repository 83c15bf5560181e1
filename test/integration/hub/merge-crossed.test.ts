import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubWithTwoCounters } from './enrolled-counters';

/**
 * papertester F15: two counters join the same pair of records in opposite directions while the hub
 * is out of reach. The hub settles it one way (the merge that reached it first); the other counter
 * follows the hub's answer on its pull, with a notice of its own, and no sync round fails.
 */
const testbed = useHubTestbed('loket-merge-crossed-');

const patientsOf = (core: Core) => core.db.prepare('SELECT mrn, name FROM patients ORDER BY mrn').all();
const visitPatients = (core: Core) => core.db.prepare('SELECT p.mrn FROM visits v JOIN patients p ON p.id = v.patient_id ORDER BY v.uid').all().map((r) => (r as { mrn: string }).mrn);

describe('crossed merges (the same pair, opposite directions, made offline at two counters)', () => {
  it('the hub keeps the first to arrive; the other counter follows it on pull, its sync never failing', async () => {
    const { hub, a, b } = await hubWithTwoCounters(testbed, 'merge_crossed');

    const nana = await callOk(a, 'registerNewPatient', { identity: { name: 'NANA SUDJANA', dob: '1968-08-17', sex: 'L' }, unit: 'UMUM', verdict: null });
    const sujana = await callOk(a, 'registerNewPatient', { identity: { name: 'NANA SUJANA', nik: '3673011708680005', dob: '1968-08-17', sex: 'L' }, unit: 'UMUM', verdict: null });
    for (const c of [a, b]) await callOk(c, 'syncNow', {});
    expect(patientsOf(b)).toHaveLength(2);

    // The hub out of reach (no sync): A keeps NANA's record, B keeps SUJANA's.
    const idAt = (c: Core, uid: string) => (c.db.prepare('SELECT id FROM patients WHERE uid = ?').get(uid) as { id: number }).id;
    await callOk(a, 'mergePatients', { survivorId: idAt(a, nana.patient.uid), mergedId: idAt(a, sujana.patient.uid) });
    await callOk(b, 'mergePatients', { survivorId: idAt(b, sujana.patient.uid), mergedId: idAt(b, nana.patient.uid) });

    // The hub back: A's merge arrives first and is the hub's answer.
    for (const c of [a, b, a, b]) {
      const round = await callOk(c, 'syncNow', {});
      expect(round).not.toMatchObject({ ok: false });
    }
    const hubRow = async (uid: string) => (await hub.pg.query('SELECT merged_into FROM patients WHERE uid = $1', [uid])).rows[0];
    expect(await hubRow(nana.patient.uid)).toEqual({ merged_into: null });
    expect(await hubRow(sujana.patient.uid)).toEqual({ merged_into: nana.patient.uid });

    // Both counters tell the clerk the same RM, with both visits on it, and the other RM finds it.
    const expected = [{ mrn: nana.patient.mrn, name: 'NANA SUDJANA' }];
    expect(patientsOf(a)).toEqual(expected);
    expect(patientsOf(b)).toEqual(expected);
    expect(visitPatients(b)).toEqual([nana.patient.mrn, nana.patient.mrn]);
    for (const c of [a, b]) {
      expect((await callOk(c, 'lookup', { query: sujana.patient.mrn })).patient).toMatchObject({ mrn: nana.patient.mrn, mergedMrn: sujana.patient.mrn });
      expect((await callOk(c, 'lookup', { query: nana.patient.mrn })).patient).toMatchObject({ mrn: nana.patient.mrn });
      expect((await callOk(c, 'hubNotices', {})).some((n) => n.kind === 'patient-merged')).toBe(true);
    }
    // B, whose merge the hub answered the other way, is told so with both RMs: its clerk was told
    // to write SUJANA's RM on the paper folder. A, whose merge stands, has no such notice.
    const reversedAt = async (c: Core) => (await callOk(c, 'hubNotices', {})).filter((n) => n.kind === 'merge-reversed');
    expect((await reversedAt(b)).map((n) => n.params)).toEqual([{ hubMrn: nana.patient.mrn, ownMrn: sujana.patient.mrn, name: 'NANA SUDJANA' }]);
    expect(await reversedAt(a)).toEqual([]);
    // B's trail: its own merge (SUJANA kept), then the hub's, the other way (NANA kept, SUJANA's visit moved).
    const merges = async (c: Core) => (await callOk(c, 'auditEntries', { limit: 500 })).entries.filter((e) => e.action === 'patient-merge');
    expect((await merges(b)).map((e) => [e.detail.method, e.subject, e.detail.mergedMrn])).toEqual([
      ['hubMerge', nana.patient.mrn, sujana.patient.mrn],
      ['mergePatients', sujana.patient.mrn, nana.patient.mrn],
    ]);
    expect((await merges(a)).map((e) => e.detail.method)).toEqual(['mergePatients']);
    // B's pulls all went through: its registration afterwards is numbered by the hub.
    const later = await callOk(b, 'registerNewPatient', { identity: { name: 'PUTRI AYU', dob: '1999-01-02', sex: 'P' }, unit: 'UMUM', verdict: null });
    for (const c of [b, a]) await callOk(c, 'syncNow', {});
    expect(patientsOf(a).map((p) => (p as { mrn: string }).mrn)).toContain(later.patient.mrn);
  });
});
