import { useCallback, useReducer } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { QueueEntry, VisitStatus } from '../../../../shared/counter';
import { loket } from '../../api';
import type { UndoApi } from '../../components/UndoToast';
import { currentLang } from '../../i18n';
import { errorWords, words, type Words } from '../../i18n/words';
import { MOVE_CLOSED, moveReducer, type MoveState } from './move-flow';

interface Screen {
  /** The unit tab shown. */
  current: string | null;
  load: () => Promise<void>;
  offer: UndoApi['offer'];
  setNotice: (notice: Words | null) => void;
  setActionError: (error: ContractError | null) => void;
  setSelected: (visitId: number | null) => void;
  /** A unit's name by its code (the settings' names are the same in both languages). */
  unitName: (code: string) => string;
}

export interface QueueActions {
  callNext: () => Promise<void>;
  serve: (entry: QueueEntry) => Promise<void>;
  cancel: (entry: QueueEntry) => Promise<void>;
  recall: (entry: QueueEntry) => Promise<void>;
  reprint: (visitId: number, queue: string, moved?: boolean) => Promise<void>;
  move: MoveState;
  openMove: (entry: QueueEntry) => void;
  pickUnit: (unit: string) => Promise<void>;
  closeMove: () => void;
}

const failed = (error: ContractError) => ({ message: words('undo.failed', { reason: errorWords(error) }), ok: false });

/**
 * What the queue's keys and buttons do. Every change says who it was done to, and offers Undo
 * (Ctrl+Z) that puts the visit back exactly where it was: a call, a service, a cancel (its
 * follow-ups open again), a call again, a move to another unit.
 */
export function useQueueActions({ current, load, offer, setNotice, setActionError, setSelected, unitName }: Screen): QueueActions {
  const [move, dispatchMove] = useReducer(moveReducer, MOVE_CLOSED);

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
      offer(words('queue.calledDone', who), async () => {
        const back = await loket.setVisitStatus({ visitId: called.visitId, status: 'waiting' });
        if (!back.ok) return failed(back.error);
        return { message: words('queue.undone', { ...who, status: words('queue.statusInSentence.waiting') }), ok: true };
      });
    } else setNotice(words('queue.noneWaiting'));
    await load();
  }, [current, load, offer, setNotice, setActionError, setSelected]);

  /**
   * Selesai and Batal act on the row and say so, with Undo back to the status it had. Batal asks
   * first (the screen's question); undoing it brings the patient back with the same number and
   * place, and the core opens the visit's follow-ups again as new tasks (payer, identity).
   */
  const setStatus = useCallback(
    async (entry: QueueEntry, status: 'served' | 'cancelled') => {
      setActionError(null);
      const before: VisitStatus = entry.status;
      const result = await loket.setVisitStatus({ visitId: entry.visitId, status });
      if (!result.ok) setActionError(result.error);
      else {
        const who = { queue: entry.queue, name: entry.patient.name };
        const done = words(status === 'served' ? 'queue.servedDone' : 'queue.cancelledDone', who);
        setNotice(status === 'cancelled' ? done : null);
        offer(done, async () => {
          const back = await loket.setVisitStatus({ visitId: entry.visitId, status: before });
          if (!back.ok) return failed(back.error);
          return { message: words(status === 'cancelled' ? 'queue.uncancelled' : 'queue.undone', { ...who, status: words(`queue.statusInSentence.${before}`) }), ok: true };
        });
      }
      await load();
    },
    [load, offer, setNotice, setActionError],
  );
  const serve = useCallback((entry: QueueEntry) => setStatus(entry, 'served'), [setStatus]);
  const cancel = useCallback((entry: QueueEntry) => setStatus(entry, 'cancelled'), [setStatus]);

  /** "Panggil ulang" (U on a called row): the patient named in the notice, counted, undoable. */
  const recall = useCallback(
    async (entry: QueueEntry) => {
      setActionError(null);
      const result = await loket.recallVisit({ visitId: entry.visitId });
      if (!result.ok) return setActionError(result.error);
      const who = { queue: entry.queue, name: entry.patient.name, count: result.value.recalls + 1 };
      setNotice(words('queue.recalled', who));
      offer(words('queue.recalledDone', who), async () => {
        const back = await loket.recallVisit({ visitId: entry.visitId, undo: true });
        if (!back.ok) return failed(back.error);
        return { message: words('queue.recallUndone', who), ok: true };
      });
      await load();
    },
    [load, offer, setNotice, setActionError],
  );

  /** "Cetak ulang", and the new slip of a moved patient (`moved`: its own words; the print log counts it as a reprint of the visit). */
  const reprint = useCallback(
    async (visitId: number, queue: string, moved = false) => {
      setActionError(null);
      const result = await loket.printSlip({ visitId, reprint: true, lang: currentLang() });
      if (result.ok) setNotice(words(moved ? 'queue.move.printed' : 'queue.reprinted', { queue }));
      else if (result.error.code === 'print/unavailable') setNotice(errorWords(result.error));
      else setActionError(result.error);
    },
    [setNotice, setActionError],
  );

  const openMove = useCallback((entry: QueueEntry) => dispatchMove({ type: 'open', entry }), []);
  const closeMove = useCallback(() => dispatchMove({ type: 'close' }), []);

  /** The move, then Undo: back to the unit, number, status and call time it had (while it still waits where it went). */
  const pickUnit = useCallback(
    async (unit: string) => {
      if (move.step !== 'choosing' || unit === move.entry.unit) return;
      const { entry } = move;
      dispatchMove({ type: 'pick', unit });
      setActionError(null);
      const result = await loket.moveVisit({ visitId: entry.visitId, unit });
      if (!result.ok) {
        dispatchMove({ type: 'failed', error: result.error });
        return;
      }
      const moved = result.value;
      dispatchMove({ type: 'done', moved });
      const said = { name: moved.name, from: moved.from.queue, to: moved.to.queue, unit: unitName(moved.to.unit) };
      setNotice(words('queue.movedNotice', said));
      offer(words('queue.movedDone', said), async () => {
        const back = await loket.undoMoveVisit({ visitId: moved.visitId });
        if (!back.ok) return failed(back.error);
        return { message: words('queue.moveUndone', { name: moved.name, queue: back.value.to.queue }), ok: true };
      });
      await load();
    },
    [move, load, offer, setNotice, setActionError, unitName],
  );

  return { callNext, serve, cancel, recall, reprint, move, openMove, pickUnit, closeMove };
}
