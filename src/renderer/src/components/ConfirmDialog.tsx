import { useEffect, useRef } from 'react';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  keysHint: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question: Enter confirms, Esc cancels; the confirm button has the focus. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, keysHint, onConfirm, onCancel }: Props) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
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
          <button type="button" className="button" data-cancel onClick={onCancel}>
            {cancelLabel} <kbd>Esc</kbd>
          </button>
          <button ref={confirmRef} type="button" className="button button--primary" onClick={onConfirm}>
            {confirmLabel} <kbd>Enter</kbd>
          </button>
        </div>
        <p className="dialog__keys">{keysHint}</p>
      </div>
    </div>
  );
}
