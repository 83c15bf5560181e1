import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecheckRow } from '../../../../shared/bpjs';
import type { ContractError } from '../../../../shared/contract';
import type { Verdict } from '../../../../shared/lookup';
import type { CounterSettings } from '../../../../shared/settings';
import { statusReasonMessage } from '../../../../shared/status-reason';
import { loket } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, todayIso } from '../../format';
import { unitName } from '../../hooks/use-settings';
import { useLang } from '../../i18n';
import { useCoreMessage } from '../../i18n/core-words';

/** The last 7 local days, today included. */
function sevenDaysFrom(today: string): string {
  const [y, m, d] = today.split('-').map(Number);
  const from = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 6));
  return from.toISOString().slice(0, 10);
}

/**
 * "Hasil cek ulang BPJS": visits registered on the lists only, asked of BPJS later. By default
 * only the ones whose answer changed: those are what a clerk may have to act on. Hidden while
 * BPJS is not set up (`bpjsOff`) and there is none.
 */
export function Reconciliation({ settings, reload, bpjsOff = false }: { settings: CounterSettings | null; reload: string; bpjsOff?: boolean }) {
  const { t } = useTranslation();
  const say = useCoreMessage();
  /** BPJS's answer as stored ("AKTIF", "TIDAK AKTIF: <reason>") in the screen's language; anything else as it is. */
  const liveStatusText = (stored: string): string => {
    if (stored === 'AKTIF') return t('verdict.eligible');
    const inactive = /^TIDAK AKTIF(?:: (.+))?$/.exec(stored);
    if (!inactive) return stored;
    return inactive[1] ? `${t('verdict.notEligible')}: ${say(statusReasonMessage(inactive[1]))}` : t('verdict.notEligible');
  };
  const lang = useLang();
  const [all, setAll] = useState(false);
  const [rows, setRows] = useState<RecheckRow[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    const mine = ++ticket.current;
    const to = todayIso();
    void loket.reconciliation({ from: sevenDaysFrom(to), to, changedOnly: !all }).then((result) => {
      if (mine !== ticket.current) return;
      if (result.ok) {
        setRows(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, [all, reload]);

  const verdictWord = (v: Verdict | null): string => t(`reconciliation.verdicts.${v ?? 'none'}`);
  // BPJS not set up and nothing changed to show: the section would only take the clerk's screen.
  if (bpjsOff && !all && rows !== null && rows.length === 0 && !error) return null;

  return (
    <section className="reconciliation" data-testid="reconciliation" aria-labelledby="reconciliation-title">
      <div className="reconciliation__head">
        <h2 className="reconciliation__title" id="reconciliation-title">
          {t('reconciliation.title')}
        </h2>
        <label className="reconciliation__toggle">
          <input type="checkbox" data-testid="reconciliation-all" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('reconciliation.showAll')}
        </label>
      </div>
      <p className="reconciliation__lead">{t('reconciliation.lead')}</p>
      {error && <ErrorAlert title={t('reconciliation.failed')} error={error} />}
      {rows && rows.length === 0 && <p className="followups__empty">{all ? t('reconciliation.emptyAll') : t('reconciliation.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table reconciliation__table">
          <thead>
            <tr>
              <th scope="col">{t('reconciliation.patient')}</th>
              <th scope="col">{t('reconciliation.visit')}</th>
              <th scope="col">{t('reconciliation.answer')}</th>
              <th scope="col">{t('reconciliation.liveStatus')}</th>
              <th scope="col">{t('reconciliation.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                data-testid="recheck-row"
                data-changed={r.changed}
                data-before={r.before ?? 'none'}
                data-after={r.after}
                data-action={r.action}
                className={r.changed ? 'recheck-row--changed' : undefined}
              >
                <td>
                  <strong>{r.patient.name}</strong>
                  <span className="followup__sub">
                    {t('register.mrn')} {r.patient.mrn}
                  </span>
                </td>
                <td>
                  {formatDate(r.visit.serviceDate, lang)}
                  <span className="followup__sub">{t('followUps.visit', { queue: r.visit.queue, unit: unitName(settings, r.visit.unit) })}</span>
                </td>
                <td className="reconciliation__answer">
                  <span className={`verdict-word verdict-word--${r.before ?? 'none'}`}>{verdictWord(r.before)}</span>
                  {' → '}
                  <span className={`verdict-word verdict-word--${r.after}`}>{verdictWord(r.after)}</span>
                </td>
                <td>{r.liveStatus ? liveStatusText(r.liveStatus) : t('reconciliation.liveUnknown')}</td>
                <td className="reconciliation__action">
                  {r.action === 'payer-jkn' ? t('reconciliation.actions.payer-jkn') : r.changed ? t('reconciliation.actions.decide') : t('reconciliation.actions.unchanged')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
