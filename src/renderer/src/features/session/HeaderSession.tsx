import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/accounts';
import { useOwnAccountDialog } from './use-own-account-dialog';

interface Props {
  name: string;
  role: Role | null;
  onLock: () => void;
  onSwitch: () => void;
}

/** In the header: who is signed in, My account, Lock (Ctrl+L) and Switch clerk. */
export function HeaderSession({ name, role, onLock, onSwitch }: Props) {
  const { t } = useTranslation();
  const ownAccount = useOwnAccountDialog(name);
  return (
    <div className="header-session" data-testid="header-session">
      <span className="header-session__who" data-testid="signed-in-as" title={`${t('session.signedInAs', { name })}${role ? ` (${t(`role.${role}`)})` : ''}`}>
        <span className="header-session__label">{t('session.signedInLabel')} </span>
        {name}
      </span>
      {ownAccount.button}
      <button type="button" className="button button--small" data-testid="lock-button" title={t('session.lockTitle')} onClick={onLock}>
        {t('session.lock')} <kbd>Ctrl+L</kbd>
      </button>
      <button type="button" className="button button--small" data-testid="switch-clerk-button" title={t('session.switchTitle')} onClick={onSwitch}>
        {t('session.switchClerk')}
      </button>
      {ownAccount.dialog}
    </div>
  );
}
