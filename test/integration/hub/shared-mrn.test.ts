import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { readHubConfig } from '../../../src/hub/hub-config';
import { startHub } from '../../../src/hub/hub-main';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { counterMaker, enrollAt } from './enrolled-counters';

/**
 * Finding: a counter that worked alone before enrolling made RM 000004 while the hub had given
 * another counter the block holding 000004. The hub keeps both records (a same-mrn notice); each
 * counter then rewrote its OWN patient's RM to a placeholder `~<uid>` for good, and typing the
 * printed RM opened the other person. Now both keep their RM, at the hub and at every counter, and
 * the look-up by that RM shows both for the clerk to choose.
 */
const { server, hubs, cores, tempDir } = useHubTestbed('loket-shared-mrn-');

const counter = counterMaker(cores, tempDir);

const mrnsOf = (core: Core): { mrn: string; name: string }[] => core.db.prepare('SELECT mrn, name FROM patients ORDER BY name').all() as { mrn: string; name: string }[];

describe('one record number held by two patients (two counters numbered before the hub)', () => {
  it('both keep it at the hub and at every counter; the look-up by it lets the clerk choose, and registers the one chosen', async () => {
    const dataDir = tempDir();
    const hub = await startHub({ pgUrl: await server().createDatabase('shared_mrn'), dataDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
    hubs.push(hub);
    const admin = `Admin ${readHubConfig(dataDir)!.adminKey}`;

    // A is enrolled from the start: the hub gives it the block 1-200; it registers four patients.
    const a = counter('ani');
    await enrollAt(hub, admin, a, 'Loket 1');
    expect((await callOk(a, 'syncNow', {})).mrnBlock).toEqual({ first: 1, last: 200 });
    for (const name of ['Chairul', 'Budi', 'Rudi', 'Andri']) await callOk(a, 'createPatient', { name, dob: '1980-01-01' });
    await callOk(a, 'syncNow', {});

    // B works alone this morning (its own sequence: 000001-000005), then enrolls at noon.
    const b = counter('beni');
    for (let i = 1; i <= 5; i++) await callOk(b, 'createPatient', { name: `Pasien Pagi ${i}`, dob: '1990-01-0' + String(i) });
    await enrollAt(hub, admin, b, 'Loket 4');
    for (const c of [b, a, b, a]) await callOk(c, 'syncNow', {});

    // Nobody's RM was rewritten: every patient keeps the number printed on its card, at both counters.
    const expected = [
      { mrn: '000004', name: 'ANDRI' },
      { mrn: '000002', name: 'BUDI' },
      { mrn: '000001', name: 'CHAIRUL' },
      { mrn: '000001', name: 'PASIEN PAGI 1' },
      { mrn: '000002', name: 'PASIEN PAGI 2' },
      { mrn: '000003', name: 'PASIEN PAGI 3' },
      { mrn: '000004', name: 'PASIEN PAGI 4' },
      { mrn: '000005', name: 'PASIEN PAGI 5' },
      { mrn: '000003', name: 'RUDI' },
    ];
    expect(mrnsOf(a)).toEqual(expected);
    expect(mrnsOf(b)).toEqual(expected);
    const notices = await hub.pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM notices WHERE kind = 'possible-duplicate' AND params->>'reason' = 'same-mrn'`);
    expect(notices.rows[0]!.n).toBe(4);

    // Typing the printed RM (as printed, or the short "4") shows both, with no verdict and nobody picked.
    for (const query of ['000004', '4']) {
      const shared = await callOk(a, 'lookup', { query });
      expect(shared).toMatchObject({ kind: 'mrn', verdict: 'unknown', matches: [], problem: { code: 'query/mrn-shared', params: { mrn: '000004', count: 2 } } });
      expect(shared.patient).toBeUndefined();
      expect(shared.ownMatches?.map((p) => [p.mrn, p.name])).toEqual([
        ['000004', 'ANDRI'],
        ['000004', 'PASIEN PAGI 4'],
      ]);
      expect(formatCoreMessage('id', shared.problem!)).toMatch(/^No\. RM 000004 dipegang 2 pasien: .*Pilih pasien yang benar/);
    }
    // The clerk chooses ANDRI (A's patient): the look-up answers for him, and the visit goes on his record.
    const andri = (await callOk(a, 'lookup', { query: '000004' })).ownMatches!.find((p) => p.name === 'ANDRI')!;
    const chosen = await callOk(a, 'lookup', { query: '000004', patientId: andri.id });
    expect(chosen).toMatchObject({ kind: 'mrn', problem: null, patient: { id: andri.id, name: 'ANDRI', mrn: '000004' } });
    expect(chosen.ownMatches).toBeUndefined();
    const visit = await callOk(a, 'registerVisit', { patientId: chosen.patient!.id, unit: 'UMUM', verdict: 'unknown' });
    expect(a.db.prepare('SELECT p.name FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?').get(visit.id)).toEqual({ name: 'ANDRI' });
    // A patientId that the number does not name changes nothing: the choice is still the clerk's.
    const budi = (await callOk(a, 'lookup', { query: '000002' })).ownMatches!.find((p) => p.name === 'BUDI')!;
    expect((await callOk(a, 'lookup', { query: '000004', patientId: budi.id })).problem?.code).toBe('query/mrn-shared');
    // A number only one patient holds is answered as ever.
    expect(await callOk(a, 'lookup', { query: '000005' })).toMatchObject({ kind: 'mrn', patient: { name: 'PASIEN PAGI 5' } });

    // Going forward: A's block still holds 000005, which B's island already used; A skips it.
    const next = await callOk(a, 'createPatient', { name: 'Sesudah Siang', dob: '1999-09-09' });
    expect(next.mrn).toBe('000006');
    // And B's own block starts past every RM in the register.
    const bBlock = b.db.prepare('SELECT first FROM mrn_blocks').all() as { first: number }[];
    expect(bBlock.every((blk) => blk.first > 5)).toBe(true);
  });
});
