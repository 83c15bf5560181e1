import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import { QuestionCancel } from './QuestionCancel';

/** Whose NIK it is: a record here (its RM), or a member of a list (the list's name), not registered here. */
export type NikHolder = { name: string; mrn: string; list?: undefined } | { name: string; mrn?: undefined; list: string };

interface Props {
  identity: Identity;
  holder: NikHolder;
  busy: boolean;
  onBack: () => void;
  onUse: () => void;
  onWithoutNik: () => void;
  onCancel: () => void;
}

/**
 * The NIK typed is another person's record here (a baby given the mother's NIK), or a list
 * member's under a clearly different name (a KTP scanned into the form while another name was
 * typed: its Enter submitted the form, this question stops it). The clerk says
 * which; the focus starts on the safe choice (back to the form: nothing taken, nothing written).
 * Only buttons answer (Enter on one, or a click): no lone key, so a stray keystroke or a scanner's
 * Enter elsewhere never picks a record.
 */
export function NikClashStep({ identity, holder, busy, onBack, onUse, onWithoutNik, onCancel }: Props) {
  const { t } = useTranslation();
  const backRef = useRef<HTMLButtonElement>(null);
  // A layout effect: the focus is in place before the browser handles the next key.
  useLayoutEffect(() => backRef.current?.focus(), []);
  return (
    <div className="register__clash" data-testid="nik-clash" role="group" aria-labelledby="nik-clash-title">
      <h2 id="nik-clash-title" className="register__title">
        {holder.mrn !== undefined ? t('register.nikClashTitle', { name: holder.name, mrn: holder.mrn }) : t('register.listClashTitle', { name: holder.name, typed: identity.name })}
      </h2>
      <p className="register__detail">
        {holder.mrn !== undefined ? t('register.nikClashDetail', { typed: identity.name }) : t('register.listClashDetail', { list: holder.list })}
      </p>
      <div className="register__choices">
        <button ref={backRef} type="button" className="button button--primary" data-choice="back" disabled={busy} onClick={onBack}>
          {t('register.nikClashBack')}
        </button>
        <button type="button" className="button" data-choice="use" disabled={busy} onClick={onUse}>
          {holder.mrn !== undefined ? t('register.nikClashUse', { name: holder.name, mrn: holder.mrn }) : t('register.listClashUse', { name: holder.name })}
        </button>
        <button type="button" className="button" data-choice="without-nik" disabled={busy} onClick={onWithoutNik}>
          <span>{t('register.nikClashWithout', { typed: identity.name })}</span>
          <span className="register__choice-note">{t('register.nikClashWithoutNote')}</span>
        </button>
      </div>
      <QuestionCancel onCancel={onCancel} />
    </div>
  );
}
