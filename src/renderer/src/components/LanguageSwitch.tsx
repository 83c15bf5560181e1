import { useTranslation } from 'react-i18next';
import { LANGS, setLang, useLang } from '../i18n';

/** Two buttons, ID and EN; the pressed one is the current language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang === code}
          title={code === 'id' ? t('language.idName') : t('language.enName')}
          onClick={() => void setLang(code)}
        >
          {code === 'id' ? t('language.id') : t('language.en')}
        </button>
      ))}
    </div>
  );
}
