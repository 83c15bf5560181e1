import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from '../audit/audit-core';

const tempDir = useTempDir();

// papertester F2: a new record whose old RM ("RM lama") another record already holds. The duplicate
// check before a new record (the form's and `loket daftar`'s) lists that holder first, whatever its name.
describe('likelyDuplicates with the old RM typed in the new-patient form', () => {
  it('lists the records holding that old RM first, compared as the old-RM search compares them', async () => {
    const { core } = auditCore(tempDir());
    const rina = await callOk(core, 'createPatient', { name: 'Rina Marlina', dob: '1975-06-06', oldMrn: '000003' });
    const sri = await callOk(core, 'createPatient', { name: 'Sri Wahyuni', dob: '1950-01-01' });
    await callOk(core, 'createPatient', { name: 'Dewi Lestari', dob: '1992-12-03', oldMrn: '000777' });

    // Another name, another date: only the old RM ties them. "No. RM 3" is the same card as "000003".
    for (const typed of ['000003', 'No. RM 3', 'RM lama 0000-3']) {
      expect((await callOk(core, 'likelyDuplicates', { name: 'Budi Santoso', dob: '1980-01-01', oldMrn: typed })).map((p) => p.mrn), typed).toEqual([rina.mrn]);
    }
    // The same name too: the holder first, then the name's record, each once.
    const both = await callOk(core, 'likelyDuplicates', { name: 'Sri Wahyuni', dob: '1950-01-01', oldMrn: '000003' });
    expect(both.map((p) => p.mrn)).toEqual([rina.mrn, sri.mrn]);
    expect(both[0]).toMatchObject({ oldMrn: '000003' });
    // The holder found by the name as well is listed once.
    expect((await callOk(core, 'likelyDuplicates', { name: 'Rina Marlina', dob: '1975-06-06', oldMrn: '3' })).map((p) => p.mrn)).toEqual([rina.mrn]);
    // No old RM, or one nobody holds: as before.
    expect(await callOk(core, 'likelyDuplicates', { name: 'Budi Santoso', dob: '1980-01-01', oldMrn: '000004' })).toEqual([]);
    expect(await callOk(core, 'likelyDuplicates', { name: 'Budi Santoso', dob: '1980-01-01', oldMrn: '' })).toEqual([]);
    expect(await callOk(core, 'likelyDuplicates', { name: 'Budi Santoso', dob: '1980-01-01' })).toEqual([]);

    // The audit entry keeps the old RM asked about with the name and date.
    const last = (await allEntries(core)).filter((e) => e.detail.method === 'likelyDuplicates').at(-1)!;
    const withOld = (await allEntries(core)).filter((e) => e.detail.method === 'likelyDuplicates' && String(e.detail.query).includes('RM lama'));
    expect(withOld[0]?.detail).toMatchObject({ query: 'Budi Santoso 1980-01-01 RM lama 000003', matches: 1 });
    expect(last.detail).toMatchObject({ query: 'Budi Santoso 1980-01-01', matches: 0 });
    core.close();
  });
});
