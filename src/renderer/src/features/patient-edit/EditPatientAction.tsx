import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/counter';
import type { EditNotice, EditWhyNot } from './patient-edit-flow';
import './patient-edit.css';

interface ActionProps {
  /** The record F3 would correct; null: none on screen. */
  editable: Patient | null;
  /** A record on screen that has no identity yet (corrected in the follow-ups instead). */
  unidentified: Patient | null;
  onEdit: (patient: Patient) => void;
}

/** "Ubah data pasien (F3)" where a record of this facility is on screen; for an emergency without identity, where to go instead. */
export function EditPatientAction({ editable, unidentified, onEdit }: ActionProps) {
  const { t } = useTranslation();
  if (!editable && !unidentified) return null;
  return (
    <div className="patient-edit-action">
      {editable && (
        <button type="button" className="button" data-testid="edit-patient" onClick={() => onEdit(editable)}>
          {t('patientEdit.action')} <kbd>F3</kbd>
        </button>
      )}
      {!editable && unidentified && (
        <p className="patient-edit-action__note" data-testid="edit-patient-unidentified">
          {t('patientEdit.unidentified')}
        </p>
      )}
    </div>
  );
}

/** "Data pasien RM 000017 diubah: nama." while that record is still on screen; worded now, in the screen's language. */
export function EditNoticeLine({ notice, shownPatientId }: { notice: EditNotice | null; shownPatientId: number | null }) {
  const { t } = useTranslation();
  if (!notice || notice.patientId !== shownPatientId) return null;
  const fields = notice.fields.map((f) => t(`patientEdit.fields.${f}`)).join(', ');
  return (
    <p className="patient-edit-notice" role="status" data-testid="edit-notice">
      {notice.fields.length === 0 ? t('patientEdit.unchanged', { mrn: notice.mrn }) : t(notice.reprint ? 'patientEdit.savedReprint' : 'patientEdit.saved', { mrn: notice.mrn, fields })}
      {notice.oldMrnAlsoOn && notice.oldMrnAlsoOn.length > 0 && (
        <span className="patient-edit-notice__warning" data-testid="old-mrn-also-on">
          {' '}
          {t('patientEdit.oldMrnAlsoOn', { oldMrn: notice.oldMrn ?? '', holders: notice.oldMrnAlsoOn.map((h) => t('register.mrnHolder', { name: h.name, mrn: h.mrn })).join(', ') })}
        </span>
      )}
    </p>
  );
}

/** Why F3 corrected nothing ("YANI BUDI belum punya rekam medis di sini…"), worded now, in the screen's language. */
export function EditWhyNotLine({ whyNot }: { whyNot: EditWhyNot | null }) {
  const { t } = useTranslation();
  if (!whyNot) return null;
  const text =
    whyNot.reason === 'not-registered'
      ? whyNot.name
        ? t('patientEdit.whyNot.notRegistered', { name: whyNot.name })
        : t('patientEdit.whyNot.notRegisteredNoName')
      : t(`patientEdit.whyNot.${whyNot.reason === 'pick-first' ? 'pickFirst' : 'nobody'}`);
  return (
    <p className="patient-edit-why-not" role="status" data-testid="edit-why-not" data-reason={whyNot.reason}>
      {text}
    </p>
  );
}
