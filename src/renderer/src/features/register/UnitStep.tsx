import type { RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PAYERS, PAYER_KEYS, type Payer } from '../../../../shared/counter';
import type { KeyedUnit } from '../../unit-keys';
import { maskCard, maskNik } from '../../../../shared/masking';
import { whoName, type IdentityCheck, type Who } from './register-flow';

interface Props {
  who: Who;
  units: readonly KeyedUnit[];
  unit: string | null;
  payer: Payer;
  derived: Payer;
  /** Whether the derived payer comes from a check (the search's, or `check`): never said when none was made. */
  checked: boolean;
  /** The unit step's own look-up of the NIK (F2, a form after a search by name): what it found, shown. */
  check: IdentityCheck | null;
  busy: boolean;
  submitRef: RefObject<HTMLButtonElement | null>;
  /**
   * Keys were typed here as a name or number (use-payer-letters.ts): said, with the unit and payer
   * that stay; 'enter': the Enter after them was held, and the step asks for Enter again.
   */
  typed: 'keys' | 'enter' | null;
  onUnit: (code: string) => void;
  onPayer: (payer: Payer) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * The last step: who, which unit (its number key, as on the queue's tabs), which payer (its letter), then Daftar. A new patient has
 * no record number yet: it is given when the visit is registered, never reserved before.
 */
export function UnitStep({ who, units, unit, payer, derived, checked, check, busy, submitRef, typed, onUnit, onPayer, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const checkText = check && checkLine(check, t);
  return (
    <div className="register__unit">
      <p className="register__patient" data-testid="register-patient">
        <span className="register__patient-label">{t('register.patient')}</span>
        <strong>{whoName(who)}</strong>
        <span className="register__mrn" data-new-record={who.kind === 'new'}>
          {t('register.mrn')} {who.kind === 'record' ? who.patient.mrn : t('register.mrnOnRegister')}
        </span>
      </p>
      {checkText && (
        <p className="register__check" data-testid="register-check" data-verdict={check?.verdict}>
          {checkText}
        </p>
      )}
      <fieldset className="choice">
        <legend className="choice__legend">{t('register.unitTitle')}</legend>
        <div className="choice__options">
          {units.map((u) => (
            <button
              key={u.code}
              type="button"
              className="choice__option choice__option--unit"
              data-unit={u.code}
              aria-pressed={unit === u.code}
              onClick={() => onUnit(u.code)}
            >
              {u.key && <kbd>{u.key}</kbd>} {u.name}
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
              {p === derived && <span className="choice__note">{checked ? t('register.payerDerived') : t('register.payerUnchecked')}</span>}
            </button>
          ))}
        </div>
      </fieldset>
      {typed && (
        <p className="letter-hint" role="status" data-testid="unit-typed" data-typed={typed}>
          {t(typed === 'enter' ? 'register.typedEnterNote' : 'register.typedNote', {
            name: whoName(who),
            unit: units.find((u) => u.code === unit)?.name ?? '',
            payer: t(`register.payerInSentence.${payer}`),
          })}
        </p>
      )}
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

/** "Hasil cek 3604••••••••1820: Terdaftar aktif (PBI APBD, atas nama NANANG PRATAMA IBRAHIM)". */
function checkLine(check: IdentityCheck, t: TFunction): string {
  const number = check.query.length === 16 ? maskNik(check.query) : maskCard(check.query);
  const verdict = check.verdict === 'eligible' ? t('verdict.eligible') : check.verdict === 'not-eligible' ? t('verdict.notEligible') : t('verdict.unknown');
  const basis = check.basis.map((m) => t('register.checkBasis', { list: m.list.name, name: m.name })).join('; ');
  return `${t('register.checkLine', { number, verdict })}${basis ? ` (${basis})` : ''}`;
}
