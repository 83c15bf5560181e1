import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();

/** A core with the sample list, a settable clock (WIB), and optionally another record-number format. */
async function counter(mrnFormat?: string): Promise<{ core: Core; at: (iso: string) => void }> {
  const dir = tempDir();
  let clock = new Date('2026-11-20T02:00:00Z');
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => clock });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  if (mrnFormat) await core.saveSettings({ ...(await core.getSettings({})), mrnFormat, facilityCode: 'PKM01' });
  return { core, at: (iso) => (clock = new Date(iso)) };
}

describe("the facility's own patients come first", () => {
  it('a record number on no list finds the patient, with the last visit here (local date)', async () => {
    const { core, at } = await counter();
    const budi = await core.createPatient({ name: 'Budi Santoso', dob: '1980-01-01', sex: 'L' });
    expect(budi.mrn).toBe('000001');
    await core.registerVisit({ patientId: budi.id, unit: 'UMUM', verdict: 'unknown' });
    at('2026-11-22T18:30:00Z'); // 01:30 WIB on the 23rd
    await core.registerVisit({ patientId: budi.id, unit: 'GIGI', verdict: 'unknown' });
    at('2026-11-24T02:00:00Z');
    for (const q of ['000001', '1', '00 0001', ' 1 ']) {
      const r = await core.lookup({ query: q });
      expect(r, q).toMatchObject({ kind: 'mrn', verdict: 'unknown', problem: null, patient: { id: budi.id, mrn: '000001', name: 'BUDI SANTOSO', lastVisit: '2026-11-23' } });
    }
    core.close();
  });

  it('a cancelled visit is no last visit; a patient never seen has none', async () => {
    const { core, at } = await counter();
    const budi = await core.createPatient({ name: 'Budi Santoso' });
    expect((await core.lookup({ query: '1' })).patient?.lastVisit).toBeNull();
    const visit = await core.registerVisit({ patientId: budi.id, unit: 'UMUM', verdict: 'unknown' });
    at('2026-11-21T02:00:00Z');
    await core.setVisitStatus({ visitId: visit.id, status: 'cancelled' });
    expect((await core.lookup({ query: '000001' })).patient?.lastVisit).toBeNull();
    core.close();
  });

  it('RM-{yyyy}-{seq:5}: any case, separators, zeros, or without the year', async () => {
    const { core } = await counter('RM-{yyyy}-{seq:5}');
    await core.createPatient({ name: 'Orang Satu' });
    const siti = await core.createPatient({ name: SITI.name, nik: SITI.nik, card: SITI.card, dob: SITI.dob });
    expect(siti.mrn).toBe('RM-2026-00002');
    for (const q of ['RM-2026-00002', 'rm 2026 2', 'RM.2026.00002', 'Rm\u20132026\u20132', 'RM 2', 'rm2', '2', '00002']) {
      const r = await core.lookup({ query: q });
      // Siti's own NIK answers: eligible on the PBI APBD list.
      expect(r, q).toMatchObject({ kind: 'mrn', verdict: 'eligible', patient: { id: siti.id, mrn: 'RM-2026-00002' } });
      expect(r.matches[0]?.nik).toBe(SITI.nik);
    }
    expect((await core.lookup({ query: 'RM 3' })).patient).toBeUndefined();
    core.close();
  });

  it('a NIK, or a card typed with or without its zeros, carries the patient when this facility has one', async () => {
    const { core, at } = await counter();
    const siti = await core.createPatient({ name: SITI.name, nik: SITI.nik, card: SITI.card, dob: SITI.dob });
    await core.registerVisit({ patientId: siti.id, unit: 'KIA', verdict: 'eligible' });
    at('2026-11-25T02:00:00Z');
    for (const q of [SITI.nik, SITI.card, '1336526592', '1336-5265-92']) {
      const r = await core.lookup({ query: q });
      expect(r, q).toMatchObject({ verdict: 'eligible', patient: { id: siti.id, lastVisit: '2026-11-20' } });
    }
    expect((await core.lookup({ query: RIZKI.nik })).patient).toBeUndefined();
    core.close();
  });

  it('a 10-digit query that is a record number exactly is that record; any other is a card', async () => {
    const { core } = await counter('{yyyy}{seq:6}');
    const budi = await core.createPatient({ name: 'Budi Santoso' });
    expect(budi.mrn).toBe('2026000001');
    expect(await core.lookup({ query: '2026000001' })).toMatchObject({ kind: 'mrn', patient: { id: budi.id } });
    expect(await core.lookup({ query: '1336526592' })).toMatchObject({ kind: 'card', verdict: 'eligible' });
    expect((await core.lookup({ query: '1336526592' })).patient).toBeUndefined();
    core.close();
  });

  it('a short number that is no record says so', async () => {
    const { core } = await counter();
    const r = await core.lookup({ query: '42' });
    expect(r.problem).toEqual({ code: 'query/no-record', params: { mrn: '000042' } });
    expect(formatCoreMessage('id', r.problem!)).toMatch(/No\. RM 000042/);
    expect(r.patient).toBeUndefined();
    core.close();
  });

  it('a record number with its label that no record has ("RM 2019-00123", a paper-era card) says so, and is never searched as a name', async () => {
    const { core } = await counter();
    await core.createPatient({ name: 'Rahmat' });
    for (const query of ['RM 2019-00123', 'No. RM 2019.00123', 'rm 987654321']) {
      const r = await core.lookup({ query });
      expect(r.kind).toBe('mrn');
      expect(r.matches).toEqual([]);
      expect(r.ownMatches).toBeUndefined();
      expect(r.problem?.code).toBe('query/no-record');
    }
    expect(formatCoreMessage('id', (await core.lookup({ query: 'RM 2019-00123' })).problem!)).toMatch(/No\. RM 2019-00123\./);
    // The labelled number of a record here still finds it; a name that begins with the letters RM is still a name.
    expect(await core.lookup({ query: 'RM 000001' })).toMatchObject({ kind: 'mrn', patient: { name: 'RAHMAT' } });
    expect((await core.lookup({ query: 'RMADAN' })).kind).toBe('name');
    core.close();
  });

  it('a name lists own records with that name (same normalization as the lists), best first; a birth date narrows', async () => {
    const { core } = await counter();
    const rizki = await core.createPatient({ name: 'Moch. Rizki', dob: RIZKI.dob });
    const other = await core.createPatient({ name: 'Muhammad Rizki Pratama', dob: '2001-01-01' });
    await core.createPatient({ name: 'Siti Aminah', dob: SITI.dob });
    const byName = await core.lookup({ query: 'Muhammad Rizki' });
    expect(byName.kind).toBe('name');
    expect(byName.ownMatches?.map((p) => p.id)).toEqual([rizki.id, other.id]);
    expect(byName.ownMatches?.[0]).toMatchObject({ mrn: '000001', lastVisit: null });
    // The list candidates are still there, below.
    expect(byName.matches.map((m) => m.name)).toContain('MOCH. RIZKI');

    expect((await core.lookup({ query: 'Muhammad Rizki', dob: '2001-01-01' })).ownMatches?.map((p) => p.id)).toEqual([other.id]);
    // Nobody by that name born that day: every record with the name, each marked as born another day.
    const elsewhere = await core.lookup({ query: 'Muhammad Rizki', dob: '1999-09-09' });
    expect(elsewhere.ownMatches?.map((p) => [p.id, p.dobDiffers])).toEqual([
      [rizki.id, true],
      [other.id, true],
    ]);
    expect((await core.lookup({ query: 'Muhammad Rizki', dob: '2001-01-01' })).ownMatches?.[0]?.dobDiffers).toBeUndefined();
    expect((await core.lookup({ query: 'Muhammad Rizki' })).ownMatches?.some((p) => p.dobDiffers)).toBe(false);
    // A typo after the first word still finds the record born that day.
    expect((await core.lookup({ query: 'Siti Aminha', dob: SITI.dob })).ownMatches?.map((p) => p.name)).toEqual(['SITI AMINAH']);
    // A name still being typed.
    expect((await core.lookup({ query: 'siti ami' })).ownMatches?.map((p) => p.name)).toEqual(['SITI AMINAH']);
    expect((await core.lookup({ query: 'Dewi Lestari' })).ownMatches).toBeUndefined();
    core.close();
  });
});

