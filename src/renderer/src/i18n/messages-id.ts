/**
 * Indonesian UI text (the default language). Every string a component shows comes from here or
 * from messages-en.ts; the English catalog must have the same keys (checked by its type).
 */
export const uiId = {
  app: {
    name: 'Loket',
    tagline: 'Pendaftaran pasien',
    noBridge: 'Aplikasi tidak terhubung ke inti Loket. Tutup lalu buka kembali aplikasi, atau hubungi petugas IT.',
  },
  language: {
    label: 'Bahasa',
    id: 'ID',
    en: 'EN',
    idName: 'Bahasa Indonesia',
    enName: 'English',
  },
  lists: {
    loading: 'Memuat daftar peserta…',
    none: 'Belum ada daftar peserta di komputer ini. Impor daftar terlebih dahulu.',
    count_one: '{{count}} daftar peserta',
    count_other: '{{count}} daftar peserta',
    members_one: '{{count, number}} peserta',
    members_other: '{{count, number}} peserta',
    stale_one: '{{count}} daftar sudah lama',
    stale_other: '{{count}} daftar sudah lama',
    failed: 'Daftar peserta tidak dapat dimuat: {{message}}',
    listItem: '{{name}} (per {{date}})',
  },
  lookup: {
    searchLabel: 'NIK, nomor kartu, atau nama pasien',
    searchPlaceholder: 'Ketik atau pindai, lalu tekan Enter',
    dobLabel: 'Tanggal lahir',
    dobHint: 'Pilihan, untuk cari nama',
    search: 'Cari',
    clear: 'Bersihkan',
    keys: 'Enter: cari · Esc: bersihkan · ↓: pilih kandidat',
    searching: 'Mencari…',
    idle: 'Ketik NIK (16 digit), nomor kartu (13 digit) atau nama pasien. Untuk nama, isi juga tanggal lahir.',
    errorTitle: 'Pencarian gagal',
    problemTitle: 'Periksa nomor yang diketik',
    resultsLabel: 'Hasil pencarian',
  },
  verdict: {
    eligible: 'Terdaftar aktif',
    eligibleDetail: 'Peserta JKN aktif',
    notEligible: 'Tidak aktif',
    reasonUnknown: 'Alasan tidak tercantum di daftar',
    unknown: 'Tidak ditemukan di daftar',
    unknownDetail_one: 'Tidak ada di {{count}} daftar peserta yang tersimpan.',
    unknownDetail_other: 'Tidak ada di {{count}} daftar peserta yang tersimpan.',
    unknownNoLists: 'Belum ada daftar peserta yang tersimpan untuk dicari.',
    stillServe: 'Tetap layani pasien; penjamin dapat diurus kemudian.',
    pbiHint: 'Peserta PBI yang tidak aktif dapat diaktifkan kembali melalui Dinas Sosial.',
    candidates_one: '{{count}} kandidat: pilih pasien yang sesuai',
    candidates_other: '{{count}} kandidat: pilih pasien yang sesuai',
    candidatesDetail: 'Cocokkan nama, tanggal lahir dan alamat dengan KTP atau kartu pasien. Loket tidak memilih sendiri.',
    pickedBy: 'Dipilih petugas: {{name}}',
    from: 'Daftar: {{lists}}',
    staleWarning: 'Daftar {{list}} sudah lama (per {{date}}); status peserta mungkin sudah berubah.',
  },
  matches: {
    name: 'Nama',
    ids: 'NIK / No. kartu',
    nik: 'NIK',
    card: 'No. kartu',
    cardShort: 'Kartu',
    dob: 'Tgl lahir',
    address: 'Alamat',
    list: 'Daftar',
    status: 'Status',
    confidence: 'Kecocokan',
    pick: 'Pilih',
    picked: 'Dipilih',
    pickName: 'Pilih {{name}}',
    none: '–',
    age: '{{years}} th',
    asOf: 'per {{date}}',
    stale: 'Lama',
    staleTitle: 'Daftar ini lebih tua dari batas yang ditetapkan; minta edisi terbaru.',
    active: 'Aktif',
    inactive: 'Tidak aktif',
  },
  sex: {
    L: 'Laki-laki',
    P: 'Perempuan',
  },
  confidence: {
    exact: 'Pasti',
    probable: 'Kemungkinan besar',
    possible: 'Mungkin',
  },
  flags: {
    'damaged-nik': 'NIK di daftar rusak (digit terakhir hilang di Excel)',
    'nik-dob-mismatch': 'Tanggal lahir tidak sesuai NIK',
    'nik-sex-mismatch': 'Jenis kelamin tidak sesuai NIK',
    'duplicate-in-list': 'Tercatat lebih dari sekali di daftar',
    'card-zeros-restored': 'Nol di depan nomor kartu dipulihkan',
  },
  listKind: {
    'pbi-apbn': 'PBI APBN',
    'pbi-apbd': 'PBI APBD',
    jamkesda: 'Jamkesda',
    bpjs: 'BPJS',
    other: 'Lainnya',
    'bpjs-live': 'BPJS (online)',
  },
};

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };
/**
 * The shape every UI catalog has. Indonesian has no grammatical plural (Intl.PluralRules('id')
 * only yields 'other'), but it keeps the '_one' forms so both catalogs share one shape.
 */
export type UiMessages = Catalog<typeof uiId>;
