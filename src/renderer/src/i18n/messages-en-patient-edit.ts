import { PATIENT_EDIT_WORDS } from '../../../shared/i18n/patient-edit-words';
import type { UiMessages } from './messages-id';

/** English text of the patient correction (Edit patient data, F3); the keys mirror messages-id-patient-edit.ts. */
export const patientEditEn: Pick<UiMessages, 'patientEdit'> = {
  patientEdit: {
    action: 'Edit patient data',
    title: 'Edit patient data: MRN {{mrn}}',
    detail: 'Correct a typo as on the KTP or JKN card. The MRN does not change. Esc: cancel, nothing is changed.',
    card: 'JKN card no. (13 digits)',
    cardInvalid: 'The card number must be 13 digits (leading zeros may be left out), or leave it empty.',
    save: 'Save changes',
    saved: 'Patient data of MRN {{mrn}} changed: {{fields}}.',
    savedReprint: 'Patient data of MRN {{mrn}} changed: {{fields}}. The slip already printed shows the old data: reprint it with F4.',
    oldMrnAlsoOn: 'Note: old MRN {{oldMrn}} is also on {{holders}}. Check the card; if it was misread, correct it with F3.',
    unchanged: 'Nothing was changed on MRN {{mrn}}.',
    failed: 'Patient data not changed',
    unidentified: 'An emergency patient without identity: complete the identity in Follow-ups (Alt+3, then I).',
    whyNot: {
      notRegistered: '{{name}} has no medical record here yet, so there is no data to correct. Register first (Enter); once the number shows, F3 corrects the data.',
      notRegisteredNoName: 'This patient has no medical record here yet, so there is no data to correct. The data is entered when registering (Enter); once the number shows, F3 corrects it.',
      pickFirst: 'Pick the patient first (↓), then press F3.',
      nobody: 'No patient on screen yet. Search for the patient first, then press F3 to correct the data.',
    },
    ...PATIENT_EDIT_WORDS.en,
  },
};
