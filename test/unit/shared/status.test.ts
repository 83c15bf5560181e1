import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { flagValue, isUnknownStatus, mapFlagStatus, mapListStatus, mapStatusEvidence, mapVClaimStatus, parseSex, strongerStatus } from '../../../src/shared/status';

describe('mapListStatus', () => {
  it('treats a missing status as covered: being on the list is the coverage', () => {
    for (const raw of [null, undefined, '', '   ', '-']) {
      expect(mapListStatus(raw)).toEqual({ status: 'active', reason: null, raw: null });
    }
  });

  it.each(['AKTIF', 'aktif', ' Aktif ', 'A', 'a', '1', 'Y', 'ya', '0', 'AKTIF\u00a0'])('%j is active', (raw) => {
    expect(mapListStatus(raw)).toEqual({ status: 'active', reason: null, raw: raw.trim() });
  });

  it('reads numbers like their text', () => {
    expect(mapListStatus(1)).toEqual({ status: 'active', reason: null, raw: '1' });
    expect(mapListStatus(0)).toEqual({ status: 'active', reason: null, raw: '0' });
    expect(mapListStatus(9)).toMatchObject({ status: 'inactive', reason: 'premium', raw: '9' });
  });

  it.each([
    ['NON AKTIF', 'inactive'],
    ['NONAKTIF', 'inactive'],
    ['Non-Aktif', 'inactive'],
    ['NON_AKTIF', 'inactive'],
    ['TIDAK AKTIF', 'inactive'],
    ['MENINGGAL', 'deceased'],
    ['meninggal dunia', 'deceased'],
    ['2', 'deceased'],
    ['PINDAH', 'moved'],
    ['KELUAR', 'left'],
    ['DIHAPUS', 'deleted'],
    ['NONAKTIF PREMI', 'premium'],
    ['NON AKTIF PREMI', 'premium'],
    ['9', 'premium'],
    ['09', 'premium'],
    ['6', 'not-covered'],
    ['7', 'suspended'],
    ['PENANGGUHAN', 'suspended'],
    ['15', 'end-of-month'],
  ])('%j is inactive: %s', (raw, reason) => {
    expect(mapListStatus(raw)).toEqual({ status: 'inactive', reason, raw });
  });

  it('shows unknown words verbatim and does not call them active', () => {
    expect(mapListStatus('SEDANG DIPROSES')).toEqual({ status: 'inactive', reason: 'unknown:SEDANG DIPROSES', raw: 'SEDANG DIPROSES' });
    expect(mapListStatus('99')).toEqual({ status: 'inactive', reason: 'unknown:99', raw: '99' });
    expect(mapListStatus(' aktif? ')).toMatchObject({ status: 'active' }); // punctuation is noise
  });

  it.each([
    ['NON AKTIF - MENINGGAL', 'inactive', 'deceased'],
    ['AKTIF / MENINGGAL DUNIA', 'inactive', 'deceased'],
    ['PINDAH DOMISILI', 'inactive', 'moved'],
    ['PINDAH (DOMISILI BARU)', 'inactive', 'moved'],
    ['TIDAK DITEMUKAN', 'inactive', 'inactive'],
    ['NON AKTIF (PINDAH)', 'inactive', 'moved'],
    ['BELUM AKTIF', 'inactive', 'inactive'],
    ['AKTIF (PBI)', 'active', null],
    ['Aktif - PBI APBD', 'active', null],
    ['AKTIF S/D 15-01-2027', 'active', null], // digits inside a status are a date, not a VClaim code
  ] as const)('a status of several words, %j, reads as its strongest word', (raw, status, reason) => {
    expect(mapListStatus(raw)).toEqual({ status, reason, raw });
  });

  const vocabulary = ['AKTIF', 'NON', 'NON AKTIF', 'TIDAK', 'PBI', 'APBD', 'PINDAH', 'DOMISILI', 'KELUAR', 'PREMI', 'DUNIA', 'KELAS 3', '2026', '15', 'A', 'N', 'DITEMUKAN'];
  const word = fc.oneof(fc.constantFrom(...vocabulary), fc.stringMatching(/^[A-Za-z0-9]{1,8}$/));
  const separator = fc.constantFrom(' ', ' - ', '/', ', ', ' (', ') ', '_', '.', '\u00a0');

  it('property: any combination containing MENINGGAL reads deceased', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), fc.array(word, { maxLength: 5 }), separator, fc.boolean(), (before, after, sep, lower) => {
        const text = [...before, 'MENINGGAL', ...after].join(sep);
        expect(mapListStatus(lower ? text.toLowerCase() : text)).toMatchObject({ status: 'inactive', reason: 'deceased' });
      }),
    );
  });

  it('property: a combination with NON AKTIF and no death reads not active', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('AKTIF', 'PBI', 'APBD', 'KELAS 3', 'JKN', '2026'), { maxLength: 4 }), separator, (rest, sep) => {
        expect(mapListStatus(['NON AKTIF', ...rest].join(sep)).status).toBe('inactive');
      }),
    );
  });

  it('property: never throws, and only known words are active', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), (raw) => {
        const v = mapListStatus(raw);
        if (v.status === 'inactive') expect(v.reason).toBeTruthy();
        else expect(v.reason).toBeNull();
      }),
    );
  });
});

