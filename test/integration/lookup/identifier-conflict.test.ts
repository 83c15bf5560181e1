import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';
import { KOMALASARI, RINA, RIZKI, RUDI, SHARED_CARD, SHARED_NIK, SITI, writeTwoLists } from '../../helpers/two-lists';

const tempDir = useTempDir();

/** A real database with the two lists imported through the core (a PBI APBD workbook, a Jamkesda CSV). */
async function counter(): Promise<Core> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, now: () => new Date('2026-11-23T03:00:00Z') });
  const files = await writeTwoLists(dir);
  await core.importList({ file: fileFor(core, files.apbd), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  await core.importList({ file: fileFor(core, files.jamkesda), list: 'Jamkesda', kind: 'jamkesda', asOf: '2026-11-01' });
  return core;
}

describe('a number the lists give to different people', () => {
  it('a card two different people hold decides nothing: no verdict, the conflict said in words, both people shown', async () => {
    const core = await counter();
    const r = await core.lookup({ query: SHARED_CARD });
    expect(r.verdict).toBe('unknown');
    expect(r.conflict).toEqual({ people: 2, message: { code: 'lookup/card-conflict', params: { count: 2 } } });
    expect(r.matches.map((m) => [m.name, m.list.name, m.confidence])).toEqual(
      expect.arrayContaining([
        [RUDI.name, 'PBI APBD', 'exact'],
        [KOMALASARI.name, 'Jamkesda', 'exact'],
      ]),
    );
    expect(formatCoreMessage('id', r.conflict!.message)).toBe('Kartu ini tercatat untuk 2 orang berbeda: pilih pasiennya.');
    expect(formatCoreMessage('en', r.conflict!.message)).toBe('This card is on record for 2 different people: choose the patient.');
    core.close();
  });

  it('a NIK two different people hold (another name, birth date, sex) is a conflict too', async () => {
    const core = await counter();
    const r = await core.lookup({ query: SHARED_NIK });
    expect(r.verdict).toBe('unknown');
    expect(r.conflict?.message.code).toBe('lookup/nik-conflict');
    expect(new Set(r.matches.map((m) => m.name))).toEqual(new Set([RIZKI.name, RINA.name]));
    core.close();
  });

  it('one person on two lists (same NIK, same name) is one answer, as before', async () => {
    const core = await counter();
    const r = await core.lookup({ query: SITI.nik });
    expect(r.conflict).toBeUndefined();
    expect(r.verdict).toBe('eligible');
    expect(new Set(r.matches.map((m) => m.list.name))).toEqual(new Set(['PBI APBD', 'Jamkesda']));
    core.close();
  });

  it("a record here names the person: the verdict rests on that person's rows, and the other holder is named", async () => {
    const core = await counter();
    await core.createPatient({ name: KOMALASARI.name, nik: KOMALASARI.nik, card: SHARED_CARD, dob: KOMALASARI.dob, sex: 'P' });
    const r = await core.lookup({ query: SHARED_CARD });
    expect(r.patient?.name).toBe(KOMALASARI.name);
    expect(r.verdict).toBe('eligible');
    expect(r.conflict?.message).toEqual({ code: 'lookup/card-also-other', params: { others: RUDI.name, name: KOMALASARI.name } });
    expect(formatCoreMessage('id', r.conflict!.message)).toContain(`juga tercatat atas nama ${RUDI.name}`);
    // By her record number: looked up by her own NIK, which is hers alone.
    const byMrn = await core.lookup({ query: r.patient!.mrn });
    expect(byMrn).toMatchObject({ kind: 'mrn', verdict: 'eligible' });
    expect(byMrn.conflict).toBeUndefined();
    expect(byMrn.matches.map((m) => m.name)).toEqual([KOMALASARI.name]);
    // A record with the card only (no NIK): by record number the card is looked up, for her alone.
    const cardOnly = await core.createPatient({ name: 'Komalasari Nasution', nik: null, card: SHARED_CARD, dob: KOMALASARI.dob, sex: 'P' });
    const byCardRecord = await core.lookup({ query: cardOnly.mrn });
    expect(byCardRecord).toMatchObject({ kind: 'mrn', verdict: 'eligible', conflict: { message: { code: 'lookup/card-also-other' } } });
    core.close();
  });

  it('once both people have a record here with the card, the card names no record: the clerk picks again, each found by their NIK', async () => {
    const core = await counter();
    await core.createPatient({ name: KOMALASARI.name, nik: KOMALASARI.nik, card: SHARED_CARD, dob: KOMALASARI.dob, sex: 'P' });
    const rudi = await core.createPatient({ name: RUDI.name, nik: RUDI.nik, card: SHARED_CARD, dob: RUDI.dob, sex: 'L' });
    const r = await core.lookup({ query: SHARED_CARD });
    expect(r.patient ?? null).toBeNull();
    expect(r).toMatchObject({ verdict: 'unknown', conflict: { message: { code: 'lookup/card-conflict' } } });
    // His NIK names him.
    const byNik = await core.lookup({ query: RUDI.nik });
    expect(byNik.patient?.id).toBe(rudi.id);
    expect(byNik.verdict).toBe('eligible');
    core.close();
  });
});
