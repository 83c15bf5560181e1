import { useTranslation } from 'react-i18next';
import type { ListsState } from '../hooks/use-lists';
import { LanguageSwitch } from './LanguageSwitch';
import { ListStatus } from './ListStatus';

export function AppHeader({ lists }: { lists: ListsState }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      <ListStatus state={lists} />
      <LanguageSwitch />
    </header>
  );
}
