import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../shared/accounts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SetupAdminScreen } from './SetupAdminScreen';
import { SignInScreen } from './SignInScreen';
import { useSession } from './use-session';

/**
 * Who may use the counter decides what shows: the first administrator's set-up, the sign-in, or
 * the app. Signed in and locked both render `children` at the same place in the tree, so a lock
 * never unmounts the app: the half-done work survives it (the app draws the lock over itself).
 */
export function SessionGate({ children }: { children: (session: SessionView, onSession: (next: SessionView) => void) => ReactNode }) {
  const { t } = useTranslation();
  const { session, error, apply } = useSession();
  if (error) {
    return (
      <main className="app-main">
        <ErrorAlert title={t('session.failed')} error={error} />
      </main>
    );
  }
  if (!session) return <p className="session-loading">{t('session.loading')}</p>;
  if (session.phase === 'setup') return <SetupAdminScreen onSession={apply} />;
  if (session.phase === 'signed-out' || !session.account) return <SignInScreen session={session} onSession={apply} />;
  return children(session, apply);
}
