/** How long an Undo stays offered after a change. */
export const UNDO_MS = 6000;

/** One change that can still be undone: what the clerk is told, and the reverse call. */
export interface UndoOffer {
  id: number;
  message: string;
}

export type UndoState = { offer: UndoOffer | null; busy: boolean };

export type UndoEvent =
  | { type: 'offer'; id: number; message: string }
  /** UNDO_MS after the offer (a timer, not the wall clock, which a PC may set back). */
  | { type: 'expire'; id: number }
  | { type: 'start' }
  | { type: 'done'; id: number }
  | { type: 'dismiss' };

export const NO_UNDO: UndoState = { offer: null, busy: false };

/**
 * The Undo toast's life: a new change replaces the previous offer (only the last change can be
 * undone, so an old Undo never reverses something the clerk no longer sees); the offer ends after
 * UNDO_MS, when taken, or when dismissed. While the reverse call runs a second Undo is ignored.
 */
export function undoReducer(state: UndoState, event: UndoEvent): UndoState {
  switch (event.type) {
    case 'offer':
      return { offer: { id: event.id, message: event.message }, busy: false };
    case 'expire':
      return state.offer?.id === event.id && !state.busy ? NO_UNDO : state;
    case 'start':
      return state.offer && !state.busy ? { ...state, busy: true } : state;
    case 'done':
      return state.offer?.id === event.id ? NO_UNDO : state;
    case 'dismiss':
      return state.busy ? state : NO_UNDO;
  }
}

/** Ctrl+Z (or Cmd+Z) outside a text field undoes; inside one it stays the field's own undo. */
export function isUndoKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, inTextField: boolean): boolean {
  return !inTextField && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
}
