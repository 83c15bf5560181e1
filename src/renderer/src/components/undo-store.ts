import { words, type Words } from '../i18n/words';
import { NO_UNDO, decideUndo, undoReducer, type UndoEvent, type UndoPlace, type UndoState } from './undo';

/** What an undo said (as words, worded at render) and whether it put the change back. */
export interface Undone {
  message: Words;
  ok: boolean;
}

/** The reverse of a change: what was put back, or (ok false) why it could not be. */
export type Reverse = () => Promise<Undone>;

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

  /** A change was made on `scope`, at `place`: `message` says what (with the name), `reverse` puts it back. */
  offer(scope: string, place: UndoPlace, message: Words, reverse: Reverse): void {
    const id = ++this.lastId;
    this.reverses.set(id, reverse);
    this.dispatch(scope, { type: 'offer', id, message, place });
  }

  /** A change that cannot be undone was made: Ctrl+Z stops there (and says so), it never reaches an older one. */
  final(scope: string, place: UndoPlace, message: Words): void {
    this.dispatch(scope, { type: 'offer', id: ++this.lastId, message, place, final: true });
  }

  /**
   * Ctrl+Z on `scope`, whose screen shows `here`: undoes the newest change when it was made here,
   * today, and can be undone; otherwise says why nothing was undone (ok false). Null while a
   * reverse is still running (a second press is ignored).
   */
  async undo(scope: string, here: UndoPlace): Promise<Undone | null> {
    const before = this.state(scope);
    if (before.busy) return null;
    const decision = decideUndo(before, here);
    if (decision.do === 'refuse') {
      if (decision.reason === 'nothing') return { message: words('undo.nothing'), ok: false };
      if (decision.reason === 'final') return { message: words('undo.final', { change: decision.entry.message }), ok: false };
      if (decision.reason === 'elsewhere') return { message: words('undo.elsewhere', { change: decision.entry.message, place: decision.entry.place.name }), ok: false };
      // An earlier day's changes: gone for good (their visits are off today's screens).
      this.dispatch(scope, { type: 'clear' });
      return { message: words('undo.otherDay'), ok: false };
    }
    const { entry } = decision;
    this.dispatch(scope, { type: 'start' });
    const reverse = this.reverses.get(entry.id);
    let result: Undone;
    try {
      if (!reverse) throw new Error('no reverse');
      result = await reverse();
    } catch (error) {
      // An unexpected failure: said; the change stays, as one that cannot be undone.
      result = { message: words('undo.failed', { reason: error instanceof Error ? error.message : String(error) }), ok: false };
    }
    this.reverses.delete(entry.id);
    this.dispatch(scope, { type: 'done', id: entry.id, ok: result.ok, token: ++this.lastId });
    return result;
  }

  /** The toast's own events (its timer, its close button). */
  dispatch(scope: string, event: UndoEvent): void {
    const before = this.state(scope);
    const after = undoReducer(before, event);
    if (after === before) return;
    this.states.set(scope, after);
    // Changes pushed out (past UNDO_DEPTH, behind a final change, an earlier day's) can never be undone: their reverse calls go.
    const kept = new Set(after.stack.map((e) => e.id));
    if (event.type !== 'expire' && event.type !== 'dismiss') for (const e of before.stack) if (!kept.has(e.id)) this.reverses.delete(e.id);
    for (const listener of this.listeners) listener();
  }
}
