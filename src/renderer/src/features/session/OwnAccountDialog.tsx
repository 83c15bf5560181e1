import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { loket } from '../../api';
import { useFocusTrap } from '../../components/use-focus-trap';
import { PASSWORD_MIN } from './account-rules';
import { OwnAccountForm, type OwnField } from './OwnAccountForm';
import { checkPassword, checkPin, EMPTY_PASSWORD, EMPTY_PIN, passwordInput, pinInput, type PasswordDraft, type PinDraft } from './own-account-flow';
import { useOwnForm } from './use-own-form';

/**
 * "My account": the signed-in clerk changes their own password and sets their own PIN. Keyboard
 * first: the current password has the focus, Enter submits the form it is typed in, Esc closes,
 * Tab stays inside. F9, Ctrl+L and Alt+1… still work (the app's keys listen in the capture phase).
 */
export function OwnAccountDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const rootRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const password = useOwnForm<PasswordDraft>(EMPTY_PASSWORD, checkPassword, (d) => loket.changeOwnPassword(passwordInput(d)), 'current');
  const pin = useOwnForm<PinDraft>(EMPTY_PIN, checkPin, (d) => loket.setOwnPin(pinInput(d)), 'password');

  // Before the paint: a key typed the moment the dialog shows goes into it, not the screen behind.
  useLayoutEffect(() => firstRef.current?.focus(), []);

  // Locked with the dialog open, it waits under the lock (inert, like any work on screen); once
  // unlocked the focus comes back here, else Esc and Enter would find nothing to act on.
  useEffect(() => {
    const shell = rootRef.current?.closest('.session-shell');
    if (!shell) return;
    const observer = new MutationObserver(() => {
      if (!shell.hasAttribute('inert') && !rootRef.current?.contains(document.activeElement)) firstRef.current?.focus();
    });
    observer.observe(shell, { attributes: true, attributeFilter: ['inert'] });
    return () => observer.disconnect();
  }, []);

  // Tab stays inside (the one trap every dialog uses).
  useFocusTrap(rootRef);
  // Keys typed here stay here: the screens' window listeners must not hear Esc (it clears the
  // search) or Enter. A native listener, as on the lock: React's own would run too late.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKey = (event: KeyboardEvent): void => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        closeRef.current();
      }
    };
    root.addEventListener('keydown', onKey);
    return () => root.removeEventListener('keydown', onKey);
  }, []);

  const passwordFields: readonly OwnField<PasswordDraft>[] = [
    { key: 'current', label: t('myAccount.current'), autoComplete: 'current-password' },
    { key: 'next', label: t('myAccount.next'), autoComplete: 'new-password' },
    { key: 'again', label: t('myAccount.nextAgain'), autoComplete: 'new-password' },
  ];
  const pinFields: readonly OwnField<PinDraft>[] = [
    { key: 'password', label: t('myAccount.passwordForPin'), autoComplete: 'current-password' },
    { key: 'pin', label: t('myAccount.pin'), autoComplete: 'off', digits: true },
    { key: 'again', label: t('myAccount.pinAgain'), autoComplete: 'off', digits: true },
  ];

  return (
    <div className="overlay" ref={rootRef}>
      <div className="own-account" role="dialog" aria-modal="true" aria-labelledby="own-account-title" data-testid="own-account-dialog">
        <div className="own-account__head">
          <h2 id="own-account-title" className="session-card__title">
            {t('myAccount.title')}
          </h2>
          <button type="button" className="button button--small" data-testid="own-account-close" onClick={onClose}>
            {t('myAccount.close')} <kbd>Esc</kbd>
          </button>
        </div>
        <p className="session__rules" data-testid="own-account-rules">
          {t('myAccount.rules', { min: PASSWORD_MIN })}
        </p>
        <div className="own-account__forms">
          <OwnAccountForm
            name="password"
            title={t('myAccount.passwordTitle')}
            fields={passwordFields}
            controls={password}
            submitLabel={t('myAccount.passwordSubmit')}
            doneText={t('myAccount.passwordDone')}
            firstRef={firstRef}
          />
          <OwnAccountForm name="pin" title={t('myAccount.pinTitle')} fields={pinFields} controls={pin} submitLabel={t('myAccount.pinSubmit')} doneText={t('myAccount.pinDone')} />
        </div>
      </div>
    </div>
  );
}
