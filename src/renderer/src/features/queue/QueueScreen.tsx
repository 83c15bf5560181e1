import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { QueueEntry, VisitStatus } from '../../../../shared/counter';
import { isoDateInZone } from '../../../../shared/dates';
import type { CounterSettingsView } from '../../../../shared/settings';
import { loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { UndoPlace } from '../../components/undo';
import { useUndo } from '../../components/UndoToast';
import { useLetterKeys } from '../../components/use-letter-keys';
import { facilityToday } from '../../facility-today';
import { currentLang } from '../../i18n';
import { useFormerUnitTabs } from './former-unit-tabs';
import { useWords } from '../../i18n/use-words';
import { errorWords, words, type Words } from '../../i18n/words';
import { keyedUnits, unitOfKey } from '../../unit-keys';
import './queue.css';

/** The queue is shared by every counter window: reload this often. */
const REFRESH_MS = 4000;

interface Props {
  settings: CounterSettingsView | null;
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
  const say = useWords();
  // The settings' units, then any unit of today's queue the settings no longer have (its patients still wait).
  const formerTabs = useFormerUnitTabs(settings, changes, hubSynced);
  // Each tab's number key is the unit's row in Settings, as on the registration's unit step; former units follow.
  const units = useMemo(() => {
    const keyed = keyedUnits(settings?.units ?? []);
    return [...keyed, ...formerTabs.map((f, i) => ({ ...f, key: keyed.length + i < 9 ? String(keyed.length + i + 1) : null }))];
  }, [settings, formerTabs]);
  const isFormer = (code: string): boolean => formerTabs.some((f) => f.code === code);
  const [unit, setUnit] = useState<string | null>(null);
  const [entries, setEntries] = useState<QueueEntry[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [actionError, setActionError] = useState<ContractError | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  /** What the last action said, as words: worded at render, so a language switch re-words it. */
  const [notice, setNotice] = useState<Words | null>(null);
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

  // What the screen shows: today's queue of one unit. Ctrl+Z undoes only a change made here.
  const timeZone = settings?.timeZone;
  const shownName = units.find((u) => u.code === current)?.name ?? current ?? '';
  const where = useCallback((): UndoPlace => ({ day: facilityToday(timeZone), part: current ?? '', name: shownName }), [timeZone, current, shownName]);
  const undo = useUndo(
    'queue',
    where,
    useCallback(
      (message: Words) => {
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
      setNotice(words(called.sameNumber ? 'queue.calledSameNumber' : 'queue.called', who));
      undo.offer(words('queue.calledDone', who), async () => {
        const back = await loket.setVisitStatus({ visitId: called.visitId, status: 'waiting' });
        if (!back.ok) return { message: words('undo.failed', { reason: errorWords(back.error) }), ok: false };
        return { message: words('queue.undone', { ...who, status: words('queue.statuses.waiting') }), ok: true };
      });
    } else setNotice(words('queue.noneWaiting'));
    await load();
  }, [current, load, undo.offer]);

  const reprint = useCallback(
    async (visitId: number, queue: string) => {
      setActionError(null);
      const result = await loket.printSlip({ visitId, reprint: true, lang: currentLang() });
      if (result.ok) setNotice(words('queue.reprinted', { queue }));
      else if (result.error.code === 'print/unavailable') setNotice(errorWords(result.error));
      else setActionError(result.error);
    },
    [],
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
        undo.offer(words('queue.servedDone', who), async () => {
          const back = await loket.setVisitStatus({ visitId: entry.visitId, status: before });
          if (!back.ok) return { message: words('undo.failed', { reason: errorWords(back.error) }), ok: false };
          return { message: words('queue.undone', { ...who, status: words(`queue.statuses.${before}`) }), ok: true };
        });
      }
      await load();
    },
    [load, undo.offer],
  );

  /**
   * Batal only after "Ya" in the question (the focus starts on "Tidak", and it says a cancel is
   * final: the core never moves a cancelled visit back); then it says what it did. Ctrl+Z after
   * it undoes nothing and says so: it never reaches past the cancel to an older change.
   */
  const cancelVisit = useCallback(
    async (entry: QueueEntry) => {
      setCancelling(null);
      setActionError(null);
      const result = await loket.setVisitStatus({ visitId: entry.visitId, status: 'cancelled' });
      if (!result.ok) setActionError(result.error);
      else {
        const done = words('queue.cancelledDone', { queue: entry.queue, name: entry.patient.name });
        setNotice(done);
        undo.final(done);
      }
      await load();
    },
    [load, undo.final],
  );

  const letters = useLetterKeys(paused || cancelling !== null);
  const pressLetter = letters.press;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (paused || cancelling || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      if (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
      const key = event.key.toLowerCase();
      // A unit's number key picks its tab: it only shows another list, so it acts at once.
      const u = unitOfKey(units, key);
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
        {units.map((u) => (
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
            {u.key && <kbd>{u.key}</kbd>} {u.name}
            {isFormer(u.code) && (
              <span className="unit-tabs__former" data-testid="former-unit">
                {' '}
                ({u.name === u.code ? '' : `${u.code}, `}
                {t('queue.formerUnit')})
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="queue__bar">
        <button type="button" className="button button--primary button--big" data-testid="call-next" onClick={() => void callNext()}>
          {t('queue.callNext')} <kbd>P</kbd>
        </button>
        <p className="queue__notice" aria-live="polite" data-testid="queue-notice">
          {notice ? say(notice) : ''}
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
