import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { PAYERS } from '../../../../shared/counter';
import type { EqualServiceReport, Recap, RegisterRow } from '../../../../shared/reports';
import type { CounterSettingsView } from '../../../../shared/settings';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { serviceToday } from '../../facility-today';
import { formatDate } from '../../format';
import { unitName } from '../../hooks/use-settings';
import { useTableExport, type ExportFormat, type ExportRequest } from '../../hooks/use-table-export';
import { useLang } from '../../i18n';
import { formatClock } from '../../format-time';
import '../slip/slip.css';
import '../lists/admin.css';
import { registerDateShown } from './register-date';
import { dayEntries, moveRange, rangeProblem, suggestedName, type ReportKind } from './report-range';
import { DateField } from '../../components/DateField';

interface Data {
  register: RegisterRow[];
  recap: Recap;
  equal: EqualServiceReport;
}

/** The recap's figures in the order shown: its words' key, the figure, the test id. */
const RECAP_FIGURES = [
  ['total', 'total', 'recap-total'],
  ['emergencies', 'emergencies', 'recap-emergencies'],
  ['cancelled', 'cancelled', 'recap-cancelled'],
  ['newVisits', 'newVisits', 'recap-new'],
  ['returningVisits', 'returningVisits', 'recap-returning'],
] as const satisfies readonly (readonly [string, keyof Recap, string])[];

/**
 * The register of a range of dates (the one place the payer is shown), the recap by unit,
 * payer, date and hour, and the equal-service report; each exported in the UI language.
 */
