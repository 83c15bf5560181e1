/** How long the Undo toast stays after a change (or an undo that leaves more to undo). */
export const UNDO_MS = 6000;
/** How many changes of one screen can be undone, newest first. */
export const UNDO_DEPTH = 20;

/** One change that can still be undone: what the clerk was told (with the patient's name). */
export interface UndoEntry {
  id: number;
  message: string;
}

/**
 * A screen's changes this session, oldest first (the last is what Ctrl+Z undoes next); whether a
 * reverse call is running; and the toast, shown (with a token for its timer) or hidden. The
 * toast hiding never ends the undo: Ctrl+Z keeps undoing, one change at a time, newest first.
 */
export interface UndoState {
  stack: UndoEntry[];
  busy: boolean;
  toast: number | null;
}

export type UndoEvent =
  | { type: 'offer'; id: number; message: string }
  /** UNDO_MS after the toast showed (a timer, not the wall clock, which a PC may set back). */
  | { type: 'expire'; token: number }
  | { type: 'start' }
  /** The reverse of `id` ended (put back, or refused: either way it leaves the stack); `token` shows the toast again for what is left. */
  | { type: 'done'; id: number; token: number }
  | { type: 'dismiss' };

export const NO_UNDO: UndoState = { stack: [], busy: false, toast: null };

/** The change the next Ctrl+Z undoes. */
export const nextUndo = (state: UndoState): UndoEntry | null => state.stack[state.stack.length - 1] ?? null;

/**
 * The Undo stack's life: each change is pushed (the oldest dropped past UNDO_DEPTH); Undo takes
 * the newest, so Ctrl+Z twice undoes the last two changes, in reverse order. While a reverse call
 * runs a second Undo is ignored (it would reverse the same change twice).
 */
export function undoReducer(state: UndoState, event: UndoEvent): UndoState {
  switch (event.type) {
    case 'offer':
      return { ...state, stack: [...state.stack, { id: event.id, message: event.message }].slice(-UNDO_DEPTH), toast: event.id };
    case 'expire':
      return state.toast === event.token && !state.busy ? { ...state, toast: null } : state;
    case 'start':
      return state.stack.length > 0 && !state.busy ? { ...state, busy: true } : state;
    case 'done': {
      const stack = state.stack.filter((e) => e.id !== event.id);
      return { stack, busy: false, toast: stack.length > 0 ? event.token : null };
    }
    case 'dismiss':
      return state.busy ? state : { ...state, toast: null };
  }
}

/** Ctrl+Z (or Cmd+Z) outside a text field undoes; inside one it stays the field's own undo. */
export function isUndoKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, inTextField: boolean): boolean {
  return !inTextField && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
}
