import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../shared/accounts';
import { loket } from '../../api';
import { checkDraft, EMPTY_DRAFT, normalUsername, PASSWORD_MIN, type AccountDraft, type AccountField, type RuleBroken } from './account-rules';
import { AccountFields } from './AccountFields';
import { FailureText } from './FailureText';
import { SessionFrame } from './SessionFrame';
import { useSessionAction } from './use-session-action';

/** First start: the first account, an administrator. The rules are said before the clerk submits. */
export function SetupAdminScreen({ onSession }: { onSession: (next: SessionView) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_DRAFT);
  const [broken, setBroken] = useState<Partial<Record<AccountField, RuleBroken>>>({});
  const action = useSessionAction(onSession);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = checkDraft(draft);
    setBroken(found);
    if (Object.keys(found).length > 0) return;
    void action.run(() =>
      loket.setupAdmin({
        username: normalUsername(draft.username),
        displayName: draft.displayName.trim(),
        password: draft.password,
        ...(draft.pin ? { pin: draft.pin } : {}),
      }),
    );
  };

  return (
    <SessionFrame title={t('session.setupTitle')} testId="setup-screen" wide>
      <p className="session__intro">{t('session.setupIntro')}</p>
      <p className="session__rules" data-testid="account-rules">
        {t('accountRule.summary', { min: PASSWORD_MIN })}
      </p>
      <form className="session__form" onSubmit={submit} noValidate>
        <AccountFields draft={draft} broken={broken} onChange={setDraft} autoFocus />
        {action.failure && <FailureText failure={action.failure} />}
        <button type="submit" className="button button--primary button--big" disabled={action.busy} data-testid="setup-submit">
          {t('session.setupSubmit')}
        </button>
      </form>
    </SessionFrame>
  );
}
