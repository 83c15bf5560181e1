import { describe, expect, it } from 'vitest';
import { looseColumns } from '../../../src/core/patients/loose-name-keys';
import { looseName, sameLoose } from '../../../src/shared/name-variants';
import { normalizeName } from '../../../src/shared/names';

/**
 * Every name of the name-variants and likely-duplicates tests (typed and recorded), and a few
 * edge cases: only honorifics, BIN/BINTI first or alone, titles, punctuation, one letter.
 */
const NAMES = [
  'RAHMAT HIDAYAT', 'RACHMAT HIDAYAT', 'RACHMAD HIDAYAT', 'RACHMAT', 'RAHMAT', 'HIDAYAT RAHMAT', 'RAHMAT HIDAYAH',
  'YUSUF ACHMAD', 'ACHMAD YUSUF', 'DEWY LESTARI', 'DEWI LESTARI', 'SRY WAHYUNI', 'SRI WAHYUNI', 'YUSUP', 'YUSUF',
  'ST. NURHALIZA', 'ST NURHALIZA', 'SITI NURHALIZA', 'NURHALIZA SITI', 'NURHALIZA', 'ST. MARYAM', 'HJ. SITI MARYAM',
  'NUR AINI', "NUR'AINI", 'NOOR AINI', 'NURUL AINI', 'SUTINAH ARYANI', 'SUTINA ARYANI', 'SUTINAH ARIANI', 'SUTINAH',
  'KARSO', 'MBAH KARSO', 'MBAH SUTINAH', 'SUTINAH BINTI KASAN', 'MOH. RIZKI RAMADHAN', 'MUHAMMAD RIZKI RAMADHAN',
  'RIZKI RAMADHAN', 'RIZKI', 'SITI AMINAH', 'SITI ROHMAH', 'WAHYU PRATAMA', 'BUDI SANTOSO', 'BUDI SETIAWAN', 'AGUS',
  'AGUNG', 'FATIMAH YUSUF', 'SITI', 'SITI RAHAYU', 'JOKO WIDODO', 'NURUL', 'NURUL HIDAYAH', 'AHMAD HIDAYAT',
  'RAHMAWATI', 'AISYAH PUTRI', 'BY NY SITI AMINAH', 'BY NY RINA', 'SITI AMINAH TJOKROAMINOTO', 'AN. SITI AMINAH',
  'MBAH', 'IBU', 'BU SITI', 'BINTI', 'BIN ALI', 'ALI BIN', 'ALI BIN ABU', 'ABU ALI BIN ABU', 'DR. BUDI SANTOSO, S.PD',
  'NURAINI', 'NUR AIN I', 'AINI NUR', 'A', 'I', '',
];

const pairs = NAMES.flatMap((a) => NAMES.map((b) => [a, b] as const));
const stored = (name: string) => looseColumns(normalizeName(name).key);

describe("the stored loose forms find exactly sameLoose's names", () => {
  it('key equality (sorted or joined) holds for a pair exactly when sameLoose does', () => {
    const disagree = pairs.filter(([a, b]) => {
      if (looseName(a).tokens.length === 0) return false; // the check asks nothing for such a name
      const [x, y] = [stored(a), stored(b)];
      return sameLoose(looseName(a), looseName(b)) !== (x.looseSorted === y.looseSorted || x.looseJoined === y.looseJoined);
    });
    expect(disagree).toEqual([]);
  });

  it('the pairs cover both forms: the same words in another order, and the same letters spaced otherwise', () => {
    const sortedOnly = pairs.filter(([a, b]) => stored(a).looseSorted === stored(b).looseSorted && stored(a).looseJoined !== stored(b).looseJoined);
    const joinedOnly = pairs.filter(([a, b]) => stored(a).looseJoined === stored(b).looseJoined && stored(a).looseSorted !== stored(b).looseSorted);
    expect(sortedOnly).toContainEqual(['HIDAYAT RAHMAT', 'RACHMAT HIDAYAT']);
    expect(joinedOnly).toContainEqual(['NUR AINI', "NUR'AINI"]);
  });

  it('a name without a word stores empty forms, which no asked name has', () => {
    expect(stored('MBAH')).not.toEqual({ looseSorted: '', looseJoined: '' }); // kept: a patient called just MBAH
    expect(stored('')).toEqual({ looseSorted: '', looseJoined: '' });
    for (const name of NAMES.filter((n) => looseName(n).tokens.length > 0)) expect(stored(name).looseSorted === '' || stored(name).looseJoined === '').toBe(false);
  });
});
