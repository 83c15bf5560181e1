import type { UiMessages } from './messages-id';

/** English text of Settings › Merge records; the keys mirror messages-id-merge.ts. */
export const mergeEn: Pick<UiMessages, 'merge'> = {
  merge: {
    tab: 'Merge records',
    title: 'Merge two records of one person',
    lead: 'When one patient has two MRNs (a misspelt name, a record made without the NIK), merge the duplicate into the MRN that stays: its visits move, the duplicate MRN leaves the searches, and looking it up finds the MRN that stays. A NIK or card the MRN that stays lacks is taken; nothing is overwritten. Cannot be undone; recorded in the audit trail.',
    survivorMrn: 'MRN that stays',
    survivorHint: 'Usually the MRN whose paper file is used.',
    mergedMrn: 'Duplicate MRN (merged)',
    mergedHint: 'This MRN is no longer used.',
    check: 'Check',
    failed: 'Cannot be merged',
    confirmTitle: 'Merge two medical records?',
    confirmMessage: 'The visits of MRN {{merged}} move to MRN {{survivor}}, and MRN {{merged}} is no longer used. Check: are both the same person?',
    confirm: 'Merge',
    cancel: 'Cancel',
    keys: 'Enter or Esc: cancel · → then Enter: merge',
    survivorColumn: 'Stays',
    mergedColumn: 'Merged',
    takes: '{{value}} (taken)',
    oldMrnAlias: '{{value}} (still finds MRN {{survivor}})',
    row: { mrn: 'MRN', oldMrn: 'Old MRN (paper)', name: 'Name', dob: 'Date of birth', sex: 'Sex', nik: 'NIK', card: 'JKN card no.', address: 'Address', visits: 'Visits', lastVisit: 'Last visit' },
    sex: { L: 'Male', P: 'Female' },
    done_one: 'MRN {{merged}} merged into MRN {{survivor}}: {{count}} visit moved. Write MRN {{survivor}} on the paper file of MRN {{merged}}.',
    done_other: 'MRN {{merged}} merged into MRN {{survivor}}: {{count}} visits moved. Write MRN {{survivor}} on the paper file of MRN {{merged}}.',
  },
};
