import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/audit';
import { actionText, actorText, detailText } from '../../../../shared/audit-detail';
import { auditWording } from '../../../../shared/audit-wording';
import type { CounterSettingsView } from '../../../../shared/settings';
import { loket } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { useTableExport, type ExportFormat, type ExportRequest } from '../../hooks/use-table-export';
import { useLang } from '../../i18n';
import { formatLogTime } from '../../format-time';
import type { Translate } from '../hub/hub-notice-text';
import '../lists/admin.css';
import './audit.css';
import { NO_FILTERS, auditFileName, personProblem, verifySummary, type AuditFilters } from './audit-filters';
import { useAudit } from './use-audit';

/**
 * The audit trail for the data officer and the administrator: entries newest first with filters
 * (dates, action, clerk, a person's NIK or card), the chain check in words, and the export.
 */
export function AuditScreen({ settings, reload = 0 }: { settings: CounterSettingsView | null; reload?: number }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const lang = useLang();
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const audit = useAudit(filters, reload);
  const set = (change: Partial<AuditFilters>): void => setFilters((f) => ({ ...f, ...change }));
  const problem = personProblem(filters.person);
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';

  // The same wording as the export's (src/shared/audit-wording.ts): the file reads as the screen does.
  // Units the settings no longer have keep their names (formerUnits).
  const wording = useMemo(() => auditWording(lang, [...(settings?.units ?? []), ...(settings?.formerUnits ?? [])]), [lang, settings]);

  const write = useCallback(
    (request: ExportRequest<'audit'>, file: string) => loket.exportAudit({ from: filters.from, to: filters.to, format: request.format, file, lang }),
    [filters.from, filters.to, lang],
  );
  const done = useCallback((rows: number, file: string) => t('audit.exported', { rows, file }), [t]);
  const exporter = useTableExport(write, { done, failed: t('audit.exportFailed') });
  const canExport = filters.from !== '' && filters.to !== '';
  const doExport = (format: ExportFormat): void => void exporter.run({ key: 'audit', format, suggested: auditFileName(filters.from, filters.to, format) });

  const verified = audit.verify.result ? verifySummary(audit.verify.result) : null;

  return (
    <div className="admin" data-testid="audit-screen">
      <div className="admin__head">
        <h2 className="admin__title">{t('audit.title')}</h2>
        <span className="admin__row">
          <button type="button" className="button" data-testid="audit-verify" disabled={audit.verify.busy} onClick={() => void audit.runVerify()}>
            {audit.verify.busy ? t('audit.verifying') : t('audit.verify')}
          </button>
          <button type="button" className="button button--small" data-export="audit-csv" disabled={!canExport} title={canExport ? undefined : t('audit.exportNeedsDates')} onClick={() => doExport('csv')}>
            {t('audit.exportCsv')}
          </button>
          <button type="button" className="button button--small" data-export="audit-xlsx" disabled={!canExport} title={canExport ? undefined : t('audit.exportNeedsDates')} onClick={() => doExport('xlsx')}>
            {t('audit.exportXlsx')}
          </button>
        </span>
      </div>
      <p className="admin__lead">{t('audit.lead')}</p>
      {verified && (
        <Notice tone={verified.tone} testId="audit-verify-result">
          {tr(verified.key, { ...verified.params, reason: tr(`audit.reason.${String(verified.params.reason ?? 'hash')}`) })}
        </Notice>
      )}
      {audit.verify.error && <ErrorAlert title={t('audit.verifyFailed')} error={audit.verify.error} />}
      {exporter.asking && (
        <PathPrompt
          key={exporter.asking.format}
          label={t('audit.exportPath')}
          submitLabel={t('audit.save')}
          initial={exporter.asking.suggested}
          testId="audit-path"
          onSubmit={(p) => void exporter.run(exporter.asking!, p)}
          onCancel={exporter.cancel}
        />
      )}
      {exporter.status && (
        <Notice tone={exporter.status.tone} testId="audit-export-status">
          {exporter.status.text}
        </Notice>
      )}

      <div className="admin__row admin__toolbar" data-testid="audit-filters">
        <label className="field">
          <span className="field__label">{t('audit.from')}</span>
          <DateField className="field__input" data-testid="audit-from" noteClassName="field__note" value={filters.from} onChange={(iso) => set({ from: iso })} />
        </label>
        <label className="field">
          <span className="field__label">{t('audit.to')}</span>
          <DateField className="field__input" data-testid="audit-to" noteClassName="field__note" value={filters.to} onChange={(iso) => set({ to: iso })} />
        </label>
        <label className="field">
          <span className="field__label">{t('audit.action')}</span>
          <select className="field__input" data-testid="audit-action" value={filters.action} onChange={(e) => set({ action: e.target.value as AuditAction | '' })}>
            <option value="">{t('audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('audit.actor')}</span>
          <input className="field__input" data-testid="audit-actor" value={filters.actor} onChange={(e) => set({ actor: e.target.value })} size={12} />
        </label>
        <label className="field" title={t('audit.personHint')}>
          <span className="field__label">{t('audit.person')}</span>
          <input className="field__input" data-testid="audit-person" inputMode="numeric" value={filters.person} onChange={(e) => set({ person: e.target.value })} size={18} aria-invalid={problem !== null} />
        </label>
        {/* An empty label above it, so the button sits on the inputs' line whatever the font. */}
        <div className="field">
          <span className="field__label" aria-hidden="true">
            &nbsp;
          </span>
          <button type="button" className="button audit-filters__clear" onClick={() => setFilters(NO_FILTERS)}>
            {t('audit.clear')}
          </button>
        </div>
      </div>
      {problem && <Notice tone="bad">{t('audit.personInvalid')}</Notice>}
      {audit.error && <ErrorAlert title={t('audit.failed')} error={audit.error} />}

      {audit.entries.length === 0 ? (
        <p className="admin__empty" data-testid="audit-empty">
          {audit.loading ? t('audit.loading') : t('audit.empty')}
        </p>
      ) : (
        <table className="data-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col" className="data-table__num">{t('audit.colSeq')}</th>
              <th scope="col">{t('audit.colAt')}</th>
              <th scope="col">{t('audit.colActor')}</th>
              <th scope="col">{t('audit.colAction')}</th>
              <th scope="col">{t('audit.colSubject')}</th>
              <th scope="col">{t('audit.colDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.entries.map((e) => (
              <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                <td className="data-table__num">{e.seq}</td>
                <td className="audit-time">{formatLogTime(e.at, lang, timeZone)}</td>
                <td>{actorText(e.actor, wording)}</td>
                <td>{actionText(e.action, wording)}</td>
                <td>{e.subject ?? ''}</td>
                <td className="audit-detail">{detailText(e, wording)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.nextBefore !== null && (
        <button type="button" className="button" data-testid="audit-more" disabled={audit.loading} onClick={audit.more}>
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