describe('a name with its birth date typed into the one field (UI tester, finding 1)', () => {
  it('is searched as the name with that date: the member and the record of that name and date are found', async () => {
    const { core } = await counter();
    const record = await core.createPatient({ name: 'Budi Santoso', dob: '1980-01-01', sex: 'L' });
    for (const query of [`${SITI.name.toLowerCase()} 12-03-1985`, `${SITI.name} 12031985`]) {
      const r = await core.lookup({ query });
      expect(r.kind, query).toBe('name');
      expect(r.query, query).toBe(query.replace(/ \d.*$/, ''));
      expect(r.matches.map((m) => m.nik), query).toContain(SITI.nik);
    }
    const budi = await core.lookup({ query: 'budi santoso 01-01-1980' });
    expect(budi.ownMatches?.map((p) => [p.id, p.dobDiffers ?? false])).toEqual([[record.id, false]]);
    // A date that cannot be a birth date stays part of the name: nothing is guessed.
    expect((await core.lookup({ query: 'siti aminah 31-02-1985' })).query).toBe('siti aminah 31-02-1985');
    core.close();
  });
});

describe('a returning patient typed with a slip in the name, no birth date (UI tester, finding 2)', () => {
  it('is found among the records here; another person of a similar name is not offered', async () => {
    const { core } = await counter();
    const ani = await core.createPatient({ name: 'Ani Suryani' });
    const entin = await core.createPatient({ name: 'Entin Rohmah' });
    await core.createPatient({ name: 'Siti Aisyah' });
    const own = async (query: string) => ((await core.lookup({ query })).ownMatches ?? []).map((p) => p.id);
    expect(await own('ani suryanti')).toEqual([ani.id]);
    expect(await own('entin rohmat')).toEqual([entin.id]);
    expect(await own('ANI SURXANI')).toEqual([ani.id]);
    expect(await own('siti aminah')).toEqual([]);
    core.close();
  });
});

