import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../shared/accounts';
import { loket } from '../../api';
import { normalUsername } from './account-rules';
import { FailureText } from './FailureText';
import { SessionFrame } from './SessionFrame';
import { SignedOutEmergency } from './SignedOutEmergency';
import { useSessionAction } from './use-session-action';

/**
 * Username and password (Enter submits). The known clerks are listed beside it: a click fills the
 * username and puts the focus in the password. A PIN does not open a signed-out counter (the
 * core's rule: a PIN switches clerks at a counter in use, or unlocks one).
 */
export function SignInScreen({ session, onSession }: { session: SessionView; onSession: (next: SessionView) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useSessionAction(onSession);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (username.trim() === '' || password === '') return;
    void action.run(() => loket.signIn({ username: normalUsername(username), password })).then((ok) => {
      if (!ok) setPassword('');
    });
  };

  return (
    <SessionFrame
      title={t('session.signInTitle')}
      testId="sign-in-screen"
      aside={
        session.knownClerks.length > 0 ? (
          <section className="session-card session-card--side">
            <h2 className="session__subtitle">{t('session.quickTitle')}</h2>
            <p className="session__note">{t('session.quickNote')}</p>
            <div className="session__clerks" data-testid="known-clerks">
              {session.knownClerks.map((c) => (
                <button
                  key={c.username}
                  type="button"
                  className="session__clerk"
                  aria-pressed={c.username === username}
                  data-clerk={c.username}
                  onClick={() => {
                    setUsername(c.username);
                    setPassword('');
                    action.clear();
                    passwordRef.current?.focus();
                  }}
                >
                  {c.displayName}
                </button>
              ))}
            </div>
          </section>
        ) : undefined
      }
    >
      <p className="session__intro">{t('session.signInIntro')}</p>
      <form className="session__form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="field__label">{t('accountField.username')}</span>
          <input className="field__input" autoComplete="username" autoFocus data-testid="sign-in-username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('accountField.password')}</span>
          <input ref={passwordRef} className="field__input" type="password" autoComplete="current-password" data-testid="sign-in-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {action.failure && <FailureText failure={action.failure} />}
        <button type="submit" className="button button--primary button--big" disabled={action.busy} data-testid="sign-in-submit">
          {t('session.signInSubmit')}
        </button>
      </form>
      <SignedOutEmergency />
    </SessionFrame>
  );
}
