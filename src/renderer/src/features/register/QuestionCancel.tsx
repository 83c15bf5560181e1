import { useTranslation } from 'react-i18next';

/** The foot of a register question (whose NIK, which namesake): Batal, and the keys that answer it. */
export function QuestionCancel({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="register__actions">
      <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
        {t('register.cancel')} <kbd>Esc</kbd>
      </button>
      <span className="register__keys">{t('register.nikClashKeys')}</span>
    </div>
  );
}
