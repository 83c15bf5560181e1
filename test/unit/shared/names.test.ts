import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nameSimilarity } from '../../../src/shared/name-similarity';
import { normalizeName, phoneticToken } from '../../../src/shared/names';

const key = (raw: string): string => normalizeName(raw).key;

describe('normalizeName: display', () => {
  it('trims, collapses spaces, turns NBSP into a space and upper-cases, keeping titles', () => {
    expect(normalizeName('  Hj.  Siti\u00a0Aminah,\tS.Pd. ').display).toBe('HJ. SITI AMINAH, S.PD.');
    expect(normalizeName('SITI AMINAH').display).toBe('SITI AMINAH');
    expect(normalizeName('').display).toBe('');
  });
});

describe('normalizeName: key', () => {
  it.each([
    ['Soekarno', 'Sukarno'],
    ['Djoko', 'Joko'],
    ['Tjahjo', 'Cahyo'],
    ['Chairul', 'Khairul'],
    ['Jusuf', 'Yusuf'],
    ['Soejono', 'Suyono'],
    ['Sjamsul', 'Syamsul'],
    ['Njoman', 'Nyoman'],
    ['Hasanuddin', 'Hasanudin'],
    ['Muhammad Rizki', 'Moch. Rizki'],
    ['Muhammad Rizki', 'M. Rizki'],
    ['Muhammad Rizki', 'Muhamad Rizki'],
    ['Muhammad Rizki', 'Mohammad Rizki'],
    ['Muhammad Rizki', 'MOHAMAD RIZKI'],
    ['Muhammad Rizki', 'Mochammad Rizki'],
    ['Muhammad Rizki', 'Mochamad Rizki'],
    ['Muhammad Rizki', 'Muchammad Rizki'],
    ['Muhammad Rizki', 'Moh. Rizki'],
    ['Muhammad Rizki', 'Muh. Rizki'],
    ['Muhammad Rizki', 'Mhd Rizki'],
    ['Muhammad Rizki', 'Muhd. Rizki'],
    ['Muhammad Rizki', 'M.Rizki'],
    ['Muhammad Rizki', 'H. M. Rizki'],
    ['Noor Hasanah', 'Nur Hasanah'],
    ['Noer Hasanah', 'Nur Hasanah'],
    ['Sitti Aminah', 'Siti Aminah'],
    ['Hj. Siti Aminah, S.Pd.', 'SITI AMINAH'],
    ['HJ SITI AMINAH SPD', 'SITI AMINAH'],
    ['Hj.Siti Aminah', 'Siti Aminah'],
    ['SITI AMINAH, S. Pd', 'SITI AMINAH'],
    ['SITI AMINAH S. PD', 'SITI AMINAH'],
    ['Dr. Ir. H. Budi Santoso, M.M., M.Kes.', 'Budi Santoso'],
    ['dr. Budi Santoso, Sp.PD', 'Budi Santoso'],
    ['drg. Rina Marlina', 'Rina Marlina'],
    ['Prof. Dr. Budi', 'Budi'],
    ['Ny. Rina', 'Rina'],
    ['Tn. Budi', 'Budi'],
    ['Nn. Rina', 'Rina'],
    ['Rina Marlina, A.Md.Keb.', 'Rina Marlina'],
    ['Rina Marlina, Amd.Keb', 'Rina Marlina'],
    ['Dewi, S.Kom.', 'Dewi'],
    ['Dewi S.Kep', 'Dewi'],
    ['Budi SH', 'Budi'],
    ['Budi, S.E.', 'Budi'],
    ['Ahmad Fauzi', 'Achmad Fauzi'],
    ['Abdul Rahman', 'Abd. Rahman'],
    ["Ma'ruf", 'MARUF'],
    ['Ma\u2019ruf', 'Maruf'],
    ['Siti-Aminah', 'Siti Aminah'],
    ['José', 'Jose'],
  ])('%j = %j', (a, b) => {
    expect(key(a)).toBe(key(b));
    expect(key(a)).not.toBe('');
  });

  it('produces the documented canonical forms', () => {
    expect(key('Soekarno')).toBe('SUKARNO');
    expect(key('Jusuf')).toBe('YUSUF');
    expect(key('Djoko Tjahjono')).toBe('YOKO CAHYONO');
    expect(key('Chairul Tanjung')).toBe('KHAIRUL TANYUNG');
    expect(key('Moch. Rizki')).toBe('MUHAMMAD RIZKI');
    expect(key('Hj. Siti Aminah, S.Pd.')).toBe('SITI AMINAH');
    expect(key('Hasanuddin')).toBe('HASANUDIN');
    expect(key('Noor')).toBe('NUR');
    expect(normalizeName('Hj. Siti Aminah, S.Pd.').tokens).toEqual(['SITI', 'AMINAH']);
  });

  it('keeps what is not recognisably a title', () => {
    expect(key('Abdul H')).toBe('ABDUL H'); // a trailing H is an initial, not Haji
    expect(key('Rizki M')).toBe('RIZKI M'); // a trailing M is an initial, not Muhammad
    expect(key('Siti Dr Aminah')).toBe('SITI DR AMINAH');
    expect(key('An Nisa')).toBe('AN NISA');
    expect(key('An. Nisa')).toBe('NISA');
    expect(key('Rina, Marlina')).toBe('RINA MARLINA');
  });

  it('never drops the token that is the whole name', () => {
    expect(key('H.')).toBe('H');
    expect(key('Dr.')).toBe('DR');
    expect(key('Hj')).toBe('HY'); // J->Y applies to every token alike
    expect(key('S.Pd.')).toBe('S PD');
    expect(key('H. Dr.')).toBe('DR');
  });

  it('keeps a newborn apart from the mother', () => {
    expect(key('By. Ny. Siti Aminah')).toBe('BAYI SITI AMINAH');
    expect(key('BAYI NY SITI AMINAH')).toBe('BAYI SITI AMINAH');
    expect(key('Ny. Siti Aminah')).toBe('SITI AMINAH');
    expect(key('By.')).toBe('BAYI');
  });

  it('gives an empty key for empty or punctuation-only input', () => {
    expect(normalizeName('')).toEqual({ display: '', key: '', tokens: [] });
    expect(normalizeName(' - . ')).toMatchObject({ key: '', tokens: [] });
  });

  const nameish = fc
    .array(
      fc.oneof(
        fc.constantFrom('H.', 'Hj.', 'Dr.', 'S.Pd.', 'M.', 'Moch.', 'By.', 'Ny.', 'S.', 'PD', 'An.', ',', "'", '-', 'BY', 'SE'),
        fc.stringMatching(/^[a-zA-Z' .,-]{1,10}$/),
        fc.stringMatching(/^[ACDEHJKOTUYSNM]{1,8}$/),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(' '));

  it('property: the key is a fixed point (normalizing a key gives it back)', () => {
    fc.assert(
      fc.property(fc.oneof(nameish, fc.string()), (raw) => {
        const n = normalizeName(raw);
        expect(normalizeName(n.key).key).toBe(n.key);
        expect(n.tokens).toEqual(n.key === '' ? [] : n.key.split(' '));
        expect(n.key).toMatch(/^(?:[A-Z0-9]+(?: [A-Z0-9]+)*)?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a name with letters never normalizes to an empty key', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}( [A-Za-z.]{1,12}){0,3}$/), (raw) => {
        expect(key(raw)).not.toBe('');
      }),
    );
  });
});

describe('phoneticToken', () => {
  it.each([
    ['FITRI', 'PITRI'],
    ['ARIF', 'ARIP'],
    ['AHMAD', 'AHMAT'],
    ['ZAINAL', 'SAINAL'],
    ['SURYANI', 'SURIANI'],
    ['KHAIRUL', 'HAIRUL'],
    ['SYARIF', 'SARIF'],
    ['RAHMAT', 'RAKHMAT'],
    ['DZIKRI', 'ZIKRI'],
    ['SINTA', 'SHINTA'],
    ['DEWI', 'DEWY'],
    ['VINA', 'FINA'],
  ])('%s ~ %s', (a, b) => {
    expect(phoneticToken(a)).toBe(phoneticToken(b));
  });

  it.each([
    ['BUDI', 'JOKO'],
    ['SITI', 'SARI'],
    ['CAHYO', 'KAHYO'],
    ['ANI', 'ANTON'],
    ['RINA', 'RINI'.replace('I', 'O') + 'S'],
  ])('%s is not %s', (a, b) => {
    expect(phoneticToken(a)).not.toBe(phoneticToken(b));
  });

  it('gives the documented codes', () => {
    expect(phoneticToken('SUKARNO')).toBe('SKRN');
    expect(phoneticToken('YUSUF')).toBe('YSP');
    expect(phoneticToken('HASANUDIN')).toBe('HSNDN');
    expect(phoneticToken('SITI')).toBe('ST');
    expect(phoneticToken('AMINAH')).toBe('AMN');
    expect(phoneticToken('CAHYO')).toBe('CY');
    expect(phoneticToken('IA')).toBe('IA');
    expect(phoneticToken('ANI')).toBe('AN');
    expect(phoneticToken('')).toBe('');
  });

  it('property: pure, and at least 2 characters for a consonant-vowel token', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[B-DF-HJ-NP-TV-Z][AEIOU][A-Z]{0,10}$/), (t) => {
        const code = phoneticToken(t);
        expect(phoneticToken(t)).toBe(code);
        expect(code.length).toBeGreaterThanOrEqual(2);
        expect(code).toMatch(/^[A-Z]+$/);
      }),
    );
  });
});

