import { useTranslation } from 'react-i18next';
import type { ListsState } from '../hooks/use-lists';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { useErrorText } from '../i18n/core-words';

/** One line in the header: how many lists the look-up searches, how many members, how many cannot be read, how many are old. */
export function ListStatus({ state }: { state: ListsState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  if (state.status === 'loading') return <p className="list-status">{t('lists.loading')}</p>;
  if (state.status === 'failed') {
    return <p className="list-status list-status--bad">{t('lists.failed', { message: errorText(state.error) })}</p>;
  }
  const { lists } = state;
  if (lists.length === 0) return <p className="list-status list-status--bad" data-testid="list-status">{t('lists.none')}</p>;
  const members = lists.reduce((sum, l) => sum + l.members, 0);
  const stale = lists.filter((l) => l.stale).length;
  const unreadable = lists.filter((l) => l.unreadable).length;
  const names = lists.map((l) => t('lists.listItem', { name: l.name, date: formatDate(l.asOf, lang) })).join('\n');
  return (
    <p className="list-status" data-testid="list-status" title={names}>
      <span>{t('lists.count', { count: lists.length })}</span>
      <span aria-hidden="true"> · </span>
      <span>{t('lists.members', { count: members })}</span>
      {unreadable > 0 && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="list-status__stale" data-testid="list-status-unreadable">{t('lists.unreadable', { count: unreadable })}</span>
        </>
      )}
      {stale > 0 && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="list-status__stale">{t('lists.stale', { count: stale })}</span>
        </>
      )}
    </p>
  );
}
