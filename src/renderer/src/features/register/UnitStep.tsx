import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYERS, PAYER_KEYS, type Payer } from '../../../../shared/counter';
import type { ServiceUnit } from '../../../../shared/settings';
import type { Who } from './register-flow';

interface Props {
  who: Who;
  units: readonly ServiceUnit[];
  unit: string | null;
  payer: Payer;
  derived: Payer;
  busy: boolean;
  submitRef: RefObject<HTMLButtonElement | null>;
  onUnit: (code: string) => void;
  onPayer: (payer: Payer) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * The last step: who, which unit (1–9), which payer (its letter), then Daftar. A new patient has
 * no record number yet: it is given when the visit is registered, never reserved before.
 */
export function UnitStep({ who, units, unit, payer, derived, busy, submitRef, onUnit, onPayer, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="register__unit">
      <p className="register__patient" data-testid="register-patient">
        <span className="register__patient-label">{t('register.patient')}</span>
        <strong>{who.kind === 'record' ? who.patient.name : who.identity.name}</strong>
        <span className="register__mrn" data-new-record={who.kind === 'new'}>
          {t('register.mrn')} {who.kind === 'record' ? who.patient.mrn : t('register.mrnOnRegister')}
        </span>
      </p>
      <fieldset className="choice">
        <legend className="choice__legend">{t('register.unitTitle')}</legend>
        <div className="choice__options">
          {units.map((u, i) => (
            <button
              key={u.code}
              type="button"
              className="choice__option choice__option--unit"
              data-unit={u.code}
              aria-pressed={unit === u.code}
              onClick={() => onUnit(u.code)}
            >
              <kbd>{i + 1}</kbd> {u.name}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="choice choice--payer">
        <legend className="choice__legend">{t('register.payerTitle')}</legend>
        <div className="choice__options">
          {PAYERS.map((p) => (
            <button key={p} type="button" className="choice__option" data-payer={p} aria-pressed={payer === p} onClick={() => onPayer(p)}>
              <span>
                <kbd>{PAYER_KEYS[p]}</kbd> {t(`register.payer.${p}`)}
              </span>
              {p === derived && <span className="choice__note">{t('register.payerDerived')}</span>}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="register__actions">
        <button ref={submitRef} type="button" className="button button--primary button--big" data-testid="register-submit" aria-busy={busy} onClick={onSubmit}>
          {t('register.submit')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
          {t('register.cancel')} <kbd>Esc</kbd>
        </button>
        <span className="register__keys">
          {t('register.keys')} · {t('register.emergencyHint')}
        </span>
      </div>
    </div>
  );
}