describe('the words a status column uses for "registered", "valid" and "new"', () => {
  it.each(['TERDAFTAR', 'terdaftar', 'VALID', 'Valid', 'BARU', 'PESERTA BARU', 'Peserta Baru', 'PESERTA_BARU', 'TERDAFTAR (PBI)', 'BARU - AKTIF'])('%j is active', (raw) => {
    expect(mapListStatus(raw)).toEqual({ status: 'active', reason: null, raw });
  });

  it.each(['TIDAK TERDAFTAR', 'TDK TERDAFTAR', 'BELUM TERDAFTAR', 'TIDAK VALID', 'TDK VALID', 'BELUM VALID', 'INVALID', 'NON VALID', 'Tidak Terdaftar'])(
    '%j is not active (the strongest word, or its spelled-out negation)',
    (raw) => {
      expect(mapListStatus(raw)).toEqual({ status: 'inactive', reason: 'inactive', raw });
    },
  );

  it.each([
    ['TERDAFTAR - MENINGGAL', 'deceased'],
    ['BARU / PINDAH', 'moved'],
    ['VALID, NON AKTIF', 'inactive'],
  ])('%j: a stronger word wins over them', (raw, reason) => {
    expect(mapListStatus(raw)).toMatchObject({ status: 'inactive', reason });
  });

  it('are no evidence of a status column: unknown when read for evidence, while the old words still are', () => {
    for (const raw of ['TERDAFTAR', 'VALID', 'NIK VALID', 'BARU', 'PESERTA BARU', 'BELUM TERDAFTAR', 'INVALID']) expect(isUnknownStatus(mapStatusEvidence(raw))).toBe(true);
    expect(mapStatusEvidence('MENINGGAL')).toMatchObject({ status: 'inactive', reason: 'deceased' });
    expect(mapStatusEvidence('TIDAK TERDAFTAR')).toMatchObject({ status: 'inactive', reason: 'inactive' }); // through TIDAK, as before
    expect(mapStatusEvidence('AKTIF')).toMatchObject({ status: 'active' });
  });

  it('isUnknownStatus tells the unknown from the known', () => {
    expect(isUnknownStatus(mapListStatus('SEDANG DIPROSES'))).toBe(true);
    expect(isUnknownStatus(mapListStatus('NON AKTIF'))).toBe(false);
    expect(isUnknownStatus(mapListStatus('AKTIF'))).toBe(false);
    expect(isUnknownStatus(mapListStatus(''))).toBe(false);
  });
});

describe('a status column read as a yes/no flag', () => {
  it.each([['1', 1], ['0', 0], ['1.0', 1], ['0.0', 0], ['00', 0], ['01', 1]] as const)('%j is the flag %d', (text, flag) => {
    expect(flagValue(text)).toBe(flag);
  });
  it.each(['2', '10', '-1', 'Y', '', '1,5', '0 '])('%j is no flag value', (text) => {
    expect(flagValue(text)).toBeNull();
  });

  it('1 is active, 0 is not active (where VClaim reads 0 as active); other values read as words', () => {
    expect(mapFlagStatus('1')).toEqual({ status: 'active', reason: null, raw: '1' });
    expect(mapFlagStatus(1)).toEqual({ status: 'active', reason: null, raw: '1' });
    expect(mapFlagStatus('0')).toEqual({ status: 'inactive', reason: 'inactive', raw: '0' });
    expect(mapFlagStatus(0)).toEqual({ status: 'inactive', reason: 'inactive', raw: '0' });
    expect(mapFlagStatus(' 0.0 ')).toEqual({ status: 'inactive', reason: 'inactive', raw: '0.0' });
    expect(mapListStatus('0')).toMatchObject({ status: 'active' });
    expect(mapFlagStatus('MENINGGAL')).toMatchObject({ status: 'inactive', reason: 'deceased' });
    expect(mapFlagStatus(null)).toEqual({ status: 'active', reason: null, raw: null });
    expect(mapFlagStatus('')).toEqual({ status: 'active', reason: null, raw: null });
  });
});