describe('a returning patient typed by the surname or a middle word alone', () => {
  it('is found among the records here by any word of the name; every typed word must be there; a birth date narrows', async () => {
    const { core } = await counter();
    const entin = await core.createPatient({ name: 'Entin Rohmah', dob: '1975-05-05' });
    const nur = await core.createPatient({ name: 'Nur Rohmah Sari', dob: '1990-09-09' });
    const ahmad = await core.createPatient({ name: 'Ahmad Fauzi' });
    const own = async (query: string, dob?: string) => ((await core.lookup(dob ? { query, dob } : { query })).ownMatches ?? []).map((p) => p.id);
    // Newest record first among those found by a word.
    expect(await own('rohmah')).toEqual([nur.id, entin.id]);
    expect(await own('rohmah', '1975-05-05')).toEqual([entin.id]);
    expect(await own('sari rohmah')).toEqual([nur.id]);
    // The last word may still be being typed.
    expect(await own('fauz')).toEqual([ahmad.id]);
    expect(await own('rohmah fauzi')).toEqual([]);
    // A record renamed is found by its new words only (the index follows the record).
    await core.updatePatient({ patientId: ahmad.id, changes: { name: 'Ahmad Fauzan' } });
    expect(await own('fauzi')).toEqual([]);
    expect(await own('fauzan')).toEqual([ahmad.id]);
    core.close();
  });
});

describe('a name search that finds a record here and the same person on a list (UI tester, finding 11)', () => {
  it('offers the record only: the list row of its NIK and name is not a second candidate; another person of the name stays', async () => {
    const { core } = await counter();
    const siti = await core.createPatient({ name: SITI.name, nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const answer = await core.lookup({ query: 'siti aminah', dob: SITI.dob });
    expect(answer.ownMatches?.map((p) => p.id)).toEqual([siti.id]);
    expect(answer.matches.filter((m) => m.nik === SITI.nik)).toEqual([]);
    // Without the record, the list row is the candidate as before.
    const rizki = await core.lookup({ query: RIZKI.name, dob: RIZKI.dob });
    expect(rizki.matches.map((m) => m.nik)).toContain(RIZKI.nik);
    core.close();
  });
});
