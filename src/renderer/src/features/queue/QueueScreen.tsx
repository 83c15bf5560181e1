import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { QueueEntry } from '../../../../shared/counter';
import type { CounterSettingsView } from '../../../../shared/settings';
import { loket } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { UndoPlace } from '../../components/undo';
import { useUndo } from '../../components/UndoToast';
import { useLetterKeys } from '../../components/use-letter-keys';
import { serviceToday } from '../../facility-today';
import { useFormerUnitTabs } from './former-unit-tabs';
import { useWords } from '../../i18n/use-words';
import type { Words } from '../../i18n/words';
import { unitName } from '../../hooks/use-settings';
import { MoveDialog } from './MoveDialog';
import { moveTargets } from './move-flow';
import { QueueTable } from './QueueTable';
import { queueQuestion } from './queue-question';
import { useAskingNow } from '../../scan/asking-now';
import { queueLetterAction, queueLetterWhyNot } from './queue-keys';
import { useQueueActions } from './use-queue-actions';
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
  const shownName = units.find((u) => u.code === current)?.name ?? current ?? '';
  const where = useCallback((): UndoPlace => ({ day: serviceToday(settings), part: current ?? '', name: shownName }), [settings, current, shownName]);
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

  const nameOf = useCallback((code: string) => unitName(settings, code), [settings]);
  const actions = useQueueActions({ current, load, offer: undo.offer, setNotice, setActionError, setSelected, unitName: nameOf });
  const { callNext, serve, recall, openMove } = actions;
  const moving = actions.move.step !== 'closed';
  // A scan drops the question on screen; the search screen then says it was not done.
  const choosingMove = actions.move.step === 'choosing' ? actions.move.entry : null;
  useAskingNow(useMemo(() => queueQuestion(cancelling, choosingMove), [cancelling, choosingMove]));
  const moveTargetsShown = useMemo(() => moveTargets(keyedUnits(settings?.units ?? []), actions.move.step === 'closed' ? '' : actions.move.entry.unit, settings?.emergencyUnit), [settings, actions.move]);

  /** The new slip of a moved patient: the queue's own reprint, then the dialog closes (the notice says what the printer did). */
  const printMoved = useCallback(
    (visitId: number, queue: string) => {
      actions.closeMove();
      void actions.reprint(visitId, queue, true);
    },
    [actions.closeMove, actions.reprint],
  );

  /** Batal only after "Ya" in the question (the focus starts on "Tidak"); then it says what it did, and Ctrl+Z brings the patient back. */
  const cancelVisit = useCallback(
    async (entry: QueueEntry) => {
      setCancelling(null);
      await actions.cancel(entry);
    },
    [actions.cancel],
  );

  const letters = useLetterKeys(paused || cancelling !== null || moving);
  const pressLetter = letters.press;

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (paused || cancelling || moving || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
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
        // The letters change a visit (or ask to): only when pressed alone, never as typing
        // (use-letter-keys.ts), and on the row selected when the key went down (queue-keys.ts).
        const action = queueLetterAction(key, selectedEntry);
        const row = selectedEntry;
        const run =
          action === 'call-next'
            ? () => void callNext()
            : row && action === 'serve'
              ? () => void serve(row)
              : row && action === 'cancel'
                ? () => setCancelling(row)
                : row && action === 'move'
                  ? () => openMove(row)
                  : row && action === 'recall'
                    ? () => void recall(row)
                    : null;
        const whyNot = queueLetterWhyNot(key, selectedEntry);
        pressLetter(event, run, whyNot ? t(`queue.letterWhyNot.${whyNot}`, { key: key.toUpperCase() }) : null, action === 'cancel' || action === 'move');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, cancelling, moving, units, callNext, entries, selected, selectedEntry, serve, recall, openMove, pressLetter, t]);

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
        <QueueTable
          entries={entries}
          selected={selected}
          onSelect={setSelected}
          onReprint={(e) => void actions.reprint(e.visitId, e.queue)}
          onServe={(e) => void serve(e)}
          onCancel={setCancelling}
          onMove={openMove}
          onRecall={(e) => void recall(e)}
        />
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
      {actions.move.step !== 'closed' && (
        <MoveDialog state={actions.move} targets={moveTargetsShown} unitName={nameOf} onPick={(u) => void actions.pickUnit(u)} onPrint={printMoved} onClose={actions.closeMove} />
      )}
    </div>
  );
}
