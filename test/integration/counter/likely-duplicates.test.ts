import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likelyDuplicates, ownByName } from '../../../src/core/lookup/own-patients';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { openDatabase, type Db } from '../../../src/core/store/open-database';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
const MORNING = new Date('2026-11-23T02:00:00Z');
const TODAY = '2026-11-23';

/** The searchtester's returning patients, each with ONE record made on the first visit (mostly without NIK). */
const RECORDS: [name: string, dob: string | null, nik?: string][] = [
  ['FATIMAH YUSUF', '1992-05-04', '3201014405920001'],
  ['MUHAMMAD RIZKI RAMADHAN', '1995-02-14'],
  ['SITI NURHALIZA', '1988-07-21'],
  ["NUR'AINI", '1979-03-05'],
  ['ACHMAD YUSUF', '1970-05-30'],
  ['SUTINAH', '1950-07-01'],
  ['RACHMAT HIDAYAT', '1965-11-11'],
  ['DEWI LESTARI', '1992-12-03'],
  ['SRI WAHYUNI', '1983-04-09'],
  ['MBAH KARSO', '1945-07-01'],
  ['YUSUF', '1999-09-09'],
  ['HJ. SITI MARYAM', '1955-06-15'],
  ['RAHMAT', '1990-05-05'],
  ['SUTINA ARYANI', '1972-08-08'],
  ['WAHYU PRATAMA', null, '3673011505900003'],
  // Other people: never offered for the names above.
  ['SITI AMINAH', '1985-03-12'],
  ['BUDI SANTOSO', '1978-01-02'],
  ['NURUL', '1952-04-22'],
  ['NURUL HIDAYAH', '2001-01-01'],
  ['AHMAD HIDAYAT', '1979-04-29'],
  ['RAHMAWATI', '1965-11-11'],
];

// One facility file for every case: the check only reads.
let dir = '';
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loket-test-'));
  db = openDatabase(join(dir, 'loket.db'));
  for (const [name, dob, nik] of RECORDS) createPatient(db, { name, dob, nik: nik ?? null }, DEFAULT_SETTINGS, MORNING);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** S1: spelling variants with the exact birth date. */
const VARIANTS: [typed: string, dob: string, recorded: string][] = [
    ['RAHMAT HIDAYAT', '1965-11-11', 'RACHMAT HIDAYAT'],
    ['RACHMAD HIDAYAT', '1965-11-11', 'RACHMAT HIDAYAT'],
    ['RAHMAT HIDAYAH', '1965-11-11', 'RACHMAT HIDAYAT'],
    ['HIDAYAT RAHMAT', '1965-11-11', 'RACHMAT HIDAYAT'],
    ['RACHMAT', '1990-05-05', 'RAHMAT'],
    ['DEWY LESTARI', '1992-12-03', 'DEWI LESTARI'],
    ['SRY WAHYUNI', '1983-04-09', 'SRI WAHYUNI'],
    ['YUSUP', '1999-09-09', 'YUSUF'],
    ['ST. NURHALIZA', '1988-07-21', 'SITI NURHALIZA'],
    ['ST NURHALIZA', '1988-07-21', 'SITI NURHALIZA'],
    ['NURHALIZA', '1988-07-21', 'SITI NURHALIZA'],
    ['NURHALIZA SITI', '1988-07-21', 'SITI NURHALIZA'],
    ['ST. MARYAM', '1955-06-15', 'HJ. SITI MARYAM'],
    ['NUR AINI', '1979-03-05', "NUR'AINI"],
    ['NOOR AINI', '1979-03-05', "NUR'AINI"],
    ['NURUL AINI', '1979-03-05', "NUR'AINI"],
    ['SUTINAH ARIANI', '1972-08-08', 'SUTINA ARYANI'],
    ['SUTINAH ARYANI', '1972-08-08', 'SUTINA ARYANI'],
    ['SUTINAH', '1972-08-08', 'SUTINA ARYANI'],
    ['YUSUF ACHMAD', '1970-05-30', 'ACHMAD YUSUF'],
    ['RIZKI RAMADHAN', '1995-02-14', 'MUHAMMAD RIZKI RAMADHAN'],
    ['RIZKI', '1995-02-14', 'MUHAMMAD RIZKI RAMADHAN'],
    ['KARSO', '1945-07-01', 'MBAH KARSO'],
    ['MBAH SUTINAH', '1950-07-01', 'SUTINAH'],
    ['SUTINAH BINTI KASAN', '1950-07-01', 'SUTINAH'],
];

