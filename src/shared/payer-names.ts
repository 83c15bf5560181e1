import type { Payer } from './counter';
import type { Lang } from './i18n/messages';

/** What each payer is called, in each language: on the counter's screens and in every export alike. */
export const PAYER_NAMES: Readonly<Record<Lang, Readonly<Record<Payer, string>>>> = {
  id: {
    jkn: 'JKN',
    jamkesda: 'Jamkesda / PBI daerah',
    umum: 'Umum',
    'jasa-raharja': 'Jasa Raharja',
    'bpjs-tk': 'BPJS Ketenagakerjaan',
    insurance: 'Asuransi lain',
    pending: 'Penjamin menyusul',
  },
  en: {
    jkn: 'JKN',
    jamkesda: 'Jamkesda / regional PBI',
    umum: 'Self-pay',
    'jasa-raharja': 'Jasa Raharja (traffic accident)',
    'bpjs-tk': 'BPJS Employment (work accident)',
    insurance: 'Other insurance',
    pending: 'Payer pending',
  },
};
