import { NO_UNDO, nextUndo, undoReducer, type UndoEvent, type UndoState } from './undo';

/** The reverse of a change: resolves to the message saying what was put back, or rejects with one saying why not. */
export type Reverse = () => Promise<string>;

/** What an undo said: the reverse call's message, and whether it put the change back. */
export interface Undone {
  message: string;
  ok: boolean;
}

/**
 * Every screen's Undo stack for the signed-in clerk, outside the screens: leaving the queue for
 * the search and coming back still undoes the queue's changes (the app makes a new store when
 * another clerk signs in: nobody undoes someone else's work). `scope` names the screen.
 */
export class UndoStore {
  private readonly states = new Map<string, UndoState>();
  private readonly reverses = new Map<number, Reverse>();
  private readonly listeners = new Set<() => void>();
  private lastId = 0;

  state(scope: string): UndoState {
    return this.states.get(scope) ?? NO_UNDO;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A change was made on `scope`: `message` says what (with the name), `reverse` puts it back. */
  offer(scope: string, message: string, reverse: Reverse): void {
    const id = ++this.lastId;
    this.reverses.set(id, reverse);
    this.dispatch(scope, { type: 'offer', id, message });
  }

  /** Undoes the newest change of `scope`; null when there is none, or a reverse is still running. */
  async undo(scope: string): Promise<Undone | null> {
    const before = this.state(scope);
    const entry = nextUndo(before);
    if (!entry || before.busy) return null;
    this.dispatch(scope, { type: 'start' });
    const reverse = this.reverses.get(entry.id);
    let result: Undone;
    try {
      if (!reverse) throw new Error('no reverse');
      result = { message: await reverse(), ok: true };
    } catch (error) {
      // Refused (the visit changed meanwhile): said, and it leaves the stack so the next Ctrl+Z goes on.
      result = { message: error instanceof Error ? error.message : String(error), ok: false };
    }
    this.reverses.delete(entry.id);
    this.dispatch(scope, { type: 'done', id: entry.id, token: ++this.lastId });
    return result;
  }

  /** The toast's own events (its timer, its close button). */
  dispatch(scope: string, event: UndoEvent): void {
    const before = this.state(scope);
    const after = undoReducer(before, event);
    if (after === before) return;
    this.states.set(scope, after);
    // Changes pushed out past UNDO_DEPTH can never be undone: their reverse calls go.
    const kept = new Set(after.stack.map((e) => e.id));
    for (const e of before.stack) if (!kept.has(e.id) && event.type === 'offer') this.reverses.delete(e.id);
    for (const listener of this.listeners) listener();
  }
}
