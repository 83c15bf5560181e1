import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_KINDS, type ListKind, type ListSummary } from '../../../../shared/lists';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { ImportResult } from './ImportResult';
import { MappingPanel } from './MappingPanel';
import { SAME_AS_CURRENT, SameFileNotice } from './SameFileNotice';
import { useListImport, type ListImport } from './use-list-import';
import { useImportFocus } from './use-import-focus';
import { DateField } from '../../components/DateField';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';

/** The note on a date in the file the import would refuse; the date field points at it. */
const AHEAD_NOTE = 'list-asof-ahead';

/** Choosing a list file, checking its columns and as-of date, and importing it as a new edition. */
export function ImportSection({ lists }: { lists: ListSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const flow = useListImport(lists);
  const [askPath, setAskPath] = useState(false);
  const { choose: chooseList } = flow;
  const failureBox = useRef<HTMLDivElement>(null);
  const outcomeBox = useRef<HTMLDivElement>(null);
  const focus = useImportFocus({ previewOf: flow.preview ? (flow.file?.handle ?? null) : null });

  // Impor is pressed at the bottom of a long preview: its outcome (the report, the same-file note,
  // a failure shown above the preview) is brought into view, else the officer at 1024x768 sees nothing happen.
  useEffect(() => {
    const box = flow.report || flow.failure?.error.code === SAME_AS_CURRENT ? outcomeBox.current : flow.failure ? failureBox.current : null;
    box?.scrollIntoView({ block: 'nearest' });
  }, [flow.report, flow.failure]);

  // typed: a path from the harness's path field; without it, the dialog (or, in the harness, the field).
  const choose = useCallback(
    async (typed?: string) => {
      setAskPath(false);
      if ((await chooseList(typed)) === 'ask') setAskPath(true);
    },
    [chooseList],
  );

  const onName = (value: string): void => {
    flow.setName(value);
    const existing = lists.find((l) => l.name === value.trim());
    if (existing) flow.setKind(existing.kind);
  };

  return (
    <section className="admin__section" data-testid="list-import">
      <h2 className="admin__title">{t('listAdmin.importTitle')}</h2>
      <div className="admin__grid">
        <div className="field field--wide">
          <span className="field__label">{t('listAdmin.file')}</span>
          <div className="admin__row">
            <button ref={focus.chooseRef} type="button" className="button" data-testid="list-choose-file" onClick={() => void choose()}>
              {t('listAdmin.chooseFile')}
            </button>
            <span className="admin__path" data-testid="list-file">
              {flow.file?.name ?? t('listAdmin.noFile')}
            </span>
          </div>
        </div>
        {askPath && (
          <div className="field--wide">
            <PathPrompt label={t('listAdmin.filePath')} submitLabel={t('listAdmin.useFile')} testId="list-file-path" onSubmit={(p) => void choose(p)} onCancel={() => setAskPath(false)} />
          </div>
        )}
        <label className="field">
          <span className="field__label">{t('listAdmin.listName')}</span>
          <input ref={focus.nameRef} className="field__input" data-testid="list-name" list="list-names" value={flow.name} onChange={(e) => onName(e.target.value)} onKeyDown={focus.onFieldKey} />
          <datalist id="list-names">
            {lists.map((l) => (
              <option key={l.name} value={l.name} />
            ))}
          </datalist>
          <span className="field__note">{t('listAdmin.listNameNote')}</span>
        </label>
        <label className="field">
          <span className="field__label">{t('listAdmin.kindLabel')}</span>
          <select className="field__input" data-testid="list-kind" value={flow.kind} onChange={(e) => flow.setKind(e.target.value as ListKind)} onKeyDown={focus.onFieldKey}>
            {LIST_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`listKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('listAdmin.asOfLabel')}</span>
          <DateField
            className="field__input"
            data-testid="list-asof"
            noteClassName="field__note"
            value={flow.asOf}
            onChange={(iso) => flow.setAsOf(iso)}
            onKeyDown={focus.onFieldKey}
            {...(flow.asOfAhead ? { 'aria-describedby': AHEAD_NOTE } : {})}
          />
          {flow.asOfSuggested && (
            <span className="field__note" data-testid="list-asof-source" data-source={flow.asOfSuggested.source}>
              {t(`listAdmin.asOfFrom.${flow.asOfSuggested.source}`, { text: flow.asOfSuggested.text })}
            </span>
          )}
        </label>
        {/* Said until the import is done: afterwards the report says which date was used. */}
        {flow.asOfAhead && !flow.report && (
          <p className="admin__note admin__note--warn field--wide" id={AHEAD_NOTE} data-testid="list-asof-ahead" data-source={flow.asOfAhead.source}>
            {t('listAdmin.asOfAheadNote', {
              date: formatDate(flow.asOfAhead.date, lang),
              source: t(`listAdmin.asOfSource.${flow.asOfAhead.source}`, { text: flow.asOfAhead.text }),
              limit: formatDate(flow.preview?.asOfLimit ?? null, lang),
            })}
          </p>
        )}
      </div>

      {flow.reading && <p className="admin__empty">{t('listAdmin.reading')}</p>}
      <div ref={failureBox} className="list-import__outcome">
        {flow.failure && flow.failure.error.code !== SAME_AS_CURRENT && <ErrorAlert title={flow.failure.stage === 'inspect' ? t('listAdmin.inspectFailed') : t('listAdmin.importFailed')} error={flow.failure.error} />}
      </div>

      {flow.preview && (
        <div className="list-preview" data-testid="list-preview" data-recognized={flow.preview.recognized}>
          <MappingPanel flow={flow} />
          <ImportActions flow={flow} runRef={focus.runRef} />
        </div>
      )}

      <div ref={outcomeBox} className="list-import__outcome">
        {flow.report && <ImportResult report={flow.report} />}
        {/* Where the result would be: the officer looks there after Impor. */}
        {flow.failure?.error.code === SAME_AS_CURRENT && <SameFileNotice error={flow.failure.error} />}
      </div>
      {flow.caution && (
        <ConfirmDialog
          title={flow.caution.list ? t('listAdmin.cautionTitle', { list: flow.caution.list }) : t('listAdmin.cautionDateTitle', { asOf: formatDate(flow.asOf, lang) })}
          message={[
            flow.caution.fileDate ? t('listAdmin.cautionFileDate', { asOf: formatDate(flow.asOf, lang), fileDate: formatDate(flow.caution.fileDate, lang) }) : '',
            flow.caution.olderThan ? t('listAdmin.cautionOlder', { asOf: formatDate(flow.asOf, lang), current: formatDate(flow.caution.olderThan, lang) }) : '',
            flow.caution.kindFrom ? t('listAdmin.cautionKind', { from: t(`listKind.${flow.caution.kindFrom}`), to: t(`listKind.${flow.kind}`) }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
          confirmLabel={t('listAdmin.cautionConfirm')}
          cancelLabel={t('listAdmin.cautionCancel')}
          keysHint={t('listAdmin.cautionKeys')}
          initialFocus="cancel"
          onConfirm={() => void flow.run(true)}
          onCancel={flow.cancelCaution}
        />
      )}
      {flow.twin && (
        <ConfirmDialog
          title={t('listAdmin.twinTitle', { other: flow.twin.other })}
          message={t('listAdmin.twinBody', { other: flow.twin.other, edition: flow.twin.edition, asOf: formatDate(flow.twin.asOf, lang), list: flow.name.trim() })}
          confirmLabel={t('listAdmin.twinConfirm', { list: flow.name.trim() })}
          cancelLabel={t('listAdmin.cautionCancel')}
          keysHint={t('listAdmin.cautionKeys')}
          initialFocus="cancel"
          onConfirm={() => void flow.run(true, true)}
          onCancel={flow.cancelTwin}
        />
      )}
    </section>
  );
}

function ImportActions({ flow, runRef }: { flow: ListImport; runRef: RefObject<HTMLButtonElement | null> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { importing, progress, report } = flow;
  const percent = importing ? (progress?.percent ?? 0) : report ? 100 : 0;
  return (
    <div className="admin__row admin__row--actions">
      <button ref={runRef} type="button" className="button button--primary button--big" data-testid="list-import-run" disabled={importing} aria-busy={importing} onClick={() => void flow.run()}>
        {importing ? t('listAdmin.importing') : t('listAdmin.import')}
      </button>
      {(importing || report) && (
        <div className="progress" data-testid="list-progress">
          <div className="progress__bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="progress__fill" style={{ width: `${percent}%` }} />
          </div>
          {progress && progress.phase === 'waiting' && (
            <span className="progress__text" data-testid="list-waiting">
              {progress.waitingFor ? t('listAdmin.waitingFor', { list: progress.waitingFor }) : t('listAdmin.waitingForAnother')}
            </span>
          )}
          {progress && progress.phase !== 'waiting' && (
            <span className="progress__text">
              {t('listAdmin.progressRows', { phase: t(`listAdmin.phases.${progress.phase}`), rows: progress.rowsRead, percent: Math.round(percent) })}
            </span>
          )}
        </div>
      )}
      {flow.block && <Notice tone="bad">{t(`listAdmin.${flow.block}`, { limit: formatDate(flow.preview?.asOfLimit ?? null, lang) })}</Notice>}
    </div>
  );
}
