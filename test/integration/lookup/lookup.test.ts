import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { formatCoreMessage, type CoreMessage } from '../../../src/shared/i18n/messages';
import { DEWI, DJOKO, NUR, RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

/** The core answers in codes; the counter words them (here in Indonesian, the default). */
const words = (m: CoreMessage | null | undefined): string => (m ? formatCoreMessage('id', m) : '');

const tempDir = useTempDir();

async function coreWithSample(now = new Date('2026-11-23T03:00:00Z')): Promise<{ core: Core; dir: string }> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => now });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  return { core, dir };
}

describe('look-up by identifier', () => {
  it('a NIK of an active member is eligible, with the list it came from', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: SITI.nik });
    expect(r).toMatchObject({ kind: 'nik', verdict: 'eligible', problem: null });
    expect(r.matches[0]).toMatchObject({ nik: SITI.nik, card: SITI.card, name: 'SITI AMINAH', dob: SITI.dob, confidence: 'exact', status: 'active', list: { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' }, stale: false });
    core.close();
  });

  it('accepts a NIK typed with spaces and a card number with its leading zeros', async () => {
    const { core } = await coreWithSample();
    expect((await core.lookup({ query: '3673 0152 0385 0003' })).verdict).toBe('eligible');
    expect((await core.lookup({ query: NUR.card })).matches[0]?.name).toBe('NUR HASANAH');
    core.close();
  });

  it('not active members are not-eligible with the reason; unknown NIKs are unknown', async () => {
    const { core } = await coreWithSample();
    const nur = await core.lookup({ query: NUR.nik });
    expect(nur.verdict).toBe('not-eligible');
    expect(nur.matches[0]).toMatchObject({ status: 'inactive', statusReason: 'deceased' });
    expect((await core.lookup({ query: DJOKO.nik })).verdict).toBe('not-eligible');
    expect(await core.lookup({ query: '3673010101010009' })).toMatchObject({ verdict: 'unknown', matches: [] });
    core.close();
  });

  it('a number of the wrong length says what is wrong instead of guessing', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: '367301520385000' });
    expect(r.verdict).toBe('unknown');
    expect(r.problem).toEqual({ code: 'query/partial-number', params: { digits: 15 } });
    expect(words(r.problem)).toMatch(/15 digit/);
    core.close();
  });

  it('two numbers pasted at once (two spreadsheet cells) are said to be two, not one long number', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: `${SITI.nik} ${NUR.nik}` });
    expect(r.verdict).toBe('unknown');
    expect(r.problem).toEqual({ code: 'query/several-numbers', params: { count: 2 } });
    expect(words(r.problem)).toMatch(/satu NIK/);
    // One number typed in groups is still one number.
    expect((await core.lookup({ query: '3673 0152 0385 000' })).problem).toEqual({ code: 'query/partial-number', params: { digits: 15 } });
    core.close();
  });

  it('marks matches from a list older than the stale age', async () => {
    const { core } = await coreWithSample(new Date('2027-01-20T03:00:00Z'));
    const r = await core.lookup({ query: SITI.nik });
    expect(r.verdict).toBe('eligible');
    expect(r.matches[0]?.stale).toBe(true);
    core.close();
  });
});

