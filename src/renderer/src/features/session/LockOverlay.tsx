import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../shared/accounts';
import { loket } from '../../api';
import { useFocusTrap } from '../../components/use-focus-trap';
import { FailureText } from './FailureText';
import { PinSignIn } from './PinSignIn';
import { useSessionAction } from './use-session-action';
import './session.css';

/** Puts the focus back on the lock (after an emergency's number closed over it); false when not locked. */
export function focusLock(): boolean {
  const input = document.querySelector<HTMLInputElement>('[data-testid="unlock-secret"]');
  input?.focus();
  return input !== null;
}

interface Props {
  session: SessionView;
  onSession: (next: SessionView) => void;
  onEmergency: () => void;
  /** Opened by "Switch clerk": the take-over by PIN has the focus, not the locked clerk's secret. */
  takeOver: boolean;
}

/**
 * Over the app while it is locked: the app stays mounted and inert behind it, so the half-done
 * registration, the search and any dialog are there again after the unlock. The locked clerk
 * types their password or PIN, or another known clerk takes over with theirs. F9 still
 * registers an emergency (the app's own key handler; the button here does the same).
 */
export function LockOverlay({ session, onSession, onEmergency, takeOver }: Props) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const action = useSessionAction(onSession);
  const rootRef = useRef<HTMLDivElement>(null);
  const name = session.account?.displayName ?? '';
  const others = session.knownClerks.filter((c) => c.username !== session.account?.username);

  // Keys typed here stay here, and Tab too: the screen behind must not hear Esc (it would clear
  // the search) or its letters. F9 and the app's capture-phase keys were already handled before this.
  useFocusTrap(rootRef, { keepKeys: true });

  const unlock = (event: FormEvent): void => {
    event.preventDefault();
    if (secret === '') return;
    void action.run(() => loket.unlock({ secret })).then((ok) => {
      if (!ok) setSecret('');
    });
  };

  return (
    <div className="overlay lock-overlay" ref={rootRef}>
      <div className="lock-card" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-overlay">
        <div className="lock-card__main">
          <h2 id="lock-title" className="session-card__title">
            {t('session.lockedTitle')}
          </h2>
          <p className="session__intro">{t('session.lockedBy', { name })}</p>
          <form className="session__form" onSubmit={unlock} noValidate>
            <label className="field">
              <span className="field__label">{t('session.unlockSecret', { name })}</span>
              <input
                className="field__input"
                type="password"
                autoComplete="current-password"
                autoFocus={!takeOver || others.length === 0}
                data-testid="unlock-secret"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            </label>
            {action.failure && <FailureText failure={action.failure} secret />}
            <button type="submit" className="button button--primary button--big" disabled={action.busy} data-testid="unlock-submit">
              {t('session.unlockSubmit')}
            </button>
          </form>
          <button type="button" className="emergency-button lock-card__emergency" data-testid="lock-emergency" onClick={onEmergency}>
            {t('session.emergencyButton')}
          </button>
          <p className="session__keys">{t('session.emergencyHint')}</p>
        </div>
        <div className="lock-card__side">
          {others.length > 0 ? (
            <PinSignIn clerks={others} title={t('session.takeOverTitle')} submitLabel={t('session.takeOverSubmit')} onSession={onSession} testId="take-over" autoFocus={takeOver} />
          ) : (
            <p className="session__note">{t('session.takeOverNone')}</p>
          )}
          <button
            type="button"
            className="button button--quiet"
            data-testid="lock-sign-out"
            onClick={() => void action.run(() => loket.signOut({}))}
          >
            {t('session.signOut')}
          </button>
        </div>
      </div>
    </div>
  );
}
