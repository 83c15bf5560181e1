import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../shared/counter';
import type { MemberMatch } from '../../../../shared/lookup';
import { maskCard, maskNik } from '../../../../shared/masking';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import { QuestionCancel } from './QuestionCancel';

interface Props {
  identity: Identity;
  member: MemberMatch;
  busy: boolean;
  onSame: () => void;
  onNotSame: () => void;
  onCancel: () => void;
}

/**
 * A new patient typed without NIK or card has the name and birth date of one list member
 * (list-namesake.ts): is it that person? Yes takes the list's numbers, so the check and the payer
 * come from the list as for a scanned card; no registers the patient as typed. The focus starts on
 * yes, the usual answer; only buttons answer (Enter on one, or a click), no lone key.
 */
export function NamesakeStep({ identity, member, busy, onSame, onNotSame, onCancel }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const sameRef = useRef<HTMLButtonElement>(null);
  // A layout effect: the focus is in place before the browser handles the next key.
  useLayoutEffect(() => sameRef.current?.focus(), []);
  const numbers = [member.nik && t('register.namesakeNik', { nik: maskNik(member.nik) }), member.card && t('register.namesakeCard', { card: maskCard(member.card) })].filter(Boolean).join(' · ');
  return (
    <div className="register__clash" data-testid="list-namesake" role="group" aria-labelledby="list-namesake-title">
      <h2 id="list-namesake-title" className="register__title">
        {t('register.namesakeTitle', { list: member.list.name, name: member.name, dob: formatDate(member.dob, lang) ?? '' })}
      </h2>
      <p className="register__detail">
        {[numbers, member.address].filter(Boolean).join(' · ')}
      </p>
      <p className="register__detail">{t('register.namesakeDetail', { typed: identity.name })}</p>
      <div className="register__choices">
        <button ref={sameRef} type="button" className="button button--primary" data-choice="same" disabled={busy} onClick={onSame}>
          {t('register.namesakeSame', { name: member.name })}
        </button>
        <button type="button" className="button" data-choice="not-same" disabled={busy} onClick={onNotSame}>
          {t('register.namesakeNotSame', { typed: identity.name })}
        </button>
      </div>
      <QuestionCancel onCancel={onCancel} />
    </div>
  );
}
