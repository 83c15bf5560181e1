import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { LIST_FIELDS, LIST_KINDS, type ImportProgress, type ImportReport, type ListFieldName, type ListKind, type ListPreview, type ListSummary } from '../../../../shared/lists';
import { loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice, PathPrompt, pickPath } from '../../components/PathPrompt';
import { formatDate, todayIso } from '../../format';
import { LISTS_CHANGED, type ListsState } from '../../hooks/use-lists';
import { useLang } from '../../i18n';
import '../slip/slip.css';
import './admin.css';

type Mapping = Partial<Record<ListFieldName, string>>;
const SAMPLE_ROWS = 5;
const SHOWN_REJECTS = 10;

const listsChanged = (): void => void window.dispatchEvent(new Event(LISTS_CHANGED));

/** The stored member lists (edition, age, rollback) and the import of a new edition. */
export function ListsScreen({ lists }: { lists: ListsState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rollback, setRollback] = useState<ListSummary | null>(null);
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
                <th scope="col"><span className="visually-hidden">{t('listAdmin.rollback')}</span></th>
              </tr>
            </thead>
            <tbody>
              {current.map((l) => (
                <tr key={l.name} data-testid="list-row" data-list={l.name} data-edition={l.edition}>
                  <td className="data-table__strong">{l.name}</td>
                  <td>{t(`listKind.${l.kind}`)}</td>
                  <td className="data-table__num">{l.edition}</td>
                  <td>{formatDate(l.asOf, lang)}</td>
                  <td className="data-table__num">{l.members.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}</td>
                  <td>
                    {t('listAdmin.ageDays', { count: l.ageDays })}
                    {l.stale && (
                      <span className="badge badge--stale" title={t('listAdmin.staleTitle')}>
                        {t('listAdmin.stale')}
                      </span>
                    )}
                  </td>
                  <td>{l.previousEdition !== null ? t('listAdmin.previousEdition', { edition: l.previousEdition }) : t('listAdmin.none')}</td>
                  <td className="data-table__actions">
                    {l.previousEdition !== null && (
                      <button type="button" className="button button--small" data-action="rollback" onClick={() => setRollback(l)}>
                        {t('listAdmin.rollback')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {notice && (
          <Notice tone="ok" testId="lists-notice">
            {notice}
          </Notice>
        )}
        {error && <ErrorAlert title={error.title} error={error.error} />}
      </section>
      <ImportSection lists={current} />
      {rollback && (
        <ConfirmDialog
          title={t('listAdmin.rollbackTitle')}
          message={t('listAdmin.rollbackMessage', { list: rollback.name, previous: rollback.previousEdition ?? '', edition: rollback.edition })}
          confirmLabel={t('listAdmin.rollbackConfirm')}
          cancelLabel={t('listAdmin.rollbackCancel')}
          keysHint={t('listAdmin.rollbackKeys')}
          onConfirm={() => void doRollback(rollback)}
          onCancel={() => setRollback(null)}
        />
      )}
    </div>
  );
}

function ImportSection({ lists }: { lists: ListSummary[] }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string | null>(null);
  const [askPath, setAskPath] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ListKind>('pbi-apbd');
  const [asOf, setAsOf] = useState(() => todayIso());
  const [preview, setPreview] = useState<ListPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [reading, setReading] = useState(false);
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<{ title: string; error: ContractError } | null>(null);
  const [hint, setHint] = useState<string | null>(null);

  const inspect = useCallback(
    async (file: string) => {
      setPath(file);
      setAskPath(false);
      setPreview(null);
      setReport(null);
      setError(null);
      setReading(true);
      const result = await loket.inspectListFile({ path: file });
      setReading(false);
      if (!result.ok) return setError({ title: t('listAdmin.inspectFailed'), error: result.error });
      setPreview(result.value);
      setMapping(result.value.mapping);
    },
    [t],
  );

  const choose = useCallback(async () => {
    const picked = await pickPath('open-list');
    if (picked === 'ask') setAskPath(true);
    else await inspect(picked);
  }, [inspect]);

  const onName = (value: string): void => {
    setName(value);
    const existing = lists.find((l) => l.name === value.trim());
    if (existing) setKind(existing.kind);
  };

  useEffect(() => {
    if (!importing) return;
    return loket.on('importProgress', (p) => {
      if (p.list === name.trim()) setProgress(p);
    });
  }, [importing, name]);

  const runImport = useCallback(async () => {
    if (!path || !preview) return;
    if (!name.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return setHint(t('listAdmin.needFields'));
    setHint(null);
    setError(null);
    setReport(null);
    setProgress(null);
    setImporting(true);
    const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Mapping;
    const result = await loket.importList({ path, list: name.trim(), kind, asOf, mapping: clean });
    setImporting(false);
    if (!result.ok) return setError({ title: t('listAdmin.importFailed'), error: result.error });
    setReport(result.value);
    listsChanged();
  }, [path, preview, name, asOf, kind, mapping, t]);

  const percent = importing ? (progress?.percent ?? 0) : report ? 100 : 0;
  return (
    <section className="admin__section" data-testid="list-import">
      <h2 className="admin__title">{t('listAdmin.importTitle')}</h2>
      <div className="admin__grid">
        <div className="field field--wide">
          <span className="field__label">{t('listAdmin.file')}</span>
          <div className="admin__row">
            <button type="button" className="button" data-testid="list-choose-file" onClick={() => void choose()}>
              {t('listAdmin.chooseFile')}
            </button>
            <span className="admin__path" data-testid="list-file">
              {path ?? t('listAdmin.noFile')}
            </span>
          </div>
        </div>
        {askPath && (
          <div className="field--wide">
            <PathPrompt
              label={t('listAdmin.filePath')}
              submitLabel={t('listAdmin.useFile')}
              testId="list-file-path"
              onSubmit={(p) => void inspect(p)}
              onCancel={() => setAskPath(false)}
            />
          </div>
        )}
        <label className="field">
          <span className="field__label">{t('listAdmin.listName')}</span>
          <input className="field__input" data-testid="list-name" list="list-names" value={name} onChange={(e) => onName(e.target.value)} />
          <datalist id="list-names">
            {lists.map((l) => (
              <option key={l.name} value={l.name} />
            ))}
          </datalist>
          <span className="field__note">{t('listAdmin.listNameNote')}</span>
        </label>
        <label className="field">
          <span className="field__label">{t('listAdmin.kindLabel')}</span>
          <select className="field__input" data-testid="list-kind" value={kind} onChange={(e) => setKind(e.target.value as ListKind)}>
            {LIST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`listKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('listAdmin.asOfLabel')}</span>
          <input className="field__input" type="date" data-testid="list-asof" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
      </div>

      {reading && <p className="admin__empty">{t('listAdmin.reading')}</p>}
      {error && <ErrorAlert title={error.title} error={error.error} />}

      {preview && (
        <div className="list-preview" data-testid="list-preview">
          <h3 className="admin__subtitle">{t('listAdmin.mappingTitle')}</h3>
          <p className="admin__note">
            {t('listAdmin.fileInfo', { file: preview.file, format: preview.format.toUpperCase(), row: preview.headerRow })} · {t('listAdmin.mappingNote')}
          </p>
          <div className="mapping-grid" data-testid="list-mapping">
            {LIST_FIELDS.map((field) => (
              <label key={field} className={`mapping-grid__item${mapping[field] ? ' mapping-grid__item--set' : ''}`}>
                <span className="mapping-grid__field">{t(`listAdmin.fields.${field}`)}</span>
                <select
                  className="field__input mapping-grid__select"
                  data-field={field}
                  value={mapping[field] ?? ''}
                  onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value || undefined }))}
                >
                  <option value="">{t('listAdmin.notMapped')}</option>
                  {preview.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <h3 className="admin__subtitle">{t('listAdmin.sampleTitle')}</h3>
          <div className="admin__scroll">
            <table className="data-table data-table--compact" data-testid="list-sample">
              <thead>
                <tr>
                  {preview.headers.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.slice(0, SAMPLE_ROWS).map((row, i) => (
                  <tr key={i}>
                    {preview.headers.map((h, j) => (
                      <td key={h}>{row[j] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="admin__row admin__row--actions">
            <button type="button" className="button button--primary button--big" data-testid="list-import-run" disabled={importing} aria-busy={importing} onClick={() => void runImport()}>
              {importing ? t('listAdmin.importing') : t('listAdmin.import')}
            </button>
            {(importing || report) && (
              <div className="progress" data-testid="list-progress">
                <div className="progress__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
                  <div className="progress__fill" style={{ width: `${percent}%` }} />
                </div>
                {progress && (
                  <span className="progress__text">
                    {t('listAdmin.progressRows', { phase: t(`listAdmin.phases.${progress.phase}`), rows: progress.rowsRead, percent: Math.round(percent) })}
                  </span>
                )}
              </div>
            )}
            {hint && <Notice tone="bad">{hint}</Notice>}
          </div>
        </div>
      )}

      {report && <ImportResult report={report} />}
    </section>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const [askPath, setAskPath] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);
  const suggested = `ditolak-${report.list.replace(/[^\w-]+/g, '-').toLowerCase()}-edisi-${report.edition}.csv`;

  const save = useCallback(
    async (path?: string) => {
      setStatus(null);
      const target = path ?? (await pickPath('save-csv', suggested));
      if (target === 'ask') return setAskPath(true);
      setAskPath(false);
      const result = await loket.exportImportIssues({ list: report.list, path: target });
      if (result.ok) setStatus({ tone: 'ok', text: t('listAdmin.exported', { rows: result.value.rows, path: result.value.path }) });
      else setStatus({ tone: 'bad', text: `${t('listAdmin.exportFailed')}: ${result.error.message}` });
    },
    [report.list, suggested, t],
  );

  const counts: [string, number, boolean][] = [
    [t('listAdmin.read'), report.rows.read, false],
    [t('listAdmin.imported'), report.rows.imported, false],
    [t('listAdmin.rejected'), report.rows.rejected, report.rows.rejected > 0],
    [t('listAdmin.warnings'), report.rows.warnings, false],
    [t('listAdmin.skipped'), report.rows.skipped, false],
    [t('listAdmin.damagedNik'), report.rows.damagedNik, report.rows.damagedNik > 0],
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
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.rows.rejected > SHOWN_REJECTS && <p className="admin__note">{t('listAdmin.rejectsMore', { count: report.rows.rejected - SHOWN_REJECTS })}</p>}
        </>
      )}
      {(report.rows.rejected > 0 || report.rows.warnings > 0) && (
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
