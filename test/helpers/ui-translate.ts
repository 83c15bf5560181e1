import i18next from 'i18next';
import { uiEn } from '../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../src/renderer/src/i18n/messages-id';

/** The screens' own catalogs through a real i18next (plurals and {{placeholders}} as the app does them). */
export function uiTranslate(lang: 'id' | 'en'): (key: string, params?: Record<string, unknown>) => string {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: lang, resources: { id: { ui: uiId }, en: { ui: uiEn } }, ns: ['ui'], defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false } });
  return (key, params) => i18n.t(key, params ?? {}) as string;
}
