import { join } from 'node:path';
import { writeXlsxRows } from '../fixtures/write-list-files';
import { writeCsv } from './temp';

/**
 * Two lists as two offices send them (a PBI APBD workbook and a Jamkesda CSV, written by exceljs
 * and as a spreadsheet exports CSV) that share numbers: one card number held by two different
 * people (the newcomer tester's finding), one NIK held by two different people, and one person on
 * both lists under the same NIK and name (the usual case: one person, no conflict).
 */
export const SHARED_CARD = '0002676444594';
export const RUDI = { nik: '3604082810040821', card: SHARED_CARD, name: 'RUDI FIRDAUS', dob: '2004-10-28', sex: 'L' as const };
export const KOMALASARI = { nik: '3604026405671048', card: SHARED_CARD, name: 'KOMALASARI NASUTION', dob: '1967-05-24', sex: 'P' as const };
export const SHARED_NIK = '3673011708900002';
export const RIZKI = { nik: SHARED_NIK, card: '0001336526600', name: 'MOCH. RIZKI', dob: '1990-08-17' };
export const RINA = { nik: SHARED_NIK, card: '0001336526655', name: 'RINA WULANDARI', dob: '1991-02-03' };
/** On both lists: PBI APBD (JKN) and Jamkesda. */
export const SITI = { nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH', dob: '1985-03-12' };
/** On the Jamkesda list only: her payer is Jamkesda, never JKN. */
export const DEWI = { nik: '3673014404950001', card: '0001336526700', name: 'DEWI LESTARI', dob: '1995-04-04' };

/** `rudiActive: false`: Rudi's PBI APBD row says not active (the card's other holder stays active on Jamkesda). */
export async function writeTwoLists(dir: string, { rudiActive = true } = {}): Promise<{ apbd: string; jamkesda: string }> {
  const apbd = join(dir, 'pbi-apbd.xlsx');
  await writeXlsxRows(apbd, [
    ['DAFTAR PESERTA PBI APBD KOTA SERANG'],
    ['NO', 'NIK', 'NO KARTU', 'NAMA PESERTA', 'TGL LAHIR', 'JK', 'STATUS'],
    [1, RUDI.nik, RUDI.card, RUDI.name, '28-10-2004', 'L', rudiActive ? 'AKTIF' : 'NON AKTIF'],
    [2, RIZKI.nik, RIZKI.card, RIZKI.name, '17-08-1990', 'L', 'AKTIF'],
    [3, SITI.nik, SITI.card, SITI.name, '12-03-1985', 'P', 'AKTIF'],
  ]);
  const jamkesda = writeCsv(join(dir, 'jamkesda.csv'), [
    ['NO', 'NIK', 'NO KARTU', 'NAMA', 'TGL LAHIR', 'JK', 'STATUS'],
    [1, KOMALASARI.nik, KOMALASARI.card, KOMALASARI.name, '24-05-1967', 'P', 'AKTIF'],
    [2, RINA.nik, RINA.card, RINA.name, '03-02-1991', 'P', 'AKTIF'],
    [3, SITI.nik, '', 'Siti Aminah', '12-03-1985', 'P', 'AKTIF'],
    [4, DEWI.nik, DEWI.card, DEWI.name, '04-04-1995', 'P', 'AKTIF'],
  ]);
  return { apbd, jamkesda };
}
