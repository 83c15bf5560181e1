import { useTranslation } from 'react-i18next';
import type { ListsState } from '../hooks/use-lists';
import { formatDate } from '../format';
import { useLang } from '../i18n';
import { useErrorText } from '../i18n/core-words';

/** In the header: how many lists the look-up searches (first line), how many members, how many cannot be read and how many are old (second). */
export function ListStatus({ state }: { state: ListsState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  if (state.status === 'loading') return <p className="list-status">{t('lists.loading')}</p>;
  if (state.status === 'failed') {
    return <p className="list-status list-status--bad">{t('lists.failed', { message: errorText(state.error) })}</p>;
  }
  const { lists } = state;
  if (lists.length === 0) {
    // The whole sentence cannot fit beside the clerk's buttons at 1024 px: a short one, wrapped to
    // two lines, with the sentence as its title and its accessible name (reporttester F5).
    return (
      <p className="list-status list-status--bad list-status--none" data-testid="list-status" data-lists="none" title={t('lists.none')} aria-label={t('lists.none')}>
        {t('lists.noneShort')}
      </p>
    );
  }
  const members = lists.reduce((sum, l) => sum + l.members, 0);
  const stale = lists.filter((l) => l.stale).length;
  const unreadable = lists.filter((l) => l.unreadable).length;
  const names = lists.map((l) => t('lists.listItem', { name: l.name, date: formatDate(l.asOf, lang) })).join('\n');
  // Two short lines (lists; members and how many are old), so the header keeps them readable
  // beside the clerk, the language and the emergency button even at 1024 px.
  return (
    <p className="list-status list-status--two" data-testid="list-status" title={names}>
      <span className="list-status__line">{t('lists.count', { count: lists.length })}</span>
      <span className="list-status__line">
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
            <span className="list-status__stale">{t('lists.staleShort', { count: stale })}</span>
          </>
        )}
      </span>
    </p>
  );
}