describe('look-up of a NIK damaged by a spreadsheet', () => {
  it('finds the row by its 15 good digits as a probable match, never an exact one', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Peserta');
    sheet.addRow(['NIK', 'NAMA', 'TGL LAHIR', 'NOKA']);
    // Excel keeps 15 significant digits of a number: 3673015203850003 becomes 3673015203850000.
    sheet.addRow([excelNumber(SITI.nik), 'SITI AMINAH', new Date(Date.UTC(1985, 2, 12)), Number(SITI.card)]);
    sheet.addRow([excelNumber(RIZKI.nik), 'MOCH. RIZKI', '17-08-1990', RIZKI.card]);
    const path = join(dir, 'rusak.xlsx');
    await workbook.xlsx.writeFile(path);
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null });
    const report = await core.importList({ file: fileFor(core, path), list: 'Jamkesda', kind: 'jamkesda', asOf: '2026-11-01' });
    expect(report.rows).toMatchObject({ imported: 2, damagedNik: 2 });

    const siti = await core.lookup({ query: SITI.nik });
    expect(siti.verdict).toBe('unknown');
    expect(siti.matches[0]).toMatchObject({ confidence: 'probable', flags: expect.arrayContaining(['damaged-nik']) });
    // The card lost its leading zeros as a number and was restored: an exact match.
    const byCard = await core.lookup({ query: SITI.card });
    expect(byCard.verdict).toBe('eligible');
    expect(byCard.matches[0]?.flags).toContain('card-zeros-restored');
    core.close();
  });

  it('a number cell holding all 16 digits (written by a program, not Excel) is the exact NIK', async () => {
    const dir = tempDir();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Peserta');
    sheet.addRow(['NIK', 'NAMA', 'TGL LAHIR']);
    // ExcelJS, like openpyxl and pandas, writes the whole number: <v>3673015203850003</v>.
    sheet.addRow([Number(SITI.nik), 'SITI AMINAH', '12-03-1985']);
    sheet.addRow([Number(DEWI.nik), 'DEWI LESTARI', '04-04-1995']);
    const path = join(dir, 'dari-program.xlsx');
    await workbook.xlsx.writeFile(path);
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null });
    const report = await core.importList({ file: fileFor(core, path), list: 'Jamkesda', kind: 'jamkesda', asOf: '2026-11-01' });
    expect(report.rows).toMatchObject({ imported: 2, damagedNik: 0 });
    const siti = await core.lookup({ query: SITI.nik });
    expect(siti.verdict).toBe('eligible');
    expect(siti.matches[0]).toMatchObject({ nik: SITI.nik, confidence: 'exact' });
    expect((await core.lookup({ query: DEWI.nik })).matches[0]).toMatchObject({ nik: DEWI.nik, confidence: 'exact' });
    core.close();
  });
});

/** What Excel stores for a 16-digit number typed into a cell: 15 significant digits, then 0. */
const excelNumber = (nik: string): number => Number(`${nik.slice(0, 15)}0`);

describe('look-up by name', () => {
  it('finds a spelling variant with the birth date as a probable match', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: 'Muhammad Rizki', dob: RIZKI.dob });
    expect(r.kind).toBe('name');
    expect(r.verdict).toBe('unknown'); // a name is never proof: the clerk picks
    expect(r.matches[0]).toMatchObject({ name: 'MOCH. RIZKI', confidence: 'probable' });
    core.close();
  });

  it('finds old spelling and typos without a birth date as possible matches', async () => {
    const { core } = await coreWithSample();
    expect((await core.lookup({ query: 'Joko Susilo' })).matches[0]).toMatchObject({ name: 'DJOKO SOESILO', confidence: 'possible' });
    expect((await core.lookup({ query: 'siti aminha' })).matches.map((m) => m.name)).toContain('SITI AMINAH');
    core.close();
  });

  it('a birth date narrows the candidates', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: 'Siti Aminah', dob: SITI.dob });
    expect(r.matches.length).toBeGreaterThan(0);
    expect(r.matches.every((m) => m.dob === SITI.dob && !m.flags.includes('dob-differs'))).toBe(true);
    core.close();
  });

  it('when nobody by that name was born that day, the name candidates are still shown, flagged "dob-differs"', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: 'Siti Aminah', dob: '1999-09-09' });
    expect(r.verdict).toBe('unknown');
    expect(r.matches.map((m) => m.name)).toContain('SITI AMINAH');
    for (const m of r.matches) expect(m).toMatchObject({ confidence: 'possible', flags: expect.arrayContaining(['dob-differs']) });
    core.close();
  });
});

