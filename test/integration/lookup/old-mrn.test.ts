import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { oldMrnKey, oldMrnQuery, storedOldMrn } from '../../../src/shared/old-mrn';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A counter alone, on a real database file (the WIB clock fixed). */
function counter(): Core {
  const now = new Date('2026-11-20T02:00:00Z');
  return createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, now: () => now });
}

/** A facility that had paper records: FATIMAH got Loket's 000013; AMINAH's paper card says "No. RM 000013". */
async function paperEra(core: Core) {
  for (let i = 1; i <= 12; i++) await core.createPatient({ name: `PASIEN ${i}` });
  const fatimah = await core.createPatient({ name: 'Fatimah Yusuf', dob: '1985-02-03' });
  const aminah = await core.createPatient({ name: 'Aminah', dob: '1950-07-01', oldMrn: 'No. RM 000013' });
  return { fatimah, aminah };
}

describe('the old RM ("RM lama") of a facility that moved from paper records', () => {
  it('is kept as the card shows it, without a label; its key ignores label, separators and leading zeros', () => {
    expect(storedOldMrn(' no. rm 000013 ')).toBe('000013');
    expect(storedOldMrn('RM lama: 2019-00123')).toBe('2019-00123');
    expect(storedOldMrn('  ')).toBeNull();
    for (const typed of ['000013', '13', 'No. RM 13', '0000-13', 'rm 000013', 'RM LAMA 13', 'old MRN 13', 'MRN 000013']) expect(oldMrnKey(typed), typed).toBe('13');
    expect(oldMrnKey('2019-00123')).toBe('201900123');
    expect(oldMrnKey('A/0013')).toBe('A0013');
    expect(oldMrnQuery('RM lama 000013')).toBe('000013');
    expect(oldMrnQuery('lama: 13')).toBe('13');
    expect(oldMrnQuery('No. RM lama 13')).toBe('13');
    expect(oldMrnQuery('RM 13')).toBeNull();
    // The English screens' words (reporttester F3): "old MRN" asks for an old number, "MRN" does not.
    expect(oldMrnQuery('Old MRN: 13')).toBe('13');
    expect(oldMrnQuery('MRN 13')).toBeNull();
    expect(oldMrnQuery('LAMARAN')).toBeNull();
  });

  it('is saved on a new record and changed or cleared by a correction (F3)', async () => {
    const core = counter();
    const { aminah } = await paperEra(core);
    expect(aminah).toMatchObject({ mrn: '000014', oldMrn: '000013' });
    const update = await core.updatePatient({ patientId: aminah.id, changes: { oldMrn: '000031' } });
    expect(update.changed).toEqual(['oldMrn']);
    expect(update.patient.oldMrn).toBe('000031');
    expect((await core.lookup({ query: 'RM lama 31' })).patient?.id).toBe(aminah.id);
    expect((await core.lookup({ query: 'RM lama 13' })).patient).toBeUndefined();
    expect((await core.updatePatient({ patientId: aminah.id, changes: { oldMrn: '' } })).patient.oldMrn).toBeNull();
    core.close();
  });

  it('"RM lama 000013" finds the old card\'s patient only; none found is said, never searched as a name', async () => {
    const core = counter();
    const { aminah } = await paperEra(core);
    for (const q of ['RM lama 000013', 'rm lama 13', 'lama 13', 'No. RM lama: 13', 'old MRN 000013', 'OLD MRN 13']) {
      const r = await core.lookup({ query: q });
      expect(r, q).toMatchObject({ kind: 'mrn', problem: null, patient: { id: aminah.id, mrn: '000014', oldMrn: '000013', matchedBy: 'old-mrn' } });
    }
    const none = await core.lookup({ query: 'RM lama 000099' });
    expect(none).toMatchObject({ kind: 'mrn', verdict: 'unknown', matches: [], problem: { code: 'query/no-old-record', params: { mrn: '000099' } } });
    expect(formatCoreMessage('id', none.problem!)).toMatch(/^Tidak ada pasien dengan RM lama 000099/);
    core.close();
  });

  it('a plain number that is one patient\'s RM and another\'s old RM names no one: both, each marked, for the clerk to choose', async () => {
    const core = counter();
    const { fatimah, aminah } = await paperEra(core);
    for (const q of ['000013', '13', 'RM 000013', 'No. RM 13', 'MRN 000013', 'mrn 13']) {
      const r = await core.lookup({ query: q });
      expect(r, q).toMatchObject({ kind: 'mrn', verdict: 'unknown', problem: { code: 'query/number-two-ways', params: { mrn: '000013', count: 2 } } });
      expect(r.patient, q).toBeUndefined();
      expect(r.ownMatches?.map((p) => [p.name, p.mrn, p.matchedBy])).toEqual([
        ['FATIMAH YUSUF', '000013', 'mrn'],
        ['AMINAH', '000014', 'old-mrn'],
      ]);
    }
    expect(formatCoreMessage('id', (await core.lookup({ query: '13' })).problem!)).toMatch(/No\. RM Loket satu pasien, dan RM lama/);
    // The clerk's choice counts: the look-up again for the one picked.
    expect((await core.lookup({ query: '13', patientId: aminah.id })).patient).toMatchObject({ id: aminah.id });
    expect((await core.lookup({ query: '13', patientId: fatimah.id })).patient).toMatchObject({ id: fatimah.id });
    // Aminah's own RM names her alone; a number only an old card has finds that patient.
    expect((await core.lookup({ query: '000014' })).patient).toMatchObject({ id: aminah.id });
    const budi = await core.createPatient({ name: 'Budi', oldMrn: '2019-00123' });
    expect((await core.lookup({ query: 'RM 2019-00123' })).patient).toMatchObject({ id: budi.id, matchedBy: 'old-mrn' });
    core.close();
  });

  it('a number with letters nobody has ("A/0014", an old series card) is never searched as a name', async () => {
    const core = counter();
    const mamat = await core.createPatient({ name: 'Mamat Rahmat', oldMrn: 'B/0013' });
    expect((await core.lookup({ query: 'b0013' })).patient).toMatchObject({ id: mamat.id, matchedBy: 'old-mrn' });
    expect(await core.lookup({ query: 'a/0014' })).toMatchObject({ kind: 'mrn', problem: { code: 'query/no-number-record', params: { mrn: 'A/0014' } } });
    core.close();
  });

  it('an old RM on two records (typed twice by mistake) names no one either', async () => {
    const core = counter();
    await core.createPatient({ name: 'Satu', oldMrn: '7777' });
    await core.createPatient({ name: 'Dua', oldMrn: '007777' });
    const r = await core.lookup({ query: 'RM lama 7777' });
    expect(r).toMatchObject({ problem: { code: 'query/old-mrn-shared', params: { count: 2 } } });
    expect(r.ownMatches?.map((p) => p.name)).toEqual(['SATU', 'DUA']);
    core.close();
  });

  it('a NIK or card number is never read as an old RM', async () => {
    const core = counter();
    await core.createPatient({ name: 'Aneh', oldMrn: '0001234567890' });
    expect((await core.lookup({ query: '0001234567890' })).ownMatches ?? []).toEqual([]);
    expect((await core.lookup({ query: 'RM lama 0001234567890' })).patient?.name).toBe('ANEH');
    core.close();
  });

  it('an emergency patient identified later keeps the old RM typed with the identity', async () => {
    const core = counter();
    const emergency = await core.registerEmergency({});
    await core.attachIdentity({ visitId: emergency.id, identity: { name: 'Karso', oldMrn: 'RM 004521' } });
    expect((await core.lookup({ query: 'RM lama 4521' })).patient).toMatchObject({ id: emergency.patientId, name: 'KARSO', oldMrn: '004521' });
    core.close();
  });
});
