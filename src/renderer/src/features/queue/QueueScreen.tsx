import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { QueueEntry, VisitStatus } from '../../../../shared/counter';
import { isoDateInZone } from '../../../../shared/dates';
import type { CounterSettings } from '../../../../shared/settings';
import { loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useUndo } from '../../components/UndoToast';
import { useLetterKeys } from '../../components/use-letter-keys';
import { currentLang } from '../../i18n';
import { errorTextNow } from '../../i18n/core-words';
import './queue.css';

/** The queue is shared by every counter window: reload this often. */
const REFRESH_MS = 4000;

interface Props {
  settings: CounterSettings | null;
  /** Bumped by the app after a registration or emergency: reload now. */
  changes: number;
  /** A dialog over the screen has the keys. */
  paused: boolean;
  /** The hub's last round that got through: other counters' visits may have arrived, reload now (no polling of its own). */
  hubSynced?: string | null;
}

/**
 * Today's queue of one unit: number, name, record number, status, waiting time. Payer is
 * deliberately absent (DOMAIN.md section 2): it is recorded for claims, never shown here.
 */
export function QueueScreen({ settings, changes, paused, hubSynced = null }: Props) {
  const { t } = useTranslation();
  const units = settings?.units ?? [];
  const [unit, setUnit] = useState<string | null>(null);
  const [entries, setEntries] = useState<QueueEntry[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The visit whose cancellation waits for the clerk's answer ("Batal" always asks first). */
  const [cancelling, setCancelling] = useState<QueueEntry | null>(null);
  const current = unit ?? units[0]?.code ?? null;
  const ticket = useRef(0);

  const load = useCallback(async () => {
    if (!current) return;
    const mine = ++ticket.current;
    const result = await loket.dayQueue({ unit: current });
    if (mine !== ticket.current) return;
    if (result.ok) {
      setEntries(result.value);
      setError(null);
    } else setError(result.error);
  }, [current]);

  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(id);
  }, [load, changes, hubSynced]);

  const selectedEntry = entries?.find((e) => e.visitId === selected) ?? null;

  const undo = useUndo(
    'queue',
    useCallback(
      (message: string) => {
        setNotice(message);
        void load();
      },
      [load],
    ),
    paused || cancelling !== null,
  );

  /** Calling changes the visit too: it says who, and Undo puts the patient back to waiting (not there after all, wrong unit). */
  const callNext = useCallback(async () => {
    if (!current) return;
    setActionError(null);
    const result = await loket.callNext({ unit: current });
    if (!result.ok) return setActionError(result.error);
    const called = result.value;
    if (called) {
      const who = { queue: called.queue, name: called.patient.name };
      setSelected(called.visitId);
      // A number two patients hold (printed before a counter enrolled): the name is what tells them apart.
      setNotice(t(called.sameNumber ? 'queue.calledSameNumber' : 'queue.called', who));
      undo.offer(t('queue.calledDone', who), async () => {
        const back = await loket.setVisitStatus({ visitId: called.visitId, status: 'waiting' });
        if (!back.ok) throw new Error(t('undo.failed', { reason: errorTextNow(back.error) }));
        return t('queue.undone', { ...who, status: t('queue.statuses.waiting') });
      });
    } else setNotice(t('queue.noneWaiting'));
    await load();
  }, [current, load, t, undo.offer]);

  const reprint = useCallback(
    async (visitId: number, queue: string) => {
      setActionError(null);
      const result = await loket.printSlip({ visitId, reprint: true, lang: currentLang() });
      if (result.ok) setNotice(t('queue.reprinted', { queue }));
      else if (result.error.code === 'print/unavailable') setNotice(errorTextNow(result.error));
      else setActionError(result.error);
    },
    [t],
  );

  /** Selesai acts at once and says so, with Undo for a few seconds (back to the status it had). */
  const serve = useCallback(
    async (entry: QueueEntry) => {
      setActionError(null);
      const before: VisitStatus = entry.status;
      const result = await loket.setVisitStatus({ visitId: entry.visitId, status: 'served' });
      if (!result.ok) setActionError(result.error);
      else {
        const who = { queue: entry.queue, name: entry.patient.name };
        setNotice(null);
        undo.offer(t('queue.servedDone', who), async () => {
          const back = await loket.setVisitStatus({ visitId: entry.visitId, status: before });
          if (!back.ok) throw new Error(t('undo.failed', { reason: errorTextNow(back.error) }));
          return t('queue.undone', { ...who, status: t(`queue.statuses.${before}`) });
        });
      }
      await load();
    },
    [load, t, undo.offer],
  );

  /** Batal only after "Ya" in the question (the focus starts on "Tidak"); then it says what it did. */
  const cancelVisit = useCallback(
    async (entry: QueueEntry) => {
      setCancelling(null);
      setActionError(null);
      const result = await loket.setVisitStatus({ visitId: entry.visitId, status: 'cancelled' });
      if (!result.ok) setActionError(result.error);
      else setNotice(t('queue.cancelledDone', { queue: entry.queue, name: entry.patient.name }));
      await load();
    },
    [load, t],
  );

  const letters = useLetterKeys(paused || cancelling !== null);
  const pressLetter = letters.press;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (paused || cancelling || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
      const key = event.key.toLowerCase();
      // 1–9 pick a unit tab: they only show another list, so they act at once.
      const u = /^[1-9]$/.test(key) ? units[Number(key) - 1] : undefined;
      if (u) {
        event.preventDefault();
        setUnit(u.code);
        setSelected(null);
        setNotice(null);
      } else if ((key === 'arrowdown' || key === 'arrowup') && entries && entries.length > 0) {
        event.preventDefault();
        const at = entries.findIndex((e) => e.visitId === selected);
        const next = key === 'arrowdown' ? Math.min(at + 1, entries.length - 1) : Math.max(at - 1, 0);
        setSelected(entries[next]?.visitId ?? null);
      } else {
        // P, S and B change a visit (or ask to): only when pressed alone, never as typing
        // (use-letter-keys.ts), and on the row selected when the key went down.
        const open = selectedEntry && (selectedEntry.status === 'waiting' || selectedEntry.status === 'called') ? selectedEntry : null;
        const run =
          key === 'p' ? () => void callNext() : key === 's' && open ? () => void serve(open) : key === 'b' && open ? () => setCancelling(open) : null;
        pressLetter(event, run);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, cancelling, units, callNext, entries, selected, selectedEntry, serve, pressLetter]);

  return (
    <div className="queue" data-testid="queue-screen">
      <div className="unit-tabs" role="tablist" aria-label={t('queue.unitsLabel')}>
        {units.map((u, i) => (
          <button
            key={u.code}
            type="button"
            role="tab"
            className={`unit-tabs__tab${u.code === settings?.emergencyUnit ? ' unit-tabs__tab--emergency' : ''}`}
            data-unit={u.code}
            aria-selected={current === u.code}
            onClick={() => {
              setUnit(u.code);
              setSelected(null);
              setNotice(null);
            }}
          >
            <kbd>{i + 1}</kbd> {u.name}
          </button>
        ))}
      </div>
      <div className="queue__bar">
        <button type="button" className="button button--primary button--big" data-testid="call-next" onClick={() => void callNext()}>
          {t('queue.callNext')} <kbd>P</kbd>
        </button>
        <p className="queue__notice" aria-live="polite" data-testid="queue-notice">
          {notice ?? ''}
        </p>
        <p className="queue__keys">{t('queue.keys')}</p>
      </div>
      {letters.hint}
      {error && <ErrorAlert title={t('queue.failed')} error={error} />}
      {actionError && <ErrorAlert title={t('queue.actionFailed')} error={actionError} />}
      {entries && entries.length === 0 && <p className="queue__empty">{t('queue.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="queue-table" data-testid="queue-table" aria-label={t('queue.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('queue.queue')}</th>
              <th scope="col">{t('queue.name')}</th>
              <th scope="col">{t('queue.mrn')}</th>
              <th scope="col">{t('queue.status')}</th>
              <th scope="col" className="queue-table__num">
                {t('queue.waiting')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('queue.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const open = e.status === 'waiting' || e.status === 'called';
              // Still here from before midnight (the IGD at night): said, so U-003 of last night is not taken for today's.
              const fromYesterday = e.serviceDate < isoDateInZone(new Date(), settings?.timeZone ?? 'Asia/Jakarta');
              return (
                <tr
                  key={e.visitId}
                  data-testid="queue-row"
                  data-status={e.status}
                  data-queue={e.queue}
                  aria-selected={selected === e.visitId}
                  className={`queue-row queue-row--${e.status}${e.emergency ? ' queue-row--emergency' : ''}${selected === e.visitId ? ' queue-row--selected' : ''}`}
                  onClick={() => setSelected(e.visitId)}
                >
                  <td className="queue-row__number">
                    <span className="queue-row__label">{e.queue}</span>
                    {e.emergency && <span className="badge badge--emergency">{t('queue.emergency')}</span>}
                    {e.sameNumber && (
                      <span className="badge badge--same-number" data-testid="queue-same-number" title={t('queue.sameNumberHint')}>
                        {t('queue.sameNumber')}
                      </span>
                    )}
                    {fromYesterday && (
                      <span className="badge badge--yesterday" data-testid="queue-yesterday">
                        {t('queue.yesterday')}
                      </span>
                    )}
                  </td>
                  <td className="queue-row__name">{e.patient.name}</td>
                  <td className="queue-row__mrn">{e.patient.mrn}</td>
                  <td>
                    <span className={`queue-status queue-status--${e.status}`} data-testid="queue-status">
                      {t(`queue.statuses.${e.status}`)}
                    </span>
                  </td>
                  <td className="queue-table__num">{t('queue.minutes', { count: e.waitingMinutes })}</td>
                  <td className="queue-row__actions">
                    <button type="button" className="button button--small button--quiet" data-action="reprint" onClick={() => void reprint(e.visitId, e.queue)}>
                      {t('queue.reprint')}
                    </button>
                    {open && (
                      <>
                        <button type="button" className="button button--small" data-action="served" onClick={() => void serve(e)}>
                          {t('queue.served')}
                        </button>
                        <button type="button" className="button button--small button--quiet" data-action="cancelled" onClick={() => setCancelling(e)}>
                          {t('queue.cancel')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {undo.toast}
      {cancelling && (
        <ConfirmDialog
          title={t('queue.cancelTitle')}
          message={t('queue.cancelMessage', { queue: cancelling.queue, name: cancelling.patient.name })}
          confirmLabel={t('queue.cancelYes')}
          cancelLabel={t('queue.cancelNo')}
          keysHint={t('queue.cancelKeys')}
          initialFocus="cancel"
          onConfirm={() => void cancelVisit(cancelling)}
          onCancel={() => setCancelling(null)}
        />
      )}
    </div>
  );
}