describe('nameSimilarity', () => {
  it('is 1 for equal keys and order-insensitive', () => {
    expect(nameSimilarity('SITI AMINAH', 'SITI AMINAH')).toBe(1);
    expect(nameSimilarity('', '')).toBe(1);
    expect(nameSimilarity('SITI AMINAH', 'AMINAH SITI')).toBe(1);
  });

  it('ranks typos above partial names above strangers', () => {
    const typo = nameSimilarity('SITI AMINAH', 'SITI AMINA');
    const partial = nameSimilarity('MUHAMMAD RIZKI PRATAMA', 'RIZKI PRATAMA');
    const initial = nameSimilarity('SITI AMINAH', 'SITI A');
    const stranger = nameSimilarity('SITI AMINAH', 'BUDI SANTOSO');
    expect(typo).toBeGreaterThan(0.95);
    expect(partial).toBeGreaterThan(0.6);
    expect(partial).toBeLessThan(typo);
    expect(initial).toBeGreaterThan(stranger);
    expect(stranger).toBeLessThan(0.5);
    expect(nameSimilarity('SITI', '')).toBe(0);
    expect(nameSimilarity('BUDI', 'JOKO')).toBe(0);
  });

  const keyArb = fc.array(fc.stringMatching(/^[A-Z]{1,10}$/), { minLength: 0, maxLength: 5 }).map((t) => t.join(' '));

  it('property: symmetric, within [0,1], 1 on equal keys', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBe(s);
        expect(nameSimilarity(a, a)).toBe(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: token order does not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Z]{1,10}$/), { minLength: 1, maxLength: 5 }), keyArb, (tokens, other) => {
        const a = tokens.join(' ');
        const reversed = [...tokens].reverse().join(' ');
        expect(nameSimilarity(reversed, a)).toBe(1);
        expect(nameSimilarity(reversed, other)).toBeCloseTo(nameSimilarity(a, other), 10);
      }),
    );
  });
});
