import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../format';
import { checkNik, dobTyped, fillFromNik, initialBirthFields, nikBirthDate, nikWarnings, sexAgainstNik, sexChosen } from './new-patient-logic';
import { isNik } from './subject';
import { stripSeparators } from '../../../../shared/separators';
import './new-patient.css';

interface Props {
  draft: Identity;
  /** The field to start in: the name, or the NIK when the clerk came back to correct it. */
  focus?: 'name' | 'nik';
  busy: boolean;
  onSubmit: (identity: Identity) => void;
  onCancel: () => void;
}

/** A patient the lists do not know: only the name is required (a baby, a visitor has no NIK). */
export function NewPatientForm({ draft, focus = 'name', busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const today = todayIso();
  const [name, setName] = useState(draft.name);
  const [nik, setNik] = useState(draft.nik ?? '');
  const [birth, setBirth] = useState(() => initialBirthFields(draft, today));
  const [address, setAddress] = useState(draft.address ?? '');
  const [tried, setTried] = useState(false);

  const nameBad = name.trim() === '';
  const nikDigits = stripSeparators(nik);
  const nikBad = nikDigits !== '' && !isNik(nikDigits);
  const nikCheck = checkNik(nikDigits, today);
  const nikNotes = nikWarnings(nikCheck);
  const sexNik = sexAgainstNik(birth.sex, nikCheck);
  const { dob, sex } = birth;

  return (
    <form
      className="new-patient"
      data-testid="new-patient-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (nameBad || nikBad || birth.dobError !== null || busy) return;
        onSubmit({
          name: name.trim().toUpperCase(),
          nik: nikDigits || null,
          card: draft.card ?? null,
          dob: dob || null,
          sex: sex || null,
          address: address.trim() || null,
        });
      }}
    >
      <h2 className="register__title">{t('register.formTitle')}</h2>
      <p className="register__detail">{t('register.formDetail')}</p>
      <div className="new-patient__grid">
        <label className="field field--wide">
          <span className="field__label">{t('register.name')} *</span>
          <input
            id={`${id}-name`}
            name="name"
            className="field__input field__input--big"
            value={name}
            maxLength={120}
            autoFocus={focus === 'name'}
            autoComplete="off"
            aria-invalid={tried && nameBad}
            onChange={(e) => setName(e.target.value)}
          />
          {tried && nameBad && <span className="field__error">{t('register.nameRequired')}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('register.nik')}</span>
          <input
            name="nik"
            data-scan="field"
            className="field__input field__input--mono"
            value={nik}
            inputMode="numeric"
            maxLength={20}
            autoFocus={focus === 'nik'}
            autoComplete="off"
            aria-invalid={tried && nikBad}
            onChange={(e) => {
              const next = e.target.value;
              setNik(next);
              setBirth((b) => fillFromNik(b, checkNik(next, today)));
            }}
          />
          {tried && nikBad && <span className="field__error">{t('register.nikInvalid')}</span>}
          {/* Flagged, never refused: a NIK is copied from the card as it is, never corrected. */}
          {nikNotes.map((w) => (
            <span key={w.kind} className="field__warn" data-testid="nik-warning" data-warning={w.kind}>
              {w.kind === 'province' ? t('register.nikProvince', { code: w.code }) : w.kind === 'date' ? t('register.nikDate') : t('register.nikSerial')}
            </span>
          ))}
        </label>
        <label className="field">
          <span className="field__label">{t('register.dob')}</span>
          <DateField
            name="dob"
            className="field__input"
            kind="birth"
            value={dob}
            nikBirthDate={nikBirthDate(nikCheck)}
            noteClassName="field__note"
            noteTestId="dob-note"
            emptyHint=""
            invalid={tried}
            today={today}
            onChange={(iso, error) => setBirth((b) => dobTyped(b, iso, error))}
          />
          {birth.dobOwner === 'nik' && <span className="field__note field__note--source">{t('register.nikFilled')}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('register.sex')}</span>
          <select name="sex" className="field__input" value={sex} onChange={(e) => setBirth((b) => sexChosen(b, e.target.value as '' | 'L' | 'P'))}>
            <option value="">{t('register.sexNone')}</option>
            <option value="L">{t('sex.L')}</option>
            <option value="P">{t('sex.P')}</option>
          </select>
          {sexNik !== null && (
            <span className="field__warn" data-testid="sex-warning">
              {t('register.sexNik', { sex: t(`sex.${sexNik}`) })}
            </span>
          )}
          {birth.sexOwner === 'nik' && <span className="field__note field__note--source">{t('register.nikFilled')}</span>}
        </label>
        <label className="field field--wide">
          <span className="field__label">{t('register.address')}</span>
          <input name="address" className="field__input" value={address} maxLength={200} autoComplete="off" onChange={(e) => setAddress(e.target.value)} />
        </label>
      </div>
      <div className="register__actions">
        <button type="submit" className="button button--primary" aria-busy={busy}>
          {t('register.continue')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
          {t('register.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
