import type { Words } from '../i18n/words';

/** How long the Undo toast stays after a change (or an undo that leaves more to undo). */
export const UNDO_MS = 6000;
/** How many changes of one screen can be undone, newest first. */
export const UNDO_DEPTH = 20;

/**
 * Where a change was made, as the screen showed it: the facility's day and the part of the
 * screen (a unit's queue tab). Ctrl+Z acts only where the screen shows the same: never on a
 * visit of another unit's tab, never after midnight on yesterday's.
 */
export interface UndoPlace {
  /** The facility's day (YYYY-MM-DD, its own time zone). */
  day: string;
  /** What the screen shows (a unit's code; the screen's name where it has no parts). */
  part: string;
  /** The part as the clerk knows it ("Poli Umum"), for "open Poli Umum to undo it". */
  name: string;
}

/**
 * One change: what the clerk was told (with the patient's name, as words worded at render), where
 * it was made, and whether it can be undone at all. A `final` change (a cancelled visit, an
 * identity joined to a record) cannot: Ctrl+Z stops at it and says so, never reaching past it to
 * an older change of another patient.
 */
export interface UndoEntry {
  id: number;
  message: Words;
  place: UndoPlace;
  final: boolean;
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
  | { type: 'offer'; id: number; message: Words; place: UndoPlace; final?: boolean }
  /** UNDO_MS after the toast showed (a timer, not the wall clock, which a PC may set back). */
  | { type: 'expire'; token: number }
  | { type: 'start' }
  /**
   * The reverse of `id` ended: put back (`ok`: it leaves the stack; `token` shows the toast again
   * for what is left), or refused (the visit changed meanwhile): it stays as a change that cannot
   * be undone, so the next Ctrl+Z does not go past it either.
   */
  | { type: 'done'; id: number; ok: boolean; token: number }
  /** The changes of an earlier day: none of them can be undone any more. */
  | { type: 'clear' }
  | { type: 'dismiss' };

export const NO_UNDO: UndoState = { stack: [], busy: false, toast: null };

/** The change the next Ctrl+Z is about (it may be one that cannot be undone). */
export const nextUndo = (state: UndoState): UndoEntry | null => state.stack[state.stack.length - 1] ?? null;

/**
 * The Undo stack's life: each change is pushed (the oldest dropped past UNDO_DEPTH); Undo takes
 * the newest, so Ctrl+Z twice undoes the last two changes, in reverse order. A final change
 * replaces the stack: nothing older can be reached past it. Its toast is not shown (there is
 * nothing to undo; the screen's notice says what was done). While a reverse call runs a second
 * Undo is ignored (it would reverse the same change twice).
 */
export function undoReducer(state: UndoState, event: UndoEvent): UndoState {
  switch (event.type) {
    case 'offer': {
      const entry: UndoEntry = { id: event.id, message: event.message, place: event.place, final: event.final === true };
      if (entry.final) return { ...state, stack: [entry], toast: null };
      return { ...state, stack: [...state.stack, entry].slice(-UNDO_DEPTH), toast: event.id };
    }
    case 'expire':
      return state.toast === event.token && !state.busy ? { ...state, toast: null } : state;
    case 'start':
      return state.stack.length > 0 && !state.busy ? { ...state, busy: true } : state;
    case 'done': {
      if (!event.ok) {
        const refused = state.stack.find((e) => e.id === event.id);
        return { stack: refused ? [{ ...refused, final: true }] : state.stack, busy: false, toast: null };
      }
      const stack = state.stack.filter((e) => e.id !== event.id);
      const next = stack[stack.length - 1];
      return { stack, busy: false, toast: next && !next.final ? event.token : null };
    }
    case 'clear':
      return state.busy || state.stack.length === 0 ? state : NO_UNDO;
    case 'dismiss':
      return state.busy ? state : { ...state, toast: null };
  }
}

/**
 * What Ctrl+Z may do now, here: undo the newest change, or say in words why nothing is undone
 * (nothing changed; the newest change is final; it was made in another part of the screen; it
 * was made on an earlier day). It never looks past the newest change.
 */
export type UndoDecision =
  | { do: 'undo'; entry: UndoEntry }
  | { do: 'refuse'; reason: 'nothing' }
  | { do: 'refuse'; reason: 'final'; entry: UndoEntry }
  | { do: 'refuse'; reason: 'elsewhere'; entry: UndoEntry }
  | { do: 'refuse'; reason: 'other-day'; entry: UndoEntry };

export function decideUndo(state: UndoState, here: UndoPlace): UndoDecision {
  const entry = nextUndo(state);
  if (!entry) return { do: 'refuse', reason: 'nothing' };
  if (entry.place.day !== here.day) return { do: 'refuse', reason: 'other-day', entry };
  if (entry.final) return { do: 'refuse', reason: 'final', entry };
  if (entry.place.part !== here.part) return { do: 'refuse', reason: 'elsewhere', entry };
  return { do: 'undo', entry };
}

/** Whether the toast may offer Undo here: the newest change is this part's, of today, and can be undone. */
export const undoableHere = (state: UndoState, here: UndoPlace): UndoEntry | null => {
  const decision = decideUndo(state, here);
  return decision.do === 'undo' ? decision.entry : null;
};

/** How many Ctrl+Z in a row would undo something here (newest first, stopping where one would not). */
export function undoableInARow(state: UndoState, here: UndoPlace): number {
  let n = 0;
  for (let i = state.stack.length - 1; i >= 0; i--) {
    const e = state.stack[i]!;
    if (e.final || e.place.day !== here.day || e.place.part !== here.part) break;
    n++;
  }
  return n;
}

/** Ctrl+Z (or Cmd+Z) outside a text field undoes; inside one it stays the field's own undo. */
export function isUndoKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, inTextField: boolean): boolean {
  return !inTextField && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
}
