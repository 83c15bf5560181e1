import { useCallback, useEffect, useReducer, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_UNDO, UNDO_MS, isUndoKey, undoReducer } from './undo';

/** The reverse of a change: resolves to the message saying what was put back, or rejects with one saying why not. */
export type Reverse = () => Promise<string>;

export interface UndoApi {
  /** Offers Undo for a change just made; `message` says what changed. */
  offer: (message: string, reverse: Reverse) => void;
  toast: ReactElement | null;
}

const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/**
 * Undo for a few seconds after a change (Ctrl+Z or the button). `onUndone` hears what the reverse
 * call said, so the screen can show it where it shows its other notices and reload.
 */
export function useUndo(onUndone: (message: string, ok: boolean) => void, paused = false): UndoApi {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(undoReducer, NO_UNDO);
  const reverses = useRef(new Map<number, Reverse>());
  const nextId = useRef(0);

  const offer = useCallback((message: string, reverse: Reverse) => {
    const id = ++nextId.current;
    reverses.current = new Map([[id, reverse]]);
    dispatch({ type: 'offer', id, message });
  }, []);

  const take = useCallback(async () => {
    const current = state.offer;
    if (!current || state.busy) return;
    const reverse = reverses.current.get(current.id);
    if (!reverse) return;
    dispatch({ type: 'start' });
    try {
      onUndone(await reverse(), true);
    } catch (error) {
      onUndone(error instanceof Error ? error.message : String(error), false);
    }
    reverses.current.delete(current.id);
    dispatch({ type: 'done', id: current.id });
  }, [state, onUndone]);

  const offerId = state.offer?.id ?? null;
  useEffect(() => {
    if (offerId === null) return;
    const timer = setTimeout(() => dispatch({ type: 'expire', id: offerId }), UNDO_MS);
    return () => clearTimeout(timer);
  }, [offerId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // A dialog over the screen (e.g. the emergency one) has the keys, not the screen's Undo.
      const inDialog = event.target instanceof Element && event.target.closest('[aria-modal="true"]') !== null;
      if (paused || inDialog || !state.offer || !isUndoKey(event, isTextField(event.target))) return;
      event.preventDefault();
      void take();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, state.offer, take]);

  const toast = state.offer ? (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      <p className="undo-toast__message" data-testid="undo-message">
        {state.offer.message}
      </p>
      <button type="button" className="button button--small undo-toast__button" data-testid="undo-button" aria-busy={state.busy} onClick={() => void take()}>
        {t('undo.button')} <kbd>Ctrl+Z</kbd>
      </button>
      <button type="button" className="button button--small button--quiet undo-toast__close" aria-label={t('undo.dismiss')} onClick={() => dispatch({ type: 'dismiss' })}>
        ×
      </button>
    </div>
  ) : null;
  return { offer, toast };
}
