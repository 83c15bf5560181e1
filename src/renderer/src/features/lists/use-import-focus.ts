import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/** What moves the import form's focus: the screen opened, a file read. */
export interface ImportFocusState {
  /** The file read and shown (its preview): a new one moves the officer on to its name. */
  previewOf: string | null;
}

export interface ImportFocus {
  chooseRef: RefObject<HTMLButtonElement | null>;
  nameRef: RefObject<HTMLInputElement | null>;
  runRef: RefObject<HTMLButtonElement | null>;
  /** On the name, kind and as-of fields: Enter goes to Impor (it never imports by itself: the officer presses Enter on Impor). */
  onFieldKey: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The list import by keyboard (UI tester 12: after Alt+4 and after a file was read the focus was on
 * nothing, Enter in the name did nothing, and Impor lay 25 Tabs away past the column mapping):
 * the screen opens on "Pilih berkas"; a file read puts the focus on the list's name; Enter in
 * the name, kind or as-of field goes to Impor, brought into view.
 */
export function useImportFocus(state: ImportFocusState): ImportFocus {
  const chooseRef = useRef<HTMLButtonElement | null>(null);
  const nameRef = useRef<HTMLInputElement | null>(null);
  const runRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    // Only when nothing else holds the focus (a click, a field the officer is in).
    if (document.activeElement === document.body || document.activeElement === null) chooseRef.current?.focus();
  }, []);

  useEffect(() => {
    if (state.previewOf !== null) nameRef.current?.focus();
  }, [state.previewOf]);

  const onFieldKey = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    const run = runRef.current;
    if (!run || run.disabled) return;
    event.preventDefault();
    run.focus();
    run.scrollIntoView({ block: 'nearest' });
  };

  return { chooseRef, nameRef, runRef, onFieldKey };
}
