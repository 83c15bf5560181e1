import type { Catalog } from './catalog';
import type { Lang } from './messages';

/**
 * Names that the screens use and that files the core writes must use as well (the audit
 * trail's export): settings fields, BPJS fields, verdicts, list kinds, roles and queue statuses.
 * Like PAYER_NAMES, one source in each language: the renderer's catalogs take them from here,
 * and so does the audit's wording (audit-detail.ts), on screen and in the export alike.
 */
const namesId = {
  /** The settings screen's field labels. */
  settingsFields: {
    facilityName: 'Nama fasilitas',
    facilityCode: 'Kode fasilitas',
    facilityAddress: 'Alamat',
    timeZone: 'Zona waktu',
    units: 'Poli / unit layanan',
    emergencyUnit: 'Unit gawat darurat',
    counterPrefix: 'Awalan loket',
    emergencyPrefix: 'Awalan nomor gawat darurat',
    mrnFormat: 'Format No. RM',
    mrnStart: 'Nomor urut RM pertama',
    followUpHours: 'Batas tindak lanjut gawat darurat (jam)',
    staleAfterDays: 'Daftar peserta dianggap lama setelah (hari)',
    paper: 'Kertas slip',
    printerName: 'Nama printer',
    autoLockMinutes: 'Kunci layar setelah (menit tanpa dipakai; 0 = tidak pernah)',
  },
  /** The BPJS form's labels of the fields that are not secrets. */
  bpjsFields: {
    use: 'Layanan yang dipakai loket',
    timeoutSeconds: 'Batas waktu per panggilan (detik)',
    slowSeconds: 'Dianggap lambat setelah (detik)',
    probeSeconds: 'Periksa koneksi setiap (detik)',
  },
  verdicts: {
    eligible: 'Terdaftar aktif',
    notEligible: 'Tidak aktif',
    unknown: 'Tidak ditemukan di daftar',
  },
  listKinds: {
    'pbi-apbn': 'PBI APBN',
    'pbi-apbd': 'PBI APBD',
    jamkesda: 'Jamkesda',
    bpjs: 'BPJS',
    other: 'Lainnya',
    'bpjs-live': 'BPJS (langsung)',
  },
  roles: {
    admin: 'Administrator',
    clerk: 'Petugas loket',
    'data-officer': 'Petugas data',
  },
  visitStatuses: {
    waiting: 'Menunggu',
    called: 'Dipanggil',
    served: 'Selesai',
    cancelled: 'Batal',
  },
};

export type SharedNames = Catalog<typeof namesId>;

const namesEn: SharedNames = {
  settingsFields: {
    facilityName: 'Facility name',
    facilityCode: 'Facility code',
    facilityAddress: 'Address',
    timeZone: 'Time zone',
    units: 'Service units',
    emergencyUnit: 'Emergency unit',
    counterPrefix: 'Counter prefix',
    emergencyPrefix: 'Emergency number prefix',
    mrnFormat: 'MRN format',
    mrnStart: 'First MRN sequence number',
    followUpHours: 'Emergency follow-up deadline (hours)',
    staleAfterDays: 'A member list is old after (days)',
    paper: 'Slip paper',
    printerName: 'Printer name',
    autoLockMinutes: 'Lock the screen after (minutes without use; 0 = never)',
  },
  bpjsFields: {
    use: 'Service this counter uses',
    timeoutSeconds: 'Time limit per call (seconds)',
    slowSeconds: 'Counted as slow after (seconds)',
    probeSeconds: 'Check the connection every (seconds)',
  },
  verdicts: {
    eligible: 'Active member',
    notEligible: 'Not active',
    unknown: 'Not found in the lists',
  },
  listKinds: {
    'pbi-apbn': 'PBI APBN',
    'pbi-apbd': 'PBI APBD',
    jamkesda: 'Jamkesda',
    bpjs: 'BPJS',
    other: 'Other',
    'bpjs-live': 'BPJS (live)',
  },
  roles: {
    admin: 'Administrator',
    clerk: 'Counter clerk',
    'data-officer': 'Data officer',
  },
  visitStatuses: {
    waiting: 'Waiting',
    called: 'Called',
    served: 'Done',
    cancelled: 'Cancelled',
  },
};

export const SHARED_NAMES: Readonly<Record<Lang, SharedNames>> = { id: namesId, en: namesEn };
