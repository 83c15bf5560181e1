import { useTranslation } from 'react-i18next';
import { hasBridge } from './api';
import { AppHeader } from './components/AppHeader';
import { LookupScreen } from './features/lookup/LookupScreen';
import { useLists } from './hooks/use-lists';

export function App() {
  const { t } = useTranslation();
  if (!hasBridge()) {
    return (
      <main className="app-main">
        <div className="alert alert--error" role="alert">
          {t('app.noBridge')}
        </div>
      </main>
    );
  }
  return <ConnectedApp />;
}

function ConnectedApp() {
  const lists = useLists();
  return (
    <>
      <AppHeader lists={lists} />
      <main className="app-main">
        <LookupScreen lists={lists} />
      </main>
    </>
  );
}
