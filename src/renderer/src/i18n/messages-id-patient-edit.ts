import { PATIENT_EDIT_WORDS } from '../../../shared/i18n/patient-edit-words';
/** Indonesian text of the patient correction (Ubah data pasien, F3). Part of uiId. */
export const patientEditId = {
  patientEdit: {
    action: 'Ubah data pasien',
    title: 'Ubah data pasien: RM {{mrn}}',
    detail: 'Perbaiki salah ketik sesuai KTP atau kartu JKN. No. RM tidak berubah. Esc: batal, tidak ada yang diubah.',
    card: 'No. kartu JKN (13 digit)',
    cardInvalid: 'Nomor kartu harus 13 digit angka (nol di depan boleh tidak diketik), atau kosongkan.',
    save: 'Simpan perubahan',
    saved: 'Data pasien RM {{mrn}} diubah: {{fields}}.',
    savedReprint: 'Data pasien RM {{mrn}} diubah: {{fields}}. Slip yang sudah dicetak masih memuat data lama: cetak ulang dengan F4.',
    oldMrnAlsoOn: 'Perhatian: RM lama {{oldMrn}} juga tercatat pada {{holders}}. Periksa kartunya; bila salah baca, perbaiki dengan F3.',
    unchanged: 'Tidak ada yang diubah pada RM {{mrn}}.',
    failed: 'Data pasien belum diubah',
    unidentified: 'Pasien gawat darurat tanpa identitas: lengkapi identitasnya di Tindak lanjut (Alt+3, lalu I).',
    whyNot: {
      notRegistered: '{{name}} belum punya rekam medis di sini, jadi belum ada data untuk diubah. Daftarkan dulu (Enter); sesudah nomornya keluar, F3 mengubah datanya.',
      notRegisteredNoName: 'Pasien ini belum punya rekam medis di sini, jadi belum ada data untuk diubah. Datanya diisi saat didaftarkan (Enter); sesudah nomornya keluar, F3 mengubahnya.',
      pickFirst: 'Pilih pasiennya dulu (↓), lalu tekan F3.',
      nobody: 'Belum ada pasien di layar. Cari pasiennya dulu, lalu tekan F3 untuk mengubah datanya.',
    },
    ...PATIENT_EDIT_WORDS.id,
  },
};
