import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  keysHint: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The safe answer has the focus (e.g. cancelling a visit): Enter alone then changes nothing. */
  focusCancel?: boolean;
}

/** A yes/no question: Enter answers with the focused button (confirm, unless focusCancel), Esc cancels, arrows switch. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, keysHint, onConfirm, onCancel, focusCancel = false }: Props) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => (focusCancel ? cancelRef : confirmRef).current?.focus(), [focusCancel]);
  return (
    <div className="overlay">
      <div
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        data-testid="confirm-dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
            event.preventDefault();
            (document.activeElement === cancelRef.current ? confirmRef : cancelRef).current?.focus();
          } else if (event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            if (document.activeElement?.getAttribute('data-cancel') === null) onConfirm();
            else onCancel();
          }
        }}
      >
        <h2 id="confirm-title" className="confirm-dialog__title">
          {title}
        </h2>
        <p id="confirm-message" className="confirm-dialog__message">
          {message}
        </p>
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" data-cancel data-testid="confirm-no" onClick={onCancel}>
            {cancelLabel} <kbd>Esc</kbd>
          </button>
          <button ref={confirmRef} type="button" className="button button--primary" data-testid="confirm-yes" onClick={onConfirm}>
            {confirmLabel} {!focusCancel && <kbd>Enter</kbd>}
          </button>
        </div>
        <p className="dialog__keys">{keysHint}</p>
      </div>
    </div>
  );
}
