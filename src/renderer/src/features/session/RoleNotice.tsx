import { useTranslation } from 'react-i18next';

/** In place of a screen the signed-in role may not open (it never shows the screen's controls). */
export function RoleNotice() {
  const { t } = useTranslation();
  return (
    <p className="alert" role="status" data-testid="role-notice">
      {t('session.forbidden')}
    </p>
  );
}
