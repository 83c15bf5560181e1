import type { Payer, VisitStatus } from '../../shared/counter';
import type { Lang } from '../../shared/i18n/messages';
import { PAYER_NAMES } from '../../shared/payer-names';

/**
 * The words an exported table uses, one catalog per language: an English file has no
 * Indonesian word in it and the other way round (tested in test/unit/counter/export-words.test.ts).
 */
export interface ExportWords {
  register: string[];
  equal: string[];
  recap: string[];
  bridge: string[];
  payer: Record<Payer, string>;
  status: Record<VisitStatus, string>;
  yes: string;
  /** A visit's kind for the Dinas report: the record's first visit here, or a returning one. */
  visitKind: { first: string; returning: string };
  sheet: { register: string; equal: string; recap: string; bridge: string };
  recapGroup: { total: string; emergencies: string; cancelled: string; newVisits: string; returningVisits: string; unit: string; payer: string; hour: string; day: string };
  bridgeOutcome: Record<string, string>;
}

export const EXPORT_WORDS: Record<Lang, ExportWords> = {
  id: {
    register: ['Tanggal', 'No. antrean', 'Unit', 'Gawat darurat', 'No. RM', 'Nama', 'Kunjungan baru/lama', 'Penjamin', 'Status', 'Daftar', 'Dipanggil', 'Selesai', 'Dibatalkan', 'Tunggu (menit)', 'Petugas'],
    equal: ['Unit', 'Penjamin', 'Kunjungan', 'Median tunggu (menit)', 'Persentil 90 tunggu (menit)'],
    recap: ['Kelompok', 'Rincian', 'Kunjungan'],
    bridge: ['Waktu', 'Layanan', 'Endpoint', 'Lama (ms)', 'Hasil', 'Kode meta', 'Ulang'],
    payer: PAYER_NAMES.id,
    status: { waiting: 'Menunggu', called: 'Dipanggil', served: 'Selesai', cancelled: 'Batal' },
    yes: 'Ya',
    visitKind: { first: 'Baru', returning: 'Lama' },
    sheet: { register: 'Register', equal: 'Layanan setara', recap: 'Rekap', bridge: 'Log bridging' },
    recapGroup: { total: 'Jumlah kunjungan', emergencies: 'Gawat darurat', cancelled: 'Batal', newVisits: 'Kunjungan baru', returningVisits: 'Kunjungan lama', unit: 'Per poli', payer: 'Per penjamin', hour: 'Per jam', day: 'Per tanggal' },
    bridgeOutcome: { ok: 'berhasil', 'not-found': 'bukan peserta', offline: 'tidak terhubung', timeout: 'waktu habis', credentials: 'kredensial ditolak', clock: 'jam komputer salah', 'service-down': 'layanan bermasalah', 'bad-response': 'jawaban tak terbaca', 'breaker-open': 'dijeda' },
  },
  en: {
    register: ['Date', 'Queue no.', 'Unit', 'Emergency', 'MRN', 'Name', 'New/returning visit', 'Payer', 'Status', 'Registered', 'Called', 'Served', 'Cancelled at', 'Wait (minutes)', 'Clerk'],
    equal: ['Unit', 'Payer', 'Visits', 'Median wait (minutes)', '90th percentile wait (minutes)'],
    recap: ['Group', 'Item', 'Visits'],
    bridge: ['Time', 'Service', 'Endpoint', 'Duration (ms)', 'Outcome', 'Meta code', 'Retries'],
    payer: PAYER_NAMES.en,
    status: { waiting: 'Waiting', called: 'Called', served: 'Served', cancelled: 'Cancelled' },
    yes: 'Yes',
    visitKind: { first: 'New', returning: 'Returning' },
    sheet: { register: 'Register', equal: 'Equal service', recap: 'Recap', bridge: 'Bridge log' },
    recapGroup: { total: 'Total visits', emergencies: 'Emergencies', cancelled: 'Cancelled', newVisits: 'New visits', returningVisits: 'Returning visits', unit: 'By unit', payer: 'By payer', hour: 'By hour', day: 'By date' },
    bridgeOutcome: { ok: 'answered', 'not-found': 'not a member', offline: 'offline', timeout: 'timed out', credentials: 'credentials refused', clock: 'clock off', 'service-down': 'service down', 'bad-response': 'unreadable answer', 'breaker-open': 'paused' },
  },
};
