import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeLogEntry } from '../../../../shared/bpjs';
import type { ContractError } from '../../../../shared/contract';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { todayIso } from '../../format';
import { formatLogTime } from '../../format-time';
import { useTableExport, type ExportFormat, type ExportRequest } from '../../hooks/use-table-export';
import { useLang } from '../../i18n';

const LIMIT = 100;
const OUTCOMES = ['ok', 'not-found', 'offline', 'timeout', 'credentials', 'clock', 'service-down', 'bad-response', 'breaker-open'] as const;
type Outcome = (typeof OUTCOMES)[number];
const isKnown = (o: string): o is Outcome => (OUTCOMES as readonly string[]).includes(o);

/** The latest calls to BPJS for the IT officer: when, where, how long, what came back. Identifiers are masked by the core. */
export function BridgeLog({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rows, setRows] = useState<BridgeLogEntry[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const load = useCallback(async () => {
    const result = await loket.bridgeLog({ limit: LIMIT });
    if (result.ok) {
      setRows(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The export speaks the screen's language (status words, local times), whatever another window chose.
  const write = useCallback((request: ExportRequest<'bridge'>, file: string) => loket.exportBridgeLog({ file, format: request.format, lang }), [lang]);
  const done = useCallback((rows: number, file: string) => t('bridgeLog.exported', { rows, file }), [t]);
  const { asking, status, run, cancel } = useTableExport(write, { done, failed: t('bridgeLog.exportFailed') });
  const doExport = (format: ExportFormat): void => void run({ key: 'bridge', format, suggested: `log-bridging-bpjs-${todayIso()}.${format}` });

  return (
    <div className="admin" data-testid="bridge-log">
      <section className="admin__section">
        <div className="admin__head">
          <h2 className="admin__title">{t('bridgeLog.title')}</h2>
          <span className="admin__row">
            <button type="button" className="button button--small" data-testid="bridge-log-refresh" onClick={() => void load()}>
              {t('bridgeLog.refresh')}
            </button>
            <button type="button" className="button button--small" data-export="bridge-csv" onClick={() => doExport('csv')}>
              {t('bridgeLog.exportCsv')}
            </button>
            <button type="button" className="button button--small" data-export="bridge-xlsx" onClick={() => doExport('xlsx')}>
              {t('bridgeLog.exportXlsx')}
            </button>
          </span>
        </div>
        <p className="admin__note">{t('bridgeLog.lead')}</p>
        {asking && (
          <PathPrompt
            key={asking.format}
            label={t('bridgeLog.exportPath')}
            submitLabel={t('bridgeLog.save')}
            initial={asking.suggested}
            testId="bridge-log-path"
            onSubmit={(p) => void run(asking, p)}
            onCancel={cancel}
          />
        )}
        {status && (
          <Notice tone={status.tone} testId="bridge-log-status">
            {status.text}
          </Notice>
        )}
        {error && <ErrorAlert title={t('bridgeLog.failed')} error={error} />}
        {rows && rows.length === 0 && <p className="admin__empty">{t('bridgeLog.empty')}</p>}
        {rows && rows.length > 0 && (
          <div className="admin__scroll">
            <table className="data-table" data-testid="bridge-log-table">
              <thead>
                <tr>
                  <th scope="col">{t('bridgeLog.at')}</th>
                  <th scope="col">{t('bridgeLog.service')}</th>
                  <th scope="col">{t('bridgeLog.endpoint')}</th>
                  <th scope="col" className="data-table__num">
                    {t('bridgeLog.duration')}
                  </th>
                  <th scope="col">{t('bridgeLog.outcome')}</th>
                  <th scope="col">{t('bridgeLog.metaCode')}</th>
                  <th scope="col" className="data-table__num">
                    {t('bridgeLog.retries')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="bridge-row" data-outcome={r.outcome}>
                    <td>{formatLogTime(r.at, lang, timeZone)}</td>
                    <td>{t(`service.${r.service}`)}</td>
                    <td className="bridge-log__endpoint">{r.endpoint}</td>
                    <td className="data-table__num">{r.durationMs.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID')}</td>
                    <td className={`bridge-log__outcome--${r.outcome === 'ok' || r.outcome === 'not-found' ? 'ok' : 'bad'}`}>
                      {isKnown(r.outcome) ? t(`bridgeLog.outcomes.${r.outcome}`) : r.outcome}
                    </td>
                    <td>{r.metaCode ?? '–'}</td>
                    <td className="data-table__num">{r.retries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
