import { describe, expect, it } from 'vitest';
import { FIELD_SYNONYMS, matchHeader, normalizeHeader, type ListField } from '../../../src/core/lists/columns';
import { ListFileError } from '../../../src/core/lists/list-file-error';

describe('normalizeHeader', () => {
  it('folds case, underscores, dots, dashes, NBSP and runs of spaces', () => {
    expect(normalizeHeader('No_KTP ')).toBe('NO KTP');
    expect(normalizeHeader('  tgl.\u00a0lahir  ')).toBe('TGL LAHIR');
    expect(normalizeHeader('Nama--Lengkap')).toBe('NAMA LENGKAP');
    expect(normalizeHeader('\ufeffNIK')).toBe('NIK');
    expect(normalizeHeader('No.')).toBe('NO');
  });
});

describe('matchHeader', () => {
  it('maps the Dinsos upload shape', () => {
    expect(matchHeader(['PSNOKA', 'NIK', 'NAMA', 'SEGMEN', 'BULAN', 'TAHUN'])).toEqual({ card: 0, nik: 1, name: 2, segment: 3 });
  });

  it('maps the BPJS extract and prefers PSNOKA over NOKA for the card', () => {
    const m = matchHeader(['PSNOKA', 'NAMA', 'JENKEL', 'TGLLHR', 'NIK', 'NOKA', 'KDSTATUSPST', 'TMT', 'TAT']);
    expect(m).toEqual({ card: 0, name: 1, sex: 2, dob: 3, nik: 4, status: 6, validFrom: 7, validUntil: 8 });
  });

  it('maps the DTKS shape and prefers psnoka_bpjs over noka_bpjs even when it comes later', () => {
    const headers = ['id', 'iddtks', 'provinsi', 'kota', 'kecamatan', 'kelurahan', 'rt', 'rw', 'alamat', 'noka_bpjs',
      'psnoka_bpjs', 'nama', 'tanggal_lahir', 'tempat_lahir', 'jenis_kelamin', 'nik', 'nokk', 'hub_keluarga',
      'nama_ibu_kandung', 'keterangan'];
    expect(matchHeader(headers)).toEqual({
      province: 2, city: 3, district: 4, village: 5, rt: 6, rw: 7, address: 8, card: 10, name: 11, dob: 12,
      birthPlace: 13, sex: 14, nik: 15, familyCard: 16, motherName: 18,
    });
  });

  it('reads a header joining two names of one field with a slash (NO. KTP/NIK), never two fields (TEMPAT/TGL LAHIR)', () => {
    for (const nik of ['NO. KTP/NIK', 'NIK/NO KTP', 'NIK / NO. KTP', 'NO. INDUK KEPENDUDUKAN', 'KTP']) {
      expect(matchHeader([nik, 'NAMA', 'NO. KARTU BPJS', 'STATUS']), nik).toEqual({ nik: 0, name: 1, card: 2, status: 3 });
    }
    for (const card of ['NO. KARTU JKN/KIS', 'NOKA/NO KARTU', 'NO. KARTU PESERTA']) {
      expect(matchHeader(['NIK', 'NAMA', card]), card).toEqual({ nik: 0, name: 1, card: 2 });
    }
    expect(matchHeader(['NIK', 'NAMA', 'TEMPAT/TGL LAHIR', 'NO/NIK'])).toEqual({ nik: 0, name: 1 });
  });

  it('ignores spacing, case and remarks in parentheses', () => {
    expect(matchHeader([' No. ', 'nik (16 digit)', 'Nama\u00a0Peserta ', 'TGL_LAHIR', 'L / P', 'Kab/Kota'])).toEqual({
      rowNo: 0, nik: 1, name: 2, dob: 3, sex: 4, city: 5,
    });
  });

  it('returns null for rows that do not look like a header', () => {
    expect(matchHeader(['DAFTAR PESERTA PBI APBD KOTA SERANG'])).toBeNull();
    expect(matchHeader(['NIK'])).toBeNull(); // a single recognised field
    expect(matchHeader(['RT', 'RW', 'ALAMAT'])).toBeNull(); // no nik, card or name
    expect(matchHeader(['3673014101350001', 'SITI AMINAH', '01-01-1980'])).toBeNull();
  });

  it('maps each field once and each column once', () => {
    expect(matchHeader(['NIK', 'NAMA', 'NIK', 'NO KTP'])).toEqual({ nik: 0, name: 1 });
  });

  it('lets overrides win, by normalized header text', () => {
    expect(matchHeader(['NIK', 'NIK_BARU', 'NAMA'], { nik: 'nik baru' })).toEqual({ nik: 1, name: 2 });
    expect(matchHeader(['NO IDENTITAS', 'NAMA', 'NOMOR JKN'], { nik: 'No_Identitas', card: 'NOMOR JKN' })).toEqual({
      nik: 0, name: 1, card: 2,
    });
  });

  it('rejects an override naming a header that does not exist', () => {
    expect(() => matchHeader(['NIK', 'NAMA'], { card: 'NOMOR JKN' })).toThrow(ListFileError);
    try {
      matchHeader(['NIK', 'NAMA'], { card: 'NOMOR JKN' });
    } catch (e) {
      expect((e as ListFileError).code).toBe('unknown-mapping-column');
    }
    expect(() => matchHeader(['NIK', 'NAMA'], { bogus: 'NIK' } as Partial<Record<ListField, string>>)).toThrow(/unknown field/);
  });

  it('has no synonym shared by two fields once spaces are ignored', () => {
    const seen = new Map<string, string>();
    for (const [field, list] of Object.entries(FIELD_SYNONYMS)) {
      for (const s of list) {
        const key = normalizeHeader(s).replace(/ /g, '');
        expect(seen.get(key) ?? field, `${s} (${field}) vs ${seen.get(key)}`).toBe(field);
        seen.set(key, field);
      }
    }
  });

  it('recognises every listed synonym for its own field', () => {
    for (const [field, list] of Object.entries(FIELD_SYNONYMS)) {
      const other = field === 'name' ? 'NIK' : 'NAMA';
      for (const s of list) expect(matchHeader([s, other])?.[field as ListField], s).toBe(0);
    }
  });
});
