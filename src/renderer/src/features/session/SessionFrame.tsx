import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import './session.css';

/** The page around the set-up and sign-in screens: the app's name, the language switch, one card. */
export function SessionFrame({ title, testId, children, aside, wide = false }: { title: string; testId: string; children: ReactNode; aside?: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="session-page" data-testid={testId}>
      <header className="session-page__head">
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
        <LanguageSwitch />
      </header>
      <main className="session-page__body">
        <section className={`session-card${wide ? ' session-card--wide' : ''}`} aria-labelledby={`${testId}-title`}>
          <h1 className="session-card__title" id={`${testId}-title`}>
            {title}
          </h1>
          {children}
        </section>
        {aside}
      </main>
    </div>
  );
}
