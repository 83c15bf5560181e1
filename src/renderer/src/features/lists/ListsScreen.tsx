import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ListSummary } from '../../../../shared/lists';
import { loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice } from '../../components/PathPrompt';
import { formatDate } from '../../format';
import { LISTS_CHANGED, type ListsState } from '../../hooks/use-lists';
import { useLang } from '../../i18n';
import '../slip/slip.css';
import './admin.css';
import { ImportSection } from './ImportSection';
import { MemberExport } from './MemberExport';
import { unreadableAdvice } from './unreadable-advice';

const listsChanged = (): void => void window.dispatchEvent(new Event(LISTS_CHANGED));

/**
 * The stored member lists (edition, age, rollback) and the import of a new edition.
 * `canManage` false (a clerk): the lists to read only, without import, rollback or exports.
 */
export function ListsScreen({ lists, canManage = false }: { lists: ListsState; canManage?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rollback, setRollback] = useState<ListSummary | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<{ title: string; error: ContractError } | null>(null);

  const doRollback = useCallback(
    async (list: ListSummary) => {
      setRollback(null);
      setError(null);
      const result = await loket.rollbackList({ list: list.name });
      if (!result.ok) return setError({ title: t('listAdmin.rollbackFailed'), error: result.error });
      setNotice(t('listAdmin.rolledBack', { list: result.value.name, edition: result.value.edition }));
      listsChanged();
    },
    [t],
  );

  // Opening the screen asks again: the core then retries an unreadable list's file (restored by IT meanwhile).
  useEffect(listsChanged, []);

  const current = lists.status === 'ready' ? lists.lists : [];
  return (
    <div className="admin" data-testid="lists-screen">
      <section className="admin__section">
        <h2 className="admin__title">{t('listAdmin.title')}</h2>
        {lists.status === 'failed' && <ErrorAlert title={t('listAdmin.failed')} error={lists.error} />}
        {lists.status === 'ready' && current.length === 0 && <p className="admin__empty">{t('listAdmin.empty')}</p>}
        {current.length > 0 && (
          <table className="data-table" data-testid="lists-table">
            <thead>
              <tr>
                <th scope="col">{t('listAdmin.name')}</th>
                <th scope="col">{t('listAdmin.kind')}</th>
                <th scope="col" className="data-table__num">{t('listAdmin.edition')}</th>
                <th scope="col">{t('listAdmin.asOf')}</th>
                <th scope="col" className="data-table__num">{t('listAdmin.members')}</th>
                <th scope="col">{t('listAdmin.age')}</th>
                <th scope="col">{t('listAdmin.previous')}</th>
                {canManage && <th scope="col"><span className="visually-hidden">{t('listAdmin.rollback')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {current.map((l) => (
                <tr key={l.name} data-testid="list-row" data-list={l.name} data-edition={l.edition} data-unreadable={l.unreadable ? l.unreadable.reason : undefined}>
                  <td className="data-table__strong">
                    {l.name}
                    {l.unreadable && <span className="badge badge--unreadable">{t('listAdmin.unreadable')}</span>}
                  </td>
                  <td>{t(`listKind.${l.kind}`)}</td>
                  <td className="data-table__num">{l.edition}</td>
                  <td>{formatDate(l.asOf, lang)}</td>
                  <td className="data-table__num">{l.members.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}</td>
                  <td>
                    {l.aheadOfClock ? (
                      <span className="badge badge--stale" data-testid="list-ahead-of-clock">
                        {t('listAdmin.aheadOfClock')}
                      </span>
                    ) : (
                      t('listAdmin.ageDays', { count: l.ageDays })
                    )}
                    {l.stale && (
                      <span className="badge badge--stale" title={t('listAdmin.staleTitle')}>
                        {t('listAdmin.stale')}
                      </span>
                    )}
                  </td>
                  <td>{l.previousEdition !== null ? t('listAdmin.previousEdition', { edition: l.previousEdition }) : t('listAdmin.none')}</td>
                  {canManage && <td className="data-table__actions">
                    <button type="button" className="button button--small" data-action="export-members" onClick={() => setExporting(l.name)}>
                      {t('listAdmin.exportMembers')}
                    </button>
                    {l.previousEdition !== null && (
                      <button type="button" className="button button--small" data-action="rollback" onClick={() => setRollback(l)}>
                        {t('listAdmin.rollback')}
                      </button>
                    )}
                  </td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {current.filter((l) => l.unreadable).map((l) => (
          <div key={l.name} className="admin__unreadable" role="alert" data-testid="list-unreadable" data-list={l.name}>
            {unreadableAdvice(l, canManage).map((line) => (
              <p key={line.key}>{t(`listAdmin.${line.key}`, line.params)}</p>
            ))}
          </div>
        ))}
        {notice && (
          <Notice tone="ok" testId="lists-notice">
            {notice}
          </Notice>
        )}
        {error && <ErrorAlert title={error.title} error={error.error} />}
      </section>
      {canManage && exporting && <MemberExport key={exporting} list={exporting} onClose={() => setExporting(null)} />}
      {canManage && <ImportSection lists={current} />}
      {rollback && (
        <ConfirmDialog
          title={t('listAdmin.rollbackTitle')}
          message={t('listAdmin.rollbackMessage', { list: rollback.name, previous: rollback.previousEdition ?? '', edition: rollback.edition })}
          confirmLabel={t('listAdmin.rollbackConfirm')}
          cancelLabel={t('listAdmin.rollbackCancel')}
          keysHint={t('listAdmin.rollbackKeys')}
          // The current edition's file is deleted: a reflex Enter must bring nothing back (as the import questions).
          initialFocus="cancel"
          onConfirm={() => void doRollback(rollback)}
          onCancel={() => setRollback(null)}
        />
      )}
    </div>
  );
}
