import { describe, expect, it } from 'vitest';
import { looseName, nameCloseness } from '../../../src/shared/name-variants';

const closeness = (a: string, b: string) => nameCloseness(looseName(a), looseName(b));

describe('names written otherwise at the counter (searchtester S1)', () => {
  it.each([
    ['RAHMAT HIDAYAT', 'RACHMAT HIDAYAT'], // CH / H
    ['RACHMAD HIDAYAT', 'RACHMAT HIDAYAT'], // a last D for T
    ['RACHMAT', 'RAHMAT'],
    ['HIDAYAT RAHMAT', 'RACHMAT HIDAYAT'], // word order
    ['YUSUF ACHMAD', 'ACHMAD YUSUF'],
    ['DEWY LESTARI', 'DEWI LESTARI'], // Y at the end
    ['SRY WAHYUNI', 'SRI WAHYUNI'],
    ['YUSUP', 'YUSUF'], // F / P
    ['ST. NURHALIZA', 'SITI NURHALIZA'], // ST. = SITI
    ['ST NURHALIZA', 'SITI NURHALIZA'],
    ['NURHALIZA SITI', 'SITI NURHALIZA'],
    ['ST. MARYAM', 'HJ. SITI MARYAM'],
    ['NUR AINI', "NUR'AINI"], // a space for the apostrophe
    ['NOOR AINI', "NUR'AINI"],
    ['SUTINAH ARYANI', 'SUTINA ARYANI'], // a last H
    ['SUTINAH ARIANI', 'SUTINA ARYANI'],
    ['KARSO', 'MBAH KARSO'], // an honorific
    ['MBAH SUTINAH', 'SUTINAH'],
    ['SUTINAH BINTI KASAN', 'SUTINAH'], // the father's name
    ['MOH. RIZKI RAMADHAN', 'MUHAMMAD RIZKI RAMADHAN'],
  ])('%s is the same name as %s', (typed, recorded) => {
    expect(closeness(typed, recorded)).toBe('same');
    expect(closeness(recorded, typed)).toBe('same');
  });

  it.each([
    ['RIZKI RAMADHAN', 'MUHAMMAD RIZKI RAMADHAN'], // Muhammad left out
    ['NURHALIZA', 'SITI NURHALIZA'],
    ['SUTINAH', 'SUTINA ARYANI'],
  ])('%s is contained in %s', (typed, recorded) => {
    expect(closeness(typed, recorded)).toBe('contained');
    expect(closeness(recorded, typed)).toBe('contained');
  });

  it.each([
    ['RAHMAT HIDAYAH', 'RACHMAT HIDAYAT'],
    ['NURUL AINI', "NUR'AINI"],
  ])('%s is similar to %s', (typed, recorded) => {
    expect(closeness(typed, recorded)).toBe('similar');
  });

  it.each([
    ['SITI AMINAH', 'SUTINAH ARYANI'],
    ['SITI AMINAH', 'SITI ROHMAH'],
    ['WAHYU PRATAMA', 'DEWI LESTARI'],
    ['BUDI SANTOSO', 'BUDI SETIAWAN'],
    ['AGUS', 'AGUNG'],
  ])('%s is not %s', (a, b) => {
    expect(closeness(a, b)).toBe('none');
  });
});
