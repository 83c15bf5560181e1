import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noticeMessage, type ImportReport } from '../../../../shared/lists';
import { maskIdentifiers } from '../../../../shared/masking';
import { loket } from '../../api';
import { Notice, PathPrompt, chooseFileFor } from '../../components/PathPrompt';
import { useLang } from '../../i18n';
import { errorTextNow, useCoreMessage } from '../../i18n/core-words';

const SHOWN_REJECTS = 10;

/** The report of a finished import: counts, what to know about the file, rejected rows and their CSV. */
export function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  // Notices and reasons arrive as codes: worded here, in the UI language (and again when it changes).
  const lang = useLang();
  const say = useCoreMessage();
  const [askPath, setAskPath] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const suggested = `ditolak-${report.list.replace(/[^\w-]+/g, '-').toLowerCase()}-edisi-${report.edition}.csv`;

  const save = useCallback(
    async (typed?: string) => {
      setStatus(null);
      const choice = await chooseFileFor({ purpose: 'save-csv', suggestedName: suggested, ...(typed !== undefined ? { typed } : {}) });
      if (choice.kind === 'ask') return setAskPath(true);
      setAskPath(false);
      if (choice.kind === 'cancelled') return;
      if (choice.kind === 'failed') return setStatus({ tone: 'bad', text: `${t('listAdmin.exportFailed')}: ${errorTextNow(choice.error)}` });
      const result = await loket.exportImportIssues({ list: report.list, file: choice.file.handle, lang });
      if (result.ok) setStatus({ tone: 'ok', text: t('listAdmin.exported', { rows: result.value.rows, file: result.value.name }) });
      else setStatus({ tone: 'bad', text: `${t('listAdmin.exportFailed')}: ${errorTextNow(result.error)}` });
    },
    [report.list, suggested, lang, t],
  );

  const { rows } = report;
  const counts: [string, number, boolean][] = [
    [t('listAdmin.read'), rows.read, false],
    [t('listAdmin.imported'), rows.imported, false],
    [t('listAdmin.rejected'), rows.rejected, rows.rejected > 0],
    [t('listAdmin.warnings'), rows.warnings, false],
    [t('listAdmin.skipped'), rows.skipped, false],
    [t('listAdmin.repeated'), rows.repeated, false],
    [t('listAdmin.damagedNik'), rows.damagedNik, rows.damagedNik > 0],
    [t('listAdmin.scientificNik'), rows.scientificNik, rows.scientificNik > 0],
  ];
  return (
    <div className="import-result" data-testid="import-result">
      <h3 className="admin__subtitle">{t('listAdmin.resultTitle', { list: report.list, edition: report.edition })}</h3>
      <dl className="stat-grid">
        {counts.map(([label, value, bad]) => (
          <div key={label} className={`stat-grid__item${bad ? ' stat-grid__item--bad' : ''}`} data-stat={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('id-ID')}</dd>
          </div>
        ))}
      </dl>
      {report.notices.length > 0 && (
        <ul className="import-result__notices" data-testid="import-notices">
          {report.notices.map((n) => (
            <li key={n.code} data-notice={n.code}>
              {say(noticeMessage(n))}
            </li>
          ))}
        </ul>
      )}
      {report.rejects.length > 0 && (
        <>
          <h4 className="admin__subtitle">{t('listAdmin.rejectsTitle')}</h4>
          <table className="data-table data-table--compact" data-testid="import-rejects">
            <thead>
              <tr>
                <th scope="col" className="data-table__num">{t('listAdmin.row')}</th>
                <th scope="col">{t('listAdmin.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejects.slice(0, SHOWN_REJECTS).map((r) => (
                <tr key={`${r.row}-${r.code}`} data-row={r.row}>
                  <td className="data-table__num">{r.row}</td>
                  {/* A reason may quote a cell: a NIK or card in it is masked, as in the rejects file. */}
                  <td>{maskIdentifiers(say(r))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.rejected > SHOWN_REJECTS && <p className="admin__note">{t('listAdmin.rejectsMore', { count: rows.rejected - SHOWN_REJECTS })}</p>}
        </>
      )}
      {(rows.rejected > 0 || rows.warnings > 0) && (
        <div className="admin__row">
          <button type="button" className="button" data-testid="rejects-download" onClick={() => void save()}>
            {t('listAdmin.downloadRejects')}
          </button>
        </div>
      )}
      {askPath && (
        <PathPrompt
          label={t('listAdmin.rejectsPath')}
          submitLabel={t('listAdmin.save')}
          initial={suggested}
          testId="rejects-path"
          onSubmit={(p) => void save(p)}
          onCancel={() => setAskPath(false)}
        />
      )}
      {status && (
        <Notice tone={status.tone} testId="rejects-status">
          {status.text}
        </Notice>
      )}
    </div>
  );
}
