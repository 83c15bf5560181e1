import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PERSON_KEYS } from '../../../src/core/audit/audit-rules';
import { DJOKO, RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir, writeCsv } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

async function withList(dir: string) {
  const { core } = auditCore(dir);
  const file = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
  await callOk(core, 'importList', { file, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  return core;
}

const seqsFor = async (core: Awaited<ReturnType<typeof withList>>, person: string): Promise<number[]> =>
  (await callOk(core, 'auditEntries', { person, action: 'lookup', limit: 50 })).entries.map((e) => e.seq);

describe('"who looked me up?" beyond the look-ups by number', () => {
  it('a search by name records the numbers of the people it showed (never their names), and the person filter finds it', async () => {
    const core = await withList(tempDir());
    const result = await callOk(core, 'lookup', { query: 'Siti Aminah' });
    expect(result.matches.length).toBeGreaterThan(0);
    const entry = (await allEntries(core)).at(-1)!;
    expect(entry.detail).toMatchObject({ method: 'lookup', query: 'Siti Aminah', matches: result.matches.length });
    // One number per person shown: the NIK where the row has one (the filter finds the card through the list).
    expect(entry.detail.persons).toContain(SITI.nik);
    expect(entry.detail.persons).not.toContain(SITI.card);
    // Keys only: no name, no address, no status of anyone shown.
    expect(JSON.stringify(entry.detail.persons)).not.toMatch(/[A-Za-z]/);
    expect(await seqsFor(core, SITI.nik)).toEqual([entry.seq]);
    expect(await seqsFor(core, SITI.card.replace(/^0+/, ''))).toEqual([entry.seq]);
    // Someone the search did not show is not found by it.
    expect(await seqsFor(core, DJOKO.nik)).toEqual([]);
    core.close();
  });

  it('a look-up by card is found by the NIK (and the other way round) when a list or a record holds both', async () => {
    const core = await withList(tempDir());
    await callOk(core, 'lookup', { query: SITI.card.replace(/^0+/, '') });
    await callOk(core, 'lookup', { query: RIZKI.nik });
    const [byCard, byNik] = (await allEntries(core)).slice(-2).map((e) => e.seq);
    expect(await seqsFor(core, SITI.nik)).toEqual([byCard]);
    expect(await seqsFor(core, RIZKI.card)).toEqual([byNik]);
    core.close();
  });

  it('a look-up by record number and a likely-duplicate check that showed the record are found by the NIK', async () => {
    const core = await withList(tempDir());
    const siti = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, dob: SITI.dob });
    await callOk(core, 'lookup', { query: siti.mrn });
    await callOk(core, 'findPatient', { mrn: siti.mrn });
    await callOk(core, 'likelyDuplicates', { name: 'SITI AMINAH', dob: SITI.dob });
    const lookups = (await allEntries(core)).filter((e) => e.action === 'lookup');
    expect(lookups.map((e) => e.detail.method)).toEqual(['lookup', 'findPatient', 'likelyDuplicates']);
    for (const e of lookups) expect(e.detail.persons).toContain(SITI.nik);
    expect(await seqsFor(core, SITI.nik)).toEqual(lookups.map((e) => e.seq).reverse());
    core.close();
  });

  it('keeps at most the shown matches: one number for each row of a crowded name, the card where a row has no NIK', async () => {
    const dir = tempDir();
    const { core } = auditCore(dir);
    const rows: (string | number)[][] = [['NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK']];
    for (let i = 0; i < 60; i++) rows.push([i % 2 === 0 ? `367301010180${String(1000 + i)}` : '', `000200000${String(1000 + i)}`, 'BUDI SANTOSO', '01-01-1980', 'L']);
    const file = core.registerFile(writeCsv(join(dir, 'budi.csv'), rows), 'open-list').handle;
    await callOk(core, 'importList', { file, list: 'BPJS', kind: 'bpjs', asOf: '2026-11-01' });
    const result = await callOk(core, 'lookup', { query: 'BUDI SANTOSO' });
    const persons = (await allEntries(core)).at(-1)!.detail.persons as string[];
    expect(result.matches.length).toBeGreaterThan(1);
    expect(persons).toEqual(result.matches.slice(0, MAX_PERSON_KEYS).map((m) => m.nik ?? m.card));
    expect(persons.some((k) => k.length === 13)).toBe(true);
    core.close();
  });
});
