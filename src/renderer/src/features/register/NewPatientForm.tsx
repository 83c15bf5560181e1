import { useId, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import { DateField } from '../../components/DateField';
import { useFacilityToday } from '../../hooks/use-facility-today';
import { checkNik, dobTyped, fillFromNik, initialBirthFields, nikBirthDate, nikWarnings, sexAgainstNik, sexChosen } from './new-patient-logic';
import { isNik } from './subject';
import { stripSeparators } from '../../../../shared/separators';
import { parseCard } from '../../../../shared/card';
import { hasLetter } from '../../../../shared/text-schemas';
import type { PatientField } from '../../../../shared/patient-changes';
import { OLD_MRN_MAX } from '../../../../shared/old-mrn';
import type { TypedForm } from './typed-person';
import './new-patient.css';

interface Props {
  draft: Identity;
  /** The field to start in: the name, or the NIK when the clerk came back to correct it. */
  focus?: 'name' | 'nik';
  busy: boolean;
  onSubmit: (identity: Identity) => void;
  onCancel: () => void;
  /** Heading, lead, submit label and test id: a new patient's by default; a correction (features/patient-edit) has its own. */
  title?: string;
  detail?: string;
  submitLabel?: string;
  testId?: string;
  /** The card number as a field of its own (a correction); a new patient's card comes from the look-up. */
  withCard?: boolean;
  /** The core's refusal of a field in words (a NIK another record holds), shown under that field. */
  fieldErrors?: Partial<Record<PatientField, string>>;
  /** Hears the fields as typed, at every change (the registration's emergency target, F9). */
  onTyped?: (typed: TypedForm) => void;
}

/** A patient the lists do not know: only the name is required (a baby, a visitor has no NIK). */
export function NewPatientForm({ draft, focus = 'name', busy, onSubmit, onCancel, title, detail, submitLabel, testId = 'new-patient-form', withCard = false, fieldErrors = {}, onTyped }: Props) {
  const { t } = useTranslation();
  const id = useId();
  // The facility's day: a birth date of today there is no future date, whatever the PC's zone.
  const today = useFacilityToday();
  const [name, setName] = useState(draft.name);
  const [nik, setNik] = useState(draft.nik ?? '');
  const [birth, setBirth] = useState(() => initialBirthFields(draft, today));
  const [address, setAddress] = useState(draft.address ?? '');
  const [card, setCard] = useState(draft.card ?? '');
  const [oldMrn, setOldMrn] = useState(draft.oldMrn ?? '');
  const [tried, setTried] = useState(false);

  const nameEmpty = name.trim() === '';
  // "1" typed by habit (the unit key after a NIK on no list) is no name: refused here as the core would.
  const nameBad = nameEmpty || !hasLetter(name);
  const nikDigits = stripSeparators(nik);
  const nikBad = nikDigits !== '' && !isNik(nikDigits);
  const nikCheck = checkNik(nikDigits, today);
  const nikNotes = nikWarnings(nikCheck);
  const sexNik = sexAgainstNik(birth.sex, nikCheck);
  const { dob, sex } = birth;
  // A card typed without its leading zeros is padded, as in the search field.
  const cardParse = withCard && card.trim() !== '' ? parseCard(card) : null;
  const cardBad = cardParse !== null && !cardParse.ok;
  const draftCard = draft.card ?? null;
  // In the commit of the key itself (a layout effect): an F9 pressed right after the last letter
  // already finds the name typed.
  useLayoutEffect(
    () => onTyped?.({ name, nik, dob, dobValid: birth.dobError === null, sex, address, card: draftCard, oldMrn }),
    [onTyped, name, nik, dob, birth.dobError, sex, address, draftCard, oldMrn],
  );

  return (
    <form
      className="new-patient"
      data-testid={testId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (nameBad || nikBad || cardBad || birth.dobError !== null || busy) return;
        onSubmit({
          name: name.trim().toUpperCase(),
          nik: nikDigits || null,
          card: withCard ? (cardParse?.ok ? cardParse.card : null) : (draft.card ?? null),
          dob: dob || null,
          sex: sex || null,
          address: address.trim() || null,
          oldMrn: oldMrn.trim().toUpperCase() || null,
        });
      }}
    >
      <h2 className="register__title">{title ?? t('register.formTitle')}</h2>
      <p className="register__detail">{detail ?? t('register.formDetail')}</p>
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
            aria-invalid={(tried && nameBad) || fieldErrors.name !== undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {tried && nameBad && <span className="field__error" data-testid="name-error">{t(nameEmpty ? 'register.nameRequired' : 'register.nameNoLetters')}</span>}
          {fieldErrors.name && <span className="field__error">{fieldErrors.name}</span>}
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
            aria-invalid={(tried && nikBad) || fieldErrors.nik !== undefined}
            onChange={(e) => {
              const next = e.target.value;
              setNik(next);
              setBirth((b) => fillFromNik(b, checkNik(next, today)));
            }}
          />
          {tried && nikBad && <span className="field__error">{t('register.nikInvalid')}</span>}
          {fieldErrors.nik && (
            <span className="field__error" data-testid="nik-error">
              {fieldErrors.nik}
            </span>
          )}
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
            // Esc leaves the whole form (asking first when something was typed: register-flow.ts), never clears the date alone.
            keepOnEscape
            onChange={(iso, error) => setBirth((b) => dobTyped(b, iso, error))}
          />
          {birth.dobOwner === 'nik' && <span className="field__note field__note--source">{t('register.nikFilled')}</span>}
          {fieldErrors.dob && <span className="field__error">{fieldErrors.dob}</span>}
        </label>
        <label className="field">
          <span className="field__label">{t('register.sex')}</span>
          <select
            name="sex"
            className="field__input"
            value={sex}
            onChange={(e) => setBirth((b) => sexChosen(b, e.target.value as '' | 'L' | 'P'))}
            // A select takes no Enter of its own: it continues the form as every other field does.
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }}
          >
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
          {fieldErrors.sex && <span className="field__error">{fieldErrors.sex}</span>}
        </label>
        {withCard && (
          <label className="field">
            <span className="field__label">{t('patientEdit.card')}</span>
            <input
              name="card"
              data-scan="field"
              className="field__input field__input--mono"
              value={card}
              inputMode="numeric"
              maxLength={20}
              autoComplete="off"
              aria-invalid={(tried && cardBad) || fieldErrors.card !== undefined}
              onChange={(e) => setCard(e.target.value)}
            />
            {tried && cardBad && <span className="field__error">{t('patientEdit.cardInvalid')}</span>}
            {fieldErrors.card && (
              <span className="field__error" data-testid="card-error">
                {fieldErrors.card}
              </span>
            )}
          </label>
        )}
        {/* The number on a card from before Loket (a facility that had paper records): the search finds the patient by it too. */}
        <label className="field">
          <span className="field__label">{t('register.oldMrn')}</span>
          <input
            name="oldMrn"
            className="field__input field__input--mono"
            value={oldMrn}
            maxLength={OLD_MRN_MAX}
            autoComplete="off"
            aria-invalid={fieldErrors.oldMrn !== undefined}
            title={t('register.oldMrnNote')}
            onChange={(e) => setOldMrn(e.target.value)}
          />
          {fieldErrors.oldMrn && <span className="field__error">{fieldErrors.oldMrn}</span>}
        </label>
        <label className="field field--wide">
          <span className="field__label">{t('register.address')}</span>
          <input name="address" className="field__input" value={address} maxLength={200} autoComplete="off" onChange={(e) => setAddress(e.target.value)} />
          {fieldErrors.address && <span className="field__error">{fieldErrors.address}</span>}
        </label>
      </div>
      <div className="register__actions">
        <button type="submit" className="button button--primary" aria-busy={busy}>
          {submitLabel ?? t('register.continue')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
          {t('register.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
