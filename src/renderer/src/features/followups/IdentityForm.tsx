import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import { formatDate, todayIso } from '../../format';
import { isNik } from '../register/subject';

interface Props {
  /** The name the clerk searched for, to start from. */
  initialName: string;
  onSave: (identity: Identity) => Promise<void>;
  onCancel: () => void;
  lang: 'id' | 'en';
}

/** An identity typed by hand: name (required), NIK and birth date when known. */
export function IdentityForm({ initialName, onSave, onCancel, lang }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [nik, setNik] = useState('');
  const [dob, setDob] = useState('');
  const [tried, setTried] = useState(false);
  const nikDigits = nik.replace(/[\s.-]/g, '');
  const nameBad = name.trim() === '';
  const nikBad = nikDigits !== '' && !isNik(nikDigits);
  return (
    <form
      className="identity-form"
      data-testid="identity-form"
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (nameBad || nikBad) return;
        void onSave({ name: name.trim().toUpperCase(), nik: nikDigits || null, dob: dob || null });
      }}
    >
      <label className="field field--wide">
        <span className="field__label">{t('register.name')} *</span>
        <input name="name" className="field__input" value={name} autoFocus maxLength={120} autoComplete="off" aria-invalid={tried && nameBad} onChange={(e) => setName(e.target.value)} />
        {tried && nameBad && <span className="field__error">{t('register.nameRequired')}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('register.nik')}</span>
        <input name="nik" className="field__input field__input--mono" value={nik} inputMode="numeric" maxLength={20} autoComplete="off" aria-invalid={tried && nikBad} onChange={(e) => setNik(e.target.value)} />
        {tried && nikBad && <span className="field__error">{t('register.nikInvalid')}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('register.dob')}</span>
        <input name="dob" className="field__input" type="date" min="1900-01-01" max={todayIso()} value={dob} onChange={(e) => setDob(e.target.value)} />
        <span className="field__note">{dob ? formatDate(dob, lang) : ''}</span>
      </label>
      <div className="identity-form__actions">
        <button type="submit" className="button button--primary">
          {t('followUps.save')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('followUps.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
