import { useTranslation } from 'react-i18next';
import type { ListsState } from '../hooks/use-lists';
import { HeaderSession } from '../features/session/HeaderSession';
import type { Role } from '../../../shared/accounts';
import { LanguageSwitch } from './LanguageSwitch';
import { ListStatus } from './ListStatus';

export type Screen = 'search' | 'queue' | 'followUps' | 'lists' | 'reports' | 'settings' | 'audit';
export const SCREENS: readonly Screen[] = ['search', 'queue', 'followUps', 'lists', 'reports', 'settings', 'audit'];
const SCREEN_KEYS: Record<Screen, string> = { search: 'Alt+1', queue: 'Alt+2', followUps: 'Alt+3', lists: 'Alt+4', reports: 'Alt+5', settings: 'Alt+6', audit: 'Alt+7' };

interface Props {
  /** The member lists for the header's line; null for a role without list work (nothing shown). */
  lists: ListsState | null;
  screen: Screen;
  onScreen: (screen: Screen) => void;
  onEmergency: () => void;
  emergencyBusy: boolean;
  /** The patient an emergency would be registered for (selected on the search screen). */
  emergencyFor: string | null;
  /** The screens the signed-in role may open (screensFor); the others get no tab. */
  allowed?: readonly string[];
  /** The signed-in clerk, with Lock and Switch clerk; none outside a session (tests of the bare header). */
  clerk?: { name: string; role: Role | null; onLock: () => void; onSwitch: () => void };
  /** Settings hold changes not saved yet (kept as a draft): its tab is marked until they are saved or discarded. */
  unsavedSettings?: boolean;
}

export function AppHeader({ lists, screen, onScreen, onEmergency, emergencyBusy, emergencyFor, allowed, clerk, unsavedSettings = false }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header-wrap">
      <div className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        {lists && <ListStatus state={lists} />}
        {clerk && <HeaderSession name={clerk.name} role={clerk.role} onLock={clerk.onLock} onSwitch={clerk.onSwitch} />}
        <LanguageSwitch />
        {/* Never disabled: an emergency is never blocked by anything on screen. */}
        <button
          type="button"
          className={emergencyFor ? 'emergency-button emergency-button--for' : 'emergency-button'}
          data-testid="emergency-button"
          title={t('emergency.buttonTitle')}
          aria-busy={emergencyBusy}
          onClick={onEmergency}
        >
          <span className="emergency-button__label">{t('emergency.button')}</span>
          <kbd>F9</kbd>
          {emergencyFor && <span className="emergency-button__for">{t('emergency.forPatient', { name: emergencyFor })}</span>}
        </button>
      </div>
      <nav className="app-nav" aria-label={t('nav.label')}>
        {SCREENS.filter((s) => !allowed || allowed.includes(s)).map((s) => (
          <button
            key={s}
            type="button"
            className="app-nav__tab"
            data-screen={s}
            aria-current={screen === s ? 'page' : undefined}
            onClick={() => onScreen(s)}
          >
            {t(`nav.${s}`)} <kbd>{s === 'search' ? 'F1' : SCREEN_KEYS[s]}</kbd>
            {s === 'settings' && unsavedSettings && (
              <span className="app-nav__unsaved" data-testid="nav-unsaved" title={t('nav.unsaved')}>
                <span aria-hidden="true">•</span>
                <span className="visually-hidden">{t('nav.unsaved')}</span>
              </span>
            )}
          </button>
        ))}
        <span className="app-nav__keys">{t('keys.nav')}</span>
      </nav>
    </header>
  );
}