export function ReportsScreen({ settings, changes }: { settings: CounterSettingsView | null; changes: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const facilityZone = settings?.timeZone;
  // The service day (the day the visits are filed under), not the calendar of the zone just set.
  const todayRange = (): { from: string; to: string } => ({ from: serviceToday(settings), to: serviceToday(settings) });
  const [range, setRange] = useState(todayRange);
  // The settings arrive after the first render: open on the facility's day once its zone is known.
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current) setRange(todayRange());
  }, [facilityZone, settings?.runningDay?.until]);
  const { from, to } = range;
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const ticket = useRef(0);
  const timeZone = settings?.timeZone ?? 'Asia/Jakarta';
  const problem = rangeProblem(from, to);

  useEffect(() => {
    if (problem) return;
    const mine = ++ticket.current;
    void (async () => {
      const [register, recap, equal] = await Promise.all([
        loket.visitRegister({ from, to }),
        loket.recap({ from, to }),
        loket.equalServiceReport({ from, to }),
      ]);
      if (mine !== ticket.current) return;
      const failed = [register, recap, equal].find((r) => !r.ok);
      if (failed && !failed.ok) return setError(failed.error);
      if (register.ok && recap.ok && equal.ok) {
        setError(null);
        setData({ register: register.value, recap: recap.value, equal: equal.value });
      }
    })();
  }, [from, to, problem, changes]);

  const write = useCallback(
    (request: ExportRequest<ReportKind>, file: string) => loket.exportReport({ report: request.key, from, to, format: request.format, file, lang }),
    [from, to, lang],
  );
  const done = useCallback((rows: number, file: string) => t('reports.exported', { rows, file }), [t]);
  const { asking, status, run, cancel } = useTableExport(write, { done, failed: t('reports.exportFailed') });
  const doExport = (report: ReportKind, format: ExportFormat): void => void run({ key: report, format, suggested: suggestedName(report, from, to, format, lang) });

  const exportButtons = (report: ReportKind) => (
    <span className="admin__row">
      <button type="button" className="button button--small" data-export={`${report}-csv`} onClick={() => doExport(report, 'csv')}>
        {t('reports.exportCsv')}
      </button>
      <button type="button" className="button button--small" data-export={`${report}-xlsx`} onClick={() => doExport(report, 'xlsx')}>
        {t('reports.exportXlsx')}
      </button>
    </span>
  );

  return (
    <div className="admin" data-testid="reports-screen">
      <div className="admin__row admin__toolbar">
        <label className="field">
          <span className="field__label">{t('reports.from')}</span>
          <DateField className="field__input" data-testid="report-from" noteClassName="field__note" value={from} onChange={(iso) => {
              if (!iso) return;
              chosen.current = true;
              setRange((r) => moveRange(r, 'from', iso));
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('reports.to')}</span>
          <DateField className="field__input" data-testid="report-to" noteClassName="field__note" value={to} onChange={(iso) => {
              if (!iso) return;
              chosen.current = true;
              setRange((r) => moveRange(r, 'to', iso));
            }} />
        </label>
        <button type="button" className="button" onClick={() => setRange(todayRange())}>
          {t('reports.today')}
        </button>
        <strong className="admin__date" data-testid="report-range">
          {from === to ? formatDate(from, lang) : t('reports.range', { from: formatDate(from, lang), to: formatDate(to, lang) })}
        </strong>
        <span className="admin__note admin__push">{t('reports.keys')}</span>
      </div>
      {asking && (
        <PathPrompt
          key={`${asking.key}-${asking.format}`}
          label={t('reports.exportPath')}
          submitLabel={t('reports.save')}
          initial={asking.suggested}
          testId="report-path"
          onSubmit={(p) => void run(asking, p)}
          onCancel={cancel}
        />
      )}
      {status && (
        <Notice tone={status.tone} testId="report-status">
          {status.text}
        </Notice>
      )}
      {problem === 'reversed' && (
        <Notice tone="bad" testId="report-range-problem">
          {t('reports.badRange')}
        </Notice>
      )}
      {error && <ErrorAlert title={t('reports.failed')} error={error} />}
      {data && (
        <>
          <section className="admin__section">
            <div className="admin__head">
              <h2 className="admin__title">{t('reports.equalTitle')}</h2>
              {exportButtons('equal-service')}
            </div>
            <p className="admin__lead" data-testid="equal-note">
              {t('reports.equalNote')}
            </p>
            {data.equal.lines.length === 0 ? (
              <p className="admin__empty">{t('reports.equalEmpty')}</p>
            ) : (
              <table className="data-table" data-testid="equal-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.unit')}</th>
                    <th scope="col">{t('reports.payer')}</th>
                    <th scope="col" className="data-table__num">{t('reports.visits')}</th>
                    <th scope="col" className="data-table__num">{t('reports.median')}</th>
                    <th scope="col" className="data-table__num">{t('reports.p90')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.equal.lines.map((l) => (
                    <tr key={`${l.unit}-${l.payer}`} data-testid="equal-row" data-payer={l.payer} data-unit={l.unit}>
                      <td>{unitName(settings, l.unit)}</td>
                      <td>{t(`register.payer.${l.payer}`)}</td>
                      <td className="data-table__num">{l.visits}</td>
                      <td className="data-table__num">{l.medianWaitMinutes ?? t('reports.none')}</td>
                      <td className="data-table__num">{l.p90WaitMinutes ?? t('reports.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="admin__section" data-testid="recap">
            <div className="admin__head">
              <h2 className="admin__title">{from === to ? t('reports.recapTitle') : t('reports.recapRangeTitle')}</h2>
              {exportButtons('recap')}
            </div>
            <dl className="stat-grid">
              {RECAP_FIGURES.map(([key, figure, testId]) => (
                <div className="stat-grid__item" key={figure}>
                  <dt>{t(`reports.${key}`)}</dt>
                  <dd data-testid={testId}>{data.recap[figure]}</dd>
                </div>
              ))}
            </dl>
            <p className="admin__note" data-testid="recap-note">
              {t('reports.totalNote')}
            </p>
            <div className="recap-columns">
              <RecapList title={t('reports.byUnit')} entries={Object.entries(data.recap.byUnit).map(([u, n]) => [unitName(settings, u), n])} />
              <RecapList title={t('reports.byPayer')} entries={PAYERS.map((p) => [t(`register.payer.${p}`), data.recap.byPayer[p] ?? 0])} />
              {from !== to && <RecapList title={t('reports.byDay')} entries={dayEntries(data.recap.byDay).map(([d, n]) => [formatDate(d, lang) ?? d, n])} />}
              <RecapList
                title={t('reports.byHour')}
                entries={Object.entries(data.recap.byHour)
                  .sort(([a], [b]) => Number(a) - Number(b))
                  .map(([h, n]) => [t('reports.hour', { from: h.padStart(2, '0'), to: String(Number(h) + 1).padStart(2, '0') }), n])}
              />
            </div>
          </section>

          <section className="admin__section">
            <div className="admin__head">
              <h2 className="admin__title">{t('reports.registerTitle')}</h2>
              {exportButtons('register')}
            </div>
            {data.register.length === 0 ? (
              <p className="admin__empty">{t('reports.empty')}</p>
            ) : (
              <table className="data-table" data-testid="register-table">
                <thead>
                  <tr>
                    <th scope="col">{t('reports.time')}</th>
                    <th scope="col">{t('reports.queue')}</th>
                    <th scope="col">{t('reports.unit')}</th>
                    <th scope="col">{t('reports.name')}</th>
                    <th scope="col">{t('reports.mrn')}</th>
                    <th scope="col">{t('reports.kind')}</th>
                    <th scope="col">{t('reports.payer')}</th>
                    <th scope="col">{t('reports.status')}</th>
                    <th scope="col" className="data-table__num">{t('reports.wait')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.register.map((r) => (
                    <tr key={r.visitId} data-testid="register-row" data-queue={r.queue} data-payer={r.payer}>
                      <td>
                        {((came) => came !== null && `${formatDate(came, lang) ?? came} `)(registerDateShown(r, from, to, r.timeZone ?? timeZone))}
                        {formatClock(r.registeredAt, lang, r.timeZone ?? timeZone)}
                      </td>
                      <td className="data-table__strong">
                        {r.queue}
                        {r.emergency && <span className="badge badge--emergency">{t('queue.emergency')}</span>}
                      </td>
                      <td>{unitName(settings, r.unit)}</td>
                      <td>{r.name}</td>
                      <td>{r.mrn}</td>
                      <td data-testid="register-kind">{r.firstVisit === null ? '' : t(r.firstVisit ? 'reports.kindFirst' : 'reports.kindReturning')}</td>
                      <td data-testid="register-payer">{t(`register.payer.${r.payer}`)}</td>
                      <td data-testid="register-status">
                        {r.cancelledAt ? t('reports.cancelledAt', { time: formatClock(r.cancelledAt, lang, r.timeZone ?? timeZone) }) : t(`queue.statuses.${r.status}`)}
                      </td>
                      <td className="data-table__num">{r.waitMinutes ?? t('reports.none')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function RecapList({ title, entries }: { title: string; entries: [string, number][] }) {
  const { t } = useTranslation();
  return (
    <div className="recap-list">
      <h3 className="admin__subtitle">{title}</h3>
      {entries.length === 0 ? (
        <p className="admin__empty">{t('reports.none')}</p>
      ) : (
        <table className="data-table data-table--compact">
          <tbody>
            {entries.map(([label, n]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="data-table__num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