describe('mapVClaimStatus', () => {
  it('maps the known codes', () => {
    expect(mapVClaimStatus('0', 'AKTIF')).toEqual({ status: 'active', reason: null, raw: '0' });
    expect(mapVClaimStatus(0)).toEqual({ status: 'active', reason: null, raw: '0' });
    expect(mapVClaimStatus('2', 'MENINGGAL')).toEqual({ status: 'inactive', reason: 'deceased', raw: '2' });
    expect(mapVClaimStatus('6')).toMatchObject({ status: 'inactive', reason: 'not-covered' });
    expect(mapVClaimStatus('7')).toMatchObject({ status: 'inactive', reason: 'suspended' });
    expect(mapVClaimStatus(9)).toMatchObject({ status: 'inactive', reason: 'premium' });
    expect(mapVClaimStatus('15')).toMatchObject({ status: 'inactive', reason: 'end-of-month' });
  });

  it('shows unknown codes verbatim, as not active', () => {
    expect(mapVClaimStatus('11', 'NON AKTIF KARENA SELESAI KONTRAK')).toEqual({
      status: 'inactive',
      reason: 'unknown:11 (NON AKTIF KARENA SELESAI KONTRAK)',
      raw: '11',
    });
    expect(mapVClaimStatus('X')).toEqual({ status: 'inactive', reason: 'unknown:X', raw: 'X' });
    expect(mapVClaimStatus(null, 'AKTIF?')).toEqual({ status: 'inactive', reason: 'unknown:AKTIF?', raw: 'AKTIF?' });
    expect(mapVClaimStatus(undefined)).toEqual({ status: 'inactive', reason: 'unknown:-', raw: null });
  });

  it('property: never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), fc.option(fc.string()), (kode, ket) => {
        const v = mapVClaimStatus(kode, ket);
        expect(['active', 'inactive']).toContain(v.status);
      }),
    );
  });
});

describe('parseSex', () => {
  it.each(['L', 'l', ' L ', '1', 'LAKI-LAKI', 'Laki-laki', 'LAKI LAKI', 'LAKILAKI', 'PRIA', 'LK', 'M', 'MALE', 'Male'])('%j is L', (raw) => {
    expect(parseSex(raw)).toBe('L');
  });
  it.each(['P', 'p', '2', 'PEREMPUAN', 'Perempuan', 'WANITA', 'PR', 'W', 'F', 'FEMALE'])('%j is P', (raw) => {
    expect(parseSex(raw)).toBe('P');
  });
  it('reads numbers 1 and 2', () => {
    expect(parseSex(1)).toBe('L');
    expect(parseSex(2)).toBe('P');
    expect(parseSex(3)).toBeNull();
  });
  it.each([null, undefined, '', ' ', 'X', '0', '3', 'LP', 'TIDAK TAHU'])('%j is unknown', (raw) => {
    expect(parseSex(raw)).toBeNull();
  });
});

