import type { UiMessages } from './messages-id';

/** English text of Settings › Merge records; the keys mirror messages-id-merge.ts. */
export const mergeEn: Pick<UiMessages, 'merge'> = {
  merge: {
    tab: 'Merge records',
    title: 'Merge two records of one person',
    lead: 'When one patient has two RMs (a misspelt name, a record made without the NIK), merge the duplicate into the RM that stays: its visits move, the duplicate RM leaves the searches, and looking it up finds the RM that stays. A NIK or card the RM that stays lacks is taken; nothing is overwritten. Cannot be undone; recorded in the audit trail.',
    survivorMrn: 'RM that stays',
    survivorHint: 'Usually the RM whose paper file is used.',
    mergedMrn: 'Duplicate RM (merged)',
    mergedHint: 'This RM is no longer used.',
    check: 'Check',
    failed: 'Cannot be merged',
    confirmTitle: 'Merge two medical records?',
    confirmMessage: 'The visits of RM {{merged}} move to RM {{survivor}}, and RM {{merged}} is no longer used. Check: are both the same person?',
    confirm: 'Merge',
    cancel: 'Cancel',
    keys: 'Enter or Esc: cancel · → then Enter: merge',
    survivorColumn: 'Stays',
    mergedColumn: 'Merged',
    takes: '{{value}} (taken)',
    oldMrnAlias: '{{value}} (still finds RM {{survivor}})',
    row: { mrn: 'RM', oldMrn: 'Old record no. (paper)', name: 'Name', dob: 'Date of birth', sex: 'Sex', nik: 'NIK', card: 'JKN card no.', address: 'Address', visits: 'Visits', lastVisit: 'Last visit' },
    sex: { L: 'Male', P: 'Female' },
    done: 'RM {{merged}} merged into RM {{survivor}}: {{visits}} visit(s) moved. Write RM {{survivor}} on the paper file of RM {{merged}}.',
  },
};
