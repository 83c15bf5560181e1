import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from './index';
import { wordsText, type UiKey, type Words } from './words';

/** Words in this window's language; call while rendering, so a language switch re-words them. */
export function useWords(): (w: Words) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return useCallback((w: Words) => wordsText(w, (key, params) => String(t(key as UiKey, params as never)), lang), [t, lang]);
}
