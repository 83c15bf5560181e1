import type { Lang } from './messages';

/**
 * The words of a patient correction's audit entry ("data pasien diubah: nama: … → …"), shared by
 * the audit screen and the core's export of the trail (audit-wording.ts), and spread into the
 * renderer's patientEdit and sex catalogs so the screens use the same words.
 */
export const PATIENT_EDIT_WORDS = {
  id: {
    fields: { name: 'nama', nik: 'NIK', card: 'no. kartu', dob: 'tanggal lahir', sex: 'jenis kelamin', address: 'alamat', oldMrn: 'RM lama' },
    audit: 'data pasien diubah: {{changes}}',
    auditChange: '{{field}}: {{before}} → {{after}}',
    auditIdentity: 'identitas pasien gawat darurat dilengkapi: {{changes}}',
    auditJoined: 'kunjungan dipindah dari catatan sementara RM {{mrn}} ke catatan pasien yang sudah ada',
    auditLateEdit: 'dari hub: perubahan pada RM {{merged}} (sudah digabung ke RM ini) dibawa ke RM ini: {{fields}}',
    auditLateEditKept: 'tidak dibawa (isi sendiri dengan F3 bila benar): {{fields}}',
  },
  en: {
    fields: { name: 'name', nik: 'NIK', card: 'card no.', dob: 'birth date', sex: 'sex', address: 'address', oldMrn: 'old MRN' },
    audit: 'patient data changed: {{changes}}',
    auditChange: '{{field}}: {{before}} → {{after}}',
    auditIdentity: 'emergency patient identified: {{changes}}',
    auditJoined: 'visit moved from the temporary record MRN {{mrn}} onto the existing patient record',
    auditLateEdit: 'from the hub: a change to MRN {{merged}} (already merged into this MRN) carried to this MRN: {{fields}}',
    auditLateEditKept: 'not carried (enter with F3 if right): {{fields}}',
  },
} as const satisfies Record<Lang, unknown>;

/** The sexes by name (L, P), as every screen writes them. */
export const SEX_NAMES = {
  id: { L: 'Laki-laki', P: 'Perempuan' },
  en: { L: 'Male', P: 'Female' },
} as const satisfies Record<Lang, unknown>;
