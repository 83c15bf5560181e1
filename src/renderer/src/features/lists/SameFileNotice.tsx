import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';

/** The core refuses the file of the current edition imported again (it would take the only rollback slot). */
export const SAME_AS_CURRENT = 'import/same-as-current';

/**
 * That refusal is no failure: the list is already what the officer wanted. Said as such (not the
 * red "Impor gagal"), with the edition, its as-of date and when it was imported, and that
 * nothing changed.
 */
export function SameFileNotice({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  const lang = useLang();
  const p = error.params ?? {};
  const date = (value: unknown): string => (typeof value === 'string' ? (formatDate(value, lang) ?? value) : '-');
  return (
    <div className="notice notice--info" role="status" data-testid="list-import-same">
      <strong>{t('listAdmin.sameTitle')}</strong>
      <p className="alert__message">{t('listAdmin.sameBody', { list: p.list, edition: p.edition, asOf: date(p.asOf), imported: date(p.imported) })}</p>
    </div>
  );
}