describe('a negation is never read as active (listtester L1)', () => {
  it.each(['NON AKTIP', 'TDK AKTIP', 'T. AKTIF', 'T AKTIF', 'NONAKTIP', 'TIDAK AKTIP', 'Tdk. Aktip', 'BLM AKTIF', 'BKN AKTIF', 'INAKTIF', 'NON-AKTIP', 'TDK. VALID'])(
    '%j is not active',
    (raw) => {
      expect(mapListStatus(raw)).toEqual({ status: 'inactive', reason: 'inactive', raw });
      expect(mapFlagStatus(raw)).toMatchObject({ status: 'inactive', reason: 'inactive' });
    },
  );

  it.each(['AKTIF NON PBI', 'AKTIF - T', 'AKTIP (BUKAN PBI)'])('%j: a negation elsewhere makes the status unknown, never active', (raw) => {
    expect(mapListStatus(raw)).toEqual({ status: 'inactive', reason: `unknown:${raw}`, raw });
  });

  it('the common active spellings stay active', () => {
    for (const raw of ['AKTIP', 'AKTIF', 'Peserta Aktif', 'AKTIF (PBI)', 'AKTIF S/D 15-01-2027', 'AKTIF KELAS 3']) expect(mapListStatus(raw).status).toBe('active');
  });

  it('property: NON, TDK, TIDAK, T. or BELUM in front of an active word is never active, whatever follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('NON', 'TDK', 'TIDAK', 'T.', 'BELUM', 'BLM', 'Non', 'tdk.'),
        fc.constantFrom('AKTIF', 'AKTIP', 'aktif', 'Aktip', 'ACTIVE'),
        fc.constantFrom(' ', '-', '. ', '_', ''),
        fc.array(fc.constantFrom('PBI', 'APBD', 'KELAS 3', '2026', 'AKTIF'), { maxLength: 3 }),
        (negation, word, sep, rest) => {
          const text = [`${negation}${negation === 'T.' || negation === 'tdk.' ? ' ' : sep}${word}`, ...rest].join(' ');
          expect(mapListStatus(text).status).toBe('inactive');
        },
      ),
    );
  });
});

describe('spreadsheet error values are no status (listtester L4)', () => {
  it.each(['#N/A', '#n/a', '#N/A N/A', '#VALUE!', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#NUM!'])('%j is unknown, not "NA" = non-aktif', (raw) => {
    expect(mapListStatus(raw)).toEqual({ status: 'inactive', reason: `unknown:${raw}`, raw });
    expect(isUnknownStatus(mapFlagStatus(raw))).toBe(true);
    expect(isUnknownStatus(mapStatusEvidence(raw))).toBe(true);
  });
  it('the word NA still reads as non-aktif', () => {
    expect(mapListStatus('NA')).toMatchObject({ status: 'inactive', reason: 'inactive' });
  });
});

describe('a STATUS column and a remarks column of status words (listtester L8, L18)', () => {
  it('the stronger of the two counts: deceased over a reason over not active over active', () => {
    const s = (raw: string | null) => mapListStatus(raw);
    expect(strongerStatus(s('AKTIF'), s('MENINGGAL'))).toMatchObject({ status: 'inactive', reason: 'deceased' });
    expect(strongerStatus(s('AKTIF'), s('PINDAH'))).toMatchObject({ status: 'inactive', reason: 'moved' });
    expect(strongerStatus(s('NON AKTIF'), s('MENINGGAL'))).toMatchObject({ reason: 'deceased' });
    expect(strongerStatus(s('MENINGGAL'), s('AKTIF'))).toMatchObject({ reason: 'deceased' });
    expect(strongerStatus(s('NON AKTIF'), s('AKTIF'))).toMatchObject({ reason: 'inactive' });
    expect(strongerStatus(s('AKTIF'), s(null))).toMatchObject({ status: 'active' });
    // A remark no word explains is free text, never a status; an unknown status gives way to a known not-active remark.
    expect(strongerStatus(s('AKTIF'), s('RUMAH DI BELAKANG MASJID'))).toMatchObject({ status: 'active' });
    expect(strongerStatus(s('KODE 44'), s('MENINGGAL'))).toMatchObject({ reason: 'deceased' });
    expect(strongerStatus(s('KODE 44'), s('AKTIF'))).toMatchObject({ reason: 'unknown:KODE 44' });
  });

  it.each(['PINDAH FASKES', 'PINDAH FASKES KE PKM CIBODAS', 'PINDAH FKTP', 'Pindah Puskesmas', 'GANTI FASKES'])('%j: a change of puskesmas, still covered', (raw) => {
    expect(mapListStatus(raw)).toEqual({ status: 'active', reason: null, raw });
  });
  it('PINDAH alone, or PINDAH DOMISILI, is still moved away', () => {
    expect(mapListStatus('PINDAH')).toMatchObject({ reason: 'moved' });
    expect(mapListStatus('PINDAH DOMISILI')).toMatchObject({ reason: 'moved' });
    expect(mapListStatus('PINDAH FASKES - MENINGGAL')).toMatchObject({ reason: 'deceased' });
  });
});
