import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useWords } from '../i18n/use-words';
import type { Words } from '../i18n/words';
import { UNDO_MS, isUndoKey, undoableHere, undoableInARow, type UndoPlace } from './undo';
import { UndoStore, type Reverse } from './undo-store';

export type { Reverse };

/**
 * Where the toast shows: a place in the status bar (StatusBar.tsx), so it never covers a row of
 * the screen (at 1024×768 a toast floating above the bar hid one queue row in four, F17).
 */
export const UNDO_TOAST_SLOT = 'undo-toast-slot';

/** The signed-in clerk's Undo stacks (App provides one per clerk); without it a screen keeps its own. */
export const UndoStoreContext = createContext<UndoStore | null>(null);

export interface UndoApi {
  /** Offers Undo for a change just made; `message` says what changed, with the patient's name. */
  offer: (message: Words, reverse: Reverse) => void;
  /** A change that cannot be undone was made (a cancel): Ctrl+Z stops there and says so. */
  final: (message: Words) => void;
  toast: ReactElement | null;
}

const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/**
 * Undo for the changes made on one screen (`scope`) this session: Ctrl+Z (or the toast's button)
 * undoes the newest, again and again, in reverse order (undo-store.ts), but only where it was
 * made: `where` says what the screen shows now (the facility's day, the unit tab), read at each
 * change and at each Ctrl+Z. A Ctrl+Z that undoes nothing says why. The toast shows for a few
 * seconds after each change and names the change Ctrl+Z undoes next. `onUndone` hears what was
 * said (words, worded at render), so the screen can show it where it shows its other notices.
 */
export function useUndo(scope: string, where: () => UndoPlace, onUndone: (message: Words, ok: boolean) => void, paused = false): UndoApi {
  const { t } = useTranslation();
  const say = useWords();
  const shared = useContext(UndoStoreContext);
  const [own] = useState(() => new UndoStore());
  const store = shared ?? own;
  const whereRef = useRef(where);
  whereRef.current = where;
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const state = useSyncExternalStore(subscribe, () => store.state(scope));

  const offer = useCallback((message: Words, reverse: Reverse) => store.offer(scope, whereRef.current(), message, reverse), [store, scope]);
  const final = useCallback((message: Words) => store.final(scope, whereRef.current(), message), [store, scope]);

  const take = useCallback(async () => {
    const done = await store.undo(scope, whereRef.current());
    if (done) onUndone(done.message, done.ok);
  }, [store, scope, onUndone]);

  const token = state.toast;
  useEffect(() => {
    if (token === null) return;
    const timer = setTimeout(() => store.dispatch(scope, { type: 'expire', token }), UNDO_MS);
    return () => clearTimeout(timer);
  }, [store, scope, token]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // A dialog over the screen (e.g. the emergency one) has the keys, not the screen's Undo.
      const inDialog = event.target instanceof Element && event.target.closest('[aria-modal="true"]') !== null;
      if (paused || inDialog || !isUndoKey(event, isTextField(event.target))) return;
      event.preventDefault();
      if (!event.repeat) void take();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, take]);

  // Only a change Ctrl+Z would undo here is offered (not one of another unit's tab, nor of yesterday).
  const here = where();
  const next = token !== null ? undoableHere(state, here) : null;
  const earlier = undoableInARow(state, here) - 1;
  const toast = next ? (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      <p className="undo-toast__message">
        <span data-testid="undo-message">{say(next.message)}</span>
        {earlier > 0 && (
          <span className="undo-toast__more" data-testid="undo-more">
            {t('undo.more', { count: earlier })}
          </span>
        )}
      </p>
      <button type="button" className="button button--small undo-toast__button" data-testid="undo-button" aria-busy={state.busy} onClick={() => void take()}>
        {t('undo.button')} <kbd>Ctrl+Z</kbd>
      </button>
      <button type="button" className="button button--small button--quiet undo-toast__close" aria-label={t('undo.dismiss')} onClick={() => store.dispatch(scope, { type: 'dismiss' })}>
        ×
      </button>
    </div>
  ) : null;
  // Without the status bar (a screen shown alone) it floats at the bottom instead.
  const slot = toast ? document.getElementById(UNDO_TOAST_SLOT) : null;
  return { offer, final, toast: toast && slot ? createPortal(toast, slot) : toast };
}