describe('look-up by part of a name', () => {
  it('a name still being typed: the last word counts as a beginning when the whole words find nobody', async () => {
    const { core } = await coreWithSample();
    // "SOESI" is a different phonetic token from "SOESILO": only the prefix finds him.
    expect((await core.lookup({ query: 'soesi' })).matches.map((m) => m.name)).toEqual(['DJOKO SOESILO']);
    expect((await core.lookup({ query: 'siti amina' })).matches.map((m) => m.name)).toContain('SITI AMINAH');
    core.close();
  });

  it('a single name finds the members who carry it, ranked below whole-name matches', async () => {
    const { core } = await coreWithSample();
    const rizki = await core.lookup({ query: 'Rizki' });
    expect(rizki.matches.map((m) => m.name)).toContain('MOCH. RIZKI');
    expect(rizki.matches[0]?.score).toBeLessThan(1);
    const withDob = await core.lookup({ query: 'rizki', dob: RIZKI.dob });
    expect(withDob.matches[0]).toMatchObject({ name: 'MOCH. RIZKI', confidence: 'probable' });
    core.close();
  });
});

describe('card numbers typed without their leading zeros', () => {
  it('10 to 12 digits are padded to 13 and found; 9 digits too (a 0000 card)', async () => {
    const { core } = await coreWithSample();
    for (const q of ['1336526592', '01336526592', '001336526592', '1336 5265 92']) {
      const r = await core.lookup({ query: q });
      expect(r).toMatchObject({ kind: 'card', verdict: 'eligible', problem: null });
      expect(r.matches[0]).toMatchObject({ card: SITI.card, name: 'SITI AMINAH' });
    }
    expect((await core.lookup({ query: '123456789' })).matches[0]).toMatchObject({ card: NUR.card, name: 'NUR HASANAH' });
    core.close();
  });

  it('a short number found nowhere still says it is not recognised (it may be a NIK cut short)', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: '3673015203' });
    expect(r.verdict).toBe('unknown');
    expect(r.problem).toEqual({ code: 'query/card-not-found', params: { digits: 10, card: '0003673015203' } });
    expect(words(r.problem)).toMatch(/10 digit.*0003673015203/);
    core.close();
  });
});

describe('a NIK that cannot exist', () => {
  it('a province code that does not exist: looked up anyway, with a visible warning', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: '9973015203850003' });
    expect(r).toMatchObject({ kind: 'nik', verdict: 'unknown', problem: null });
    expect(r.queryWarnings).toEqual([{ code: 'query/nik-province', params: { code: '99' } }]);
    expect(r.queryWarnings?.map(words)).toEqual([expect.stringMatching(/kode provinsi 99/)]);
    core.close();
  });

  it('a birth date inside it that is no date (day 32, month 13)', async () => {
    const { core } = await coreWithSample();
    expect((await core.lookup({ query: '3673013213850003' })).queryWarnings?.map(words)).toEqual([expect.stringMatching(/32-13-85/)]);
    expect((await core.lookup({ query: '3673017213850003' })).queryWarnings?.map(words)).toEqual([expect.stringMatching(/tanggal lahir/)]); // 72 = 32 + 40
    core.close();
  });

  it('a valid NIK has no warning', async () => {
    const { core } = await coreWithSample();
    expect((await core.lookup({ query: SITI.nik })).queryWarnings).toBeUndefined();
    core.close();
  });
});

describe('bounded look-ups', () => {
  it('a name of forty words is searched by its first six, and the clerk is told so', async () => {
    const { core } = await coreWithSample();
    const query = `SITI AMINAH ${'BINTI ABDULLAH '.repeat(19)}`.trim().slice(0, 200);
    const r = await core.lookup({ query });
    expect(r.kind).toBe('name');
    expect(r.queryWarnings).toEqual([{ code: 'query/name-shortened', params: { words: 6, typed: query.split(' ').length } }]);
    expect(words(r.queryWarnings?.[0])).toMatch(/hanya 6 kata pertama/);
    core.close();
  });

  it('a name of six words or fewer is searched whole, without a warning', async () => {
    const { core } = await coreWithSample();
    const r = await core.lookup({ query: 'I GUSTI AYU PUTU SRI WAHYUNI' });
    expect(r.queryWarnings).toBeUndefined();
    core.close();
  });
});