describe('the check before a new record (searchtester S1, S4, S5, S11)', () => {
  it.each([
    ...VARIANTS,
    // S4: the birth date off by a slip, by the year-only convention, or not given
    ['FATIMAH YUSUF', '1992-05-05', 'FATIMAH YUSUF'],
    ['FATIMAH YUSUF', '1992-04-05', 'FATIMAH YUSUF'],
    ['FATIMAH YUSUF', null, 'FATIMAH YUSUF'],
    ['DEWI LESTARI', '1992-12-08', 'DEWI LESTARI'],
    ['DEWI LESTARI', '1992-03-12', 'DEWI LESTARI'],
    ['SUTINAH', '1950-01-01', 'SUTINAH'],
    ['SUTINAH', '1950-03-12', 'SUTINAH'],
    ['SUTINAH', null, 'SUTINAH'],
    ['MBAH KARSO', null, 'MBAH KARSO'],
    ['KARSO', null, 'MBAH KARSO'],
    // S5: no birth date on either side
    ['WAHYU PRATAMA', null, 'WAHYU PRATAMA'],
    ['WAHYU PRATAMA', '1990-05-15', 'WAHYU PRATAMA'],
    // S11: the same name, a date slip
    ['SRI WAHYUNI', '1983-09-04', 'SRI WAHYUNI'],
    ['ACHMAD YUSUF', '1970-05-03', 'ACHMAD YUSUF'],
    ['HJ. SITI MARYAM', '1956-06-15', 'HJ. SITI MARYAM'],
    ['RAHMAT', '1990-05-15', 'RAHMAT'],
  ])('"%s" born %s is asked about %s', (typed, dob, recorded) => {
    const found = likelyDuplicates(db, typed, dob, TODAY).map((p) => p.name);
    expect(found).toContain(recorded);
    // Only the person, or very few: the clerk reads every line.
    expect(found.length).toBeLessThanOrEqual(2);
  });

  it('stays silent for other people', () => {
    expect(likelyDuplicates(db, 'SITI AMINAH', '1960-02-02', TODAY)).toEqual([]); // another date altogether
    expect(likelyDuplicates(db, 'SITI', null, TODAY)).toEqual([]); // a name alone is no person
    expect(likelyDuplicates(db, 'RIZKI', null, TODAY)).toEqual([]);
    expect(likelyDuplicates(db, 'SITI RAHAYU', '1988-07-21', TODAY)).toEqual([]);
    expect(likelyDuplicates(db, 'JOKO WIDODO', '1965-11-11', TODAY)).toEqual([]);
    // Only the closer one comes first: the exact date and name before a slip.
    expect(likelyDuplicates(db, 'NURUL', '1952-04-22', TODAY).map((p) => p.name)[0]).toBe('NURUL');
  });
});

describe('the name search with a birth date (searchtester S1)', () => {
  it.each(VARIANTS)('"%s" born %s lists the own record %s', (typed, dob, recorded) => {
    expect(ownByName(db, typed, dob).map((p) => p.name)).toContain(recorded);
  });
});

describe('a newborn registered under the mother\'s name (searchtester S7)', () => {
  let babies: Db;
  beforeAll(() => {
    babies = openDatabase(join(dir, 'babies.db'));
    createPatient(babies, { name: 'Siti Aminah Tjokroaminoto', dob: '1992-10-21' }, DEFAULT_SETTINGS, MORNING);
    createPatient(babies, { name: 'By Ny Siti Aminah', dob: '2026-11-20' }, DEFAULT_SETTINGS, MORNING);
    createPatient(babies, { name: 'By Ny Rina', dob: '2026-11-20' }, DEFAULT_SETTINGS, MORNING);
  });
  afterAll(() => babies.close());

  it("the mother's name with the baby's birth date finds the baby's record, not the mother's", () => {
    for (const typed of ['SITI AMINAH', 'An. Siti Aminah']) expect(ownByName(babies, typed, '2026-11-20').map((p) => p.name)).toEqual(['BY NY SITI AMINAH']);
  });

  it("the baby's own name later, with its birth date: the BY NY records born that day are asked about before a new record", () => {
    expect(likelyDuplicates(babies, 'AISYAH PUTRI', '2026-11-20', TODAY).map((p) => p.name).sort()).toEqual(['BY NY RINA', 'BY NY SITI AMINAH']);
    // Not for a grown-up born on a day long ago, nor for another day.
    expect(likelyDuplicates(babies, 'AISYAH PUTRI', '2026-11-21', TODAY)).toEqual([]);
    expect(likelyDuplicates(babies, 'AISYAH PUTRI', '2026-11-20', '2028-01-01')).toEqual([]);
  });
});
