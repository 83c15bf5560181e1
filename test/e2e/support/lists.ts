import { csvList, type ListFile } from './counter';

/** The header of the e2e's PBI lists. */
export const HEADER = ['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS', 'ALAMAT'] as const;

/** People in the e2e lists. NIKs are valid (Kota Serang, birth date encoded, +40 for women). */
export const SITI = { nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH' };
export const RIZKI = { nik: '3673011705900001', card: '0001336526601', name: 'MOCH. RIZKI', dob: '1990-05-17' };
export const RIZKY = { nik: '3673010308950004', card: '0001336526629', name: 'MUHAMAD RIZKY' };
export const BUDI = { nik: '3673010201780002', card: '0001336526610', name: 'BUDI SANTOSO' };
export const NUR = { nik: '3673014407800006', card: '0001336526647', name: 'NUR HASANAH' };
export const DEWI = { nik: '3673016512010005', card: '0001336526638', name: 'DEWI LESTARI' };
/** A valid NIK (woman born 01-01-1999) that is on no list. */
export const STRANGER_NIK = '3673014101990007';

export const APBD: ListFile = {
  name: 'PBI APBD KOTA SERANG',
  kind: 'pbi-apbd',
  asOf: '2025-06-01',
  csv: csvList(HEADER, [
    [SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', 'AKTIF', 'JL. KI MAS JONG NO. 5 RT 002/003 KALIGANDU'],
    [RIZKI.nik, RIZKI.card, RIZKI.name, '17-05-1990', 'L', 'AKTIF', 'KP. SAWAH LUHUR RT 001/004 KASEMEN'],
    [RIZKY.nik, RIZKY.card, RIZKY.name, '03-08-1995', 'L', 'AKTIF', 'KP. BANJAR SARI RT 003/001 CIPOCOK JAYA'],
    [BUDI.nik, BUDI.card, BUDI.name, '02-01-1978', 'L', 'NON AKTIF PREMI', 'JL. TB SUWANDI NO. 12 CIRACAS'],
    // The birth date disagrees with the NIK (04-07-1980): a warning, never a rejection.
    [NUR.nik, NUR.card, NUR.name, '05-07-1980', 'P', 'AKTIF', 'PERUM CIRACAS INDAH BLOK C2 SERANG'],
  ]),
};

/** Older than the 45-day limit on TODAY (2025-06-10): its matches carry the stale badge. */
export const APBN_OLD: ListFile = {
  name: 'PBI APBN KOTA SERANG',
  kind: 'pbi-apbn',
  asOf: '2025-01-31',
  csv: csvList(HEADER, [[DEWI.nik, DEWI.card, DEWI.name, '25-12-2001', 'P', 'AKTIF', 'KP. KEPANDEAN RT 002/005 DALUNG']]),
};
