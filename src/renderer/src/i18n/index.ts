import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { CORE_MESSAGES, type Lang } from '../../../shared/i18n/messages';
import { uiEn } from './messages-en';
import { uiId } from './messages-id';

export type { Lang };
export const LANGS: readonly Lang[] = ['id', 'en'];
const STORAGE_KEY = 'loket.lang';

/**
 * Two namespaces: 'ui' (this app's screens) and 'core' (the shared catalog of the codes the core
 * answers with: errors, problems, notices, reject reasons). The core never words them; this
 * window does, in its own language (core-words.ts).
 */
export const resources = {
  id: { ui: uiId, core: CORE_MESSAGES.id },
  en: { ui: uiEn, core: CORE_MESSAGES.en },
} as const;

function savedLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'id' ? saved : 'id';
  } catch {
    return 'id'; // storage can be unavailable (privacy settings); the default is fine
  }
}

void i18next.use(initReactI18next).init({
  lng: savedLang(),
  fallbackLng: 'id',
  supportedLngs: [...LANGS],
  ns: ['ui', 'core'],
  defaultNS: 'ui',
  resources,
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function currentLang(): Lang {
  return i18next.language === 'en' ? 'en' : 'id';
}

/** Switches the UI language and remembers it for the next start. */
export async function setLang(lang: Lang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  // Nothing to tell the core: it answers in codes, and this window words them (core-words.ts).
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the switch still applies to this session
  }
}

/** BCP 47 locale for Intl formatting of dates and numbers. */
export const localeOf = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'id-ID');

export default i18next;

/** The current UI language; re-renders the caller when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
