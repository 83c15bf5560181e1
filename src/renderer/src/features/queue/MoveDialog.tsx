import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusTrap } from '../../components/use-focus-trap';
import type { MoveState, MoveTarget } from './move-flow';
import { moveFocus, targetOfKey } from './move-flow';

interface Props {
  state: Exclude<MoveState, { step: 'closed' }>;
  targets: readonly MoveTarget[];
  /** Name of a unit code (also a unit no longer in the settings). */
  unitName: (code: string) => string;
  onPick: (unit: string) => void;
  onPrint: (visitId: number, queue: string) => void;
  onClose: () => void;
}

/**
 * The choice of the unit a patient moves to (number keys as on the tabs; the focus on Kembali, so
 * Enter or Esc goes back without moving), then what
 * happened and the offer of the new slip: the focus on "Cetak slip baru", so Enter prints it and
 * Esc closes without printing.
 */
export function MoveDialog({ state, targets, unitName, onPick, onPrint, onClose }: Props) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const printRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  // Tab stays inside. Not `keepKeys`: that stops the keys before React hears them here; the queue
  // behind ignores every key while the dialog is open (QueueScreen), Ctrl+Z too (UndoToast: aria-modal).
  useFocusTrap(dialogRef);
  // Before paint: a key pressed the moment the dialog shows must reach it, not the queue behind.
  // The choice opens on Kembali (move-flow.ts, moveFocus): a reflex Enter moves nobody.
  useLayoutEffect(() => {
    const focus = moveFocus(state.step);
    (focus === 'print' ? printRef : focus === 'back' ? backRef : null)?.current?.focus();
  }, [state.step]);

  const { entry } = state;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    const target = state.step === 'choosing' ? targetOfKey(targets, event.key) : null;
    if (target) {
      event.preventDefault();
      onPick(target.code);
    }
  };

  return (
    <div className="overlay">
      <div ref={dialogRef} className="confirm-dialog move-dialog" role="dialog" aria-modal="true" aria-labelledby="move-title" data-testid="move-dialog" data-step={state.step} onKeyDown={onKeyDown}>
        <h2 id="move-title" className="confirm-dialog__title">
          {state.step === 'moved' ? t('queue.move.doneTitle') : t('queue.move.title')}
        </h2>
        {state.step === 'moved' ? (
          <>
            <p className="confirm-dialog__message" data-testid="move-done">
              {t('queue.move.done', { name: state.moved.name, from: state.moved.from.queue, fromUnit: unitName(state.moved.from.unit), to: state.moved.to.queue, unit: unitName(state.moved.to.unit) })}
            </p>
            <div className="dialog__actions">
              <button ref={printRef} type="button" className="button button--primary" data-testid="move-print" onClick={() => onPrint(state.moved.visitId, state.moved.to.queue)}>
                {t('queue.move.print', { queue: state.moved.to.queue })} <kbd>Enter</kbd>
              </button>
              <button type="button" className="button button--quiet" data-testid="move-close" onClick={onClose}>
                {t('queue.move.close')} <kbd>Esc</kbd>
              </button>
            </div>
            <p className="dialog__keys">{t('queue.move.doneKeys')}</p>
          </>
        ) : (
          <>
            <p className="confirm-dialog__message" data-testid="move-who">
              {t('queue.move.who', { queue: entry.queue, name: entry.patient.name, unit: unitName(entry.unit) })}
            </p>
            <div className="move-dialog__targets" role="group" aria-label={t('queue.move.targets')}>
              {targets.map((u) => (
                <button
                  key={u.code}
                  type="button"
                  className="button move-dialog__target"
                  data-testid="move-target"
                  data-unit={u.code}
                  disabled={u.current || state.step === 'moving'}
                  onClick={() => onPick(u.code)}
                >
                  {u.key && <kbd>{u.key}</kbd>} {u.name}
                  {u.current && <span className="move-dialog__here"> ({t('queue.move.here')})</span>}
                </button>
              ))}
            </div>
            {state.step === 'choosing' && state.error && <ErrorAlert title={t('queue.move.failed')} error={state.error} />}
            <p className="dialog__keys">{t('queue.move.keys')}</p>
            <p className="dialog__keys" data-testid="move-emergency-note">{t('queue.move.emergencyNote')}</p>
            <div className="dialog__actions">
              <button ref={backRef} type="button" className="button button--quiet" data-testid="move-back" onClick={onClose}>
                {t('queue.move.back')} <kbd>Esc</kbd>
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
