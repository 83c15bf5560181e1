import { describe, expect, it } from 'vitest';
import { BpjsShapeError, mapPCarePeserta, mapVClaimPeserta } from '../../../src/core/bpjs/map-member';

const peserta = {
  noKartu: '0001234567890',
  nik: '3673014501900001',
  nama: 'SITI AMINAH',
  sex: 'P',
  tglLahir: '1990-01-05',
  tglTAT: '2099-12-31',
  statusPeserta: { kode: '0', keterangan: 'AKTIF' },
  provUmum: { kdProvider: '0115P001', nmProvider: 'PUSKESMAS SERANG KOTA' },
  jenisPeserta: { kode: '22', keterangan: 'PBI (APBD)' },
  hakKelas: { kode: '3', keterangan: 'KELAS III' },
};

describe('VClaim peserta', () => {
  it('maps the documented fields', () => {
    expect(mapVClaimPeserta({ peserta })).toEqual({
      nik: '3673014501900001',
      card: '0001234567890',
      name: 'SITI AMINAH',
      dob: '1990-01-05',
      sex: 'P',
      status: 'active',
      statusReason: null,
      segment: 'PBI (APBD)',
      class: 'KELAS III',
      facility: 'PUSKESMAS SERANG KOTA',
      validUntil: '2099-12-31',
    });
  });

  it('numeric codes and known inactive codes', () => {
    const m = mapVClaimPeserta({ peserta: { ...peserta, statusPeserta: { kode: 9, keterangan: 'NON AKTIF KARENA PREMI' } } });
    expect(m.status).toBe('inactive');
    expect(m.statusReason).toBe('premium');
  });

  it('an unknown status code is shown verbatim and not active', () => {
    const m = mapVClaimPeserta({ peserta: { ...peserta, statusPeserta: { kode: '42', keterangan: 'SESUATU BARU' } } });
    expect(m.status).toBe('inactive');
    expect(m.statusReason).toContain('42 (SESUATU BARU)');
  });

  it('missing fields become null; a response without peserta is a shape error', () => {
    const m = mapVClaimPeserta({ peserta: { noKartu: '123', nama: 'X' } });
    expect(m).toMatchObject({ card: null, nik: null, dob: null, sex: null, segment: null, status: 'inactive' });
    expect(() => mapVClaimPeserta({})).toThrow(BpjsShapeError);
    expect(() => mapVClaimPeserta('text')).toThrow(BpjsShapeError);
  });
});

describe('PCare peserta', () => {
  const pcare = {
    noKartu: '0001234567890',
    nama: 'BUDI',
    sex: 'L',
    tglLahir: '17-08-1985',
    tglAkhirBerlaku: '31-12-2026',
    kdProviderPst: { kdProvider: '0115P001', nmProvider: 'PUSKESMAS CIPOCOK JAYA' },
    jnsKelas: { kode: '3', nama: 'KELAS III' },
    jnsPeserta: { kode: '14', nama: 'PEKERJA MANDIRI' },
    noKTP: '3673011708850003',
    aktif: false,
    ketAktif: 'TIDAK AKTIF (PREMI)',
  };

  it('maps dd-MM-yyyy dates, aktif and ketAktif', () => {
    expect(mapPCarePeserta(pcare)).toEqual({
      nik: '3673011708850003',
      card: '0001234567890',
      name: 'BUDI',
      dob: '1985-08-17',
      sex: 'L',
      status: 'inactive',
      statusReason: 'TIDAK AKTIF (PREMI)',
      segment: 'PEKERJA MANDIRI',
      class: 'KELAS III',
      facility: 'PUSKESMAS CIPOCOK JAYA',
      validUntil: '2026-12-31',
    });
    expect(mapPCarePeserta({ ...pcare, aktif: true }).status).toBe('active');
    expect(mapPCarePeserta({ ...pcare, aktif: true }).statusReason).toBeNull();
  });

  it('not a member is a shape error', () => {
    expect(() => mapPCarePeserta(null)).toThrow(BpjsShapeError);
    expect(() => mapPCarePeserta({ list: [] })).toThrow(BpjsShapeError);
  });
});
