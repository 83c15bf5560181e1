import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useFocusTrap } from './use-focus-trap';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  keysHint: string;
  /**
   * Which button has the focus when the dialog opens, so what a bare Enter does. 'cancel' where a
   * reflex Enter must not do the risky thing (registering the same patient twice in a day).
   */
  initialFocus?: 'confirm' | 'cancel';
  onConfirm: () => void;
  onCancel: () => void;
  /** More than a sentence (who is who, side by side), under the message. */
  children?: ReactNode;
}

/** A yes/no question: Enter presses the focused button, Tab or the arrows move (Tab never leaves it), Esc cancels. */
export function ConfirmDialog({ title, message, confirmLabel, cancelLabel, keysHint, initialFocus = 'confirm', onConfirm, onCancel, children }: Props) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useFocusTrap(dialogRef);
  // Before the browser paints (not after, as useEffect would): a key pressed the moment the
  // question shows must reach the question, never the screen behind it (an arrow there changes the unit).
  useLayoutEffect(() => (initialFocus === 'cancel' ? cancelRef : confirmRef).current?.focus(), [initialFocus]);
  return (
    <div className="overlay">
      <div
        ref={dialogRef}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        data-testid="confirm-dialog"
        data-focus={initialFocus}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          } else if (event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            // Only the confirm button confirms: Enter anywhere else in the dialog cancels.
            if (document.activeElement === confirmRef.current) onConfirm();
            else onCancel();
          } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
            event.preventDefault();
            event.stopPropagation();
            (document.activeElement === confirmRef.current ? cancelRef : confirmRef).current?.focus();
          }
        }}
      >
        <h2 id="confirm-title" className="confirm-dialog__title">
          {title}
        </h2>
        <p id="confirm-message" className="confirm-dialog__message">
          {message}
        </p>
        {children}
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" data-cancel data-testid="confirm-no" onClick={onCancel}>
            {cancelLabel} <kbd>Esc</kbd>
          </button>
          <button ref={confirmRef} type="button" className="button button--primary" data-testid="confirm-yes" onClick={onConfirm}>
            {confirmLabel} {initialFocus === 'confirm' && <kbd>Enter</kbd>}
          </button>
        </div>
        <p className="dialog__keys">{keysHint}</p>
      </div>
    </div>
  );
}
