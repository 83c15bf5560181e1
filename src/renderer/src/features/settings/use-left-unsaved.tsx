import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isDirty, type SettingsDraftStore } from './settings-draft';

/** How long the note stays after Settings was left unsaved (ms): long enough to read it. */
const SHOW_MS = 10_000;

/**
 * Leaving Settings with changes not saved says so at once (they are kept, not lost: settings-draft.ts),
 * so nobody walks away believing the new paper size or unit is in use. The note goes after a
 * while, or when Settings is open again; the header keeps marking Settings until it is saved.
 */
export function useLeftUnsaved(screen: string, drafts: SettingsDraftStore): ReactElement | null {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const previous = useRef(screen);
  useEffect(() => {
    const left = previous.current === 'settings' && screen !== 'settings';
    previous.current = screen;
    if (screen === 'settings') return setShown(false);
    if (!left || !isDirty(drafts.get())) return;
    setShown(true);
    const timer = setTimeout(() => setShown(false), SHOW_MS);
    return () => clearTimeout(timer);
  }, [screen, drafts]);
  return shown ? (
    <div className="print-notice print-notice--warn" role="status" data-testid="settings-left-unsaved">
      {t('settings.leftUnsaved')}
    </div>
  ) : null;
}
