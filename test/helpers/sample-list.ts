import { join } from 'node:path';
import { writeCsv } from './temp';

/** Known members of the sample list, with facts the tests check. */
export const SITI = { nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH', dob: '1985-03-12' };
export const RIZKI = { nik: '3673011708900002', card: '0001336526600', name: 'MOCH. RIZKI', dob: '1990-08-17' };
export const DJOKO = { nik: '3604010101700005', card: '0002233445566', name: 'DJOKO SOESILO', dob: '1970-01-01' };
export const NUR = { nik: '7571015506000007', card: '0000123456789', name: 'NUR HASANAH', dob: '2000-06-15' };
export const MISMATCH = { nik: '3673011203850004', card: '0001336526611', name: 'AHMAD FAUZI', dob: '1986-01-01' };

/**
 * A hand-made list as a Dinas sends it: title rows above the header, DD-MM-YYYY and other date
 * shapes, an invalid row, an empty row, a duplicate, and a totals row at the end.
 * Data starts on spreadsheet row 5.
 */
export function writeSampleCsv(dir: string, name = 'pbi-apbd.csv'): string {
  return writeCsv(join(dir, name), [
    ['DAFTAR PESERTA PBI APBD KOTA SERANG'],
    ['BULAN: NOVEMBER 2026'],
    [],
    ['NO', 'NIK', 'NO KARTU', 'NAMA PESERTA', 'TGL LAHIR', 'JK', 'STATUS', 'ALAMAT', 'KELURAHAN'],
    [1, SITI.nik, SITI.card, 'Siti Aminah ', '12-03-1985', 'P', 'AKTIF', 'KP. CIBEBER', 'CIBEBER'],
    [2, RIZKI.nik, RIZKI.card, RIZKI.name, '17/08/1990', 'L', 'AKTIF', 'JL. MAWAR 5', 'CIPOCOK'],
    [3, DJOKO.nik, DJOKO.card, DJOKO.name, '1970-01-01', 'L', 'NON AKTIF', '', ''],
    [4, NUR.nik, NUR.card, NUR.name, '15 Juni 2000', 'P', 'MENINGGAL', '', ''],
    [5, '12345', '', 'BUDI SANTOSO', '01-01-1980', 'L', 'AKTIF', '', ''],
    [],
    [6, MISMATCH.nik, MISMATCH.card, MISMATCH.name, '01-01-1986', 'L', 'AKTIF', '', ''],
    [7, SITI.nik, '', 'SITI AMINAH', '12-03-1985', 'P', 'AKTIF', '', ''],
    ['JUMLAH', '', '', '7 orang', '', '', '', '', ''],
  ]);
}

/** A later edition of the same list: Siti is gone, a new member arrives. */
export const DEWI = { nik: '3673014404950001', card: '0001336526700', name: 'DEWI LESTARI', dob: '1995-04-04' };
export function writeSecondEditionCsv(dir: string): string {
  return writeCsv(join(dir, 'pbi-apbd-december.csv'), [
    ['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK'],
    [DEWI.nik, DEWI.card, DEWI.name, '04/04/1995', 'P'],
    [RIZKI.nik, RIZKI.card, RIZKI.name, '17/08/1990', 'L'],
  ]);
}
