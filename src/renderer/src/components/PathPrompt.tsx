import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { harness, loket } from '../api';
import { chooseFile, type FileChoice, type FileRequest } from '../files/choose-file';

export type { FileChoice } from '../files/choose-file';

/**
 * Asks for a file: the desktop app's dialog, or (browser harness only) the path typed into a
 * PathPrompt, registered for a handle. 'ask' tells the caller to show the path field.
 */
export const chooseFileFor = (request: FileRequest): Promise<FileChoice> => chooseFile({ pickFile: loket.pickFile, harness }, request);

interface Props {
  label: string;
  submitLabel: string;
  initial?: string;
  testId: string;
  onSubmit: (path: string) => void;
  onCancel: () => void;
}

/** A small path field where no file dialog exists (the browser harness only): Enter uses it, Esc closes it. */
export function PathPrompt({ label, submitLabel, initial = '', testId, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState(initial);
  const inputRef = useRef<HTMLInputElement>(null);
  // A layout effect: the focus is in place before the browser handles the next key.
  useLayoutEffect(() => inputRef.current?.focus(), []);
  return (
    <form
      className="path-prompt"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) onSubmit(path.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        } else if (event.key === 'Enter') {
          // The field's own Enter (submit): a dialog around it must not take it as "close".
          event.stopPropagation();
        }
      }}
    >
      <label className="field path-prompt__field">
        <span className="field__label">{label}</span>
        <input
          ref={inputRef}
          className="field__input field__input--mono"
          data-testid={`${testId}-input`}
          value={path}
          onChange={(event) => setPath(event.target.value)}
          placeholder={t('path.placeholder')}
        />
      </label>
      <button type="submit" className="button button--primary" disabled={!path.trim()}>
        {submitLabel} <kbd>Enter</kbd>
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('path.cancel')} <kbd>Esc</kbd>
      </button>
    </form>
  );
}

/** A short calm line for "done" or "not available here" (not an error the clerk must fix). */
export function Notice({ tone, children, testId }: { tone: 'ok' | 'info' | 'bad'; children: ReactNode; testId?: string }) {
  return (
    <p className={`notice notice--${tone}`} role={tone === 'bad' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
