/**
 * Single-letter actions on a list (the queue's P/S/B, the follow-ups' J/D/U/R/K/A/M/C/I) against
 * typing. A clerk who types a name into a screen that has no search field (`budi`, `pasien`)
 * must not change the payers or statuses of several patients, one per letter. Pure: the caller
 * passes the time (event.timeStamp / performance.now(), one clock).
 *
 * Two rules, together:
 * - a letter acts only after SETTLE_MS with no other printable key: a word typed at any usual
 *   speed cancels its first letter's action before it runs (`pasien` calls nobody);
 * - a letter acts only when the previous printable key was more than QUIET_MS ago: whatever
 *   the speed, a burst of keys makes at most one change, and after a change every further
 *   letter is ignored until the keyboard has been quiet for that long (the clerk reads the toast).
 * A key pressed deliberately, alone, still acts (SETTLE_MS later), also when a scan follows at once
 * (flush(): the scanner's keys are a machine's, not the clerk typing on). A held letter that is
 * dropped (a key after it, Escape, a shortcut, a dialog) is handed back, so the screen can say so.
 */

/** How long the keyboard must have been quiet before a letter may act (ms). */
export const QUIET_MS = 1000;
/** How long a letter waits for a second printable key before it acts (ms): above a typist's gap between keys. */
export const SETTLE_MS = 400;

export interface LetterVerdict<A> {
  /** An earlier letter's action whose SETTLE_MS ran out before this key: run it now, first. */
  due: A | null;
  /** This key does nothing (typing, or no action here): the screen says how to search instead. */
  ignored: boolean;
  /** Pressed on its own (after a quiet keyboard, no letter held): not typing, so an ignored key had no action here. */
  alone: boolean;
  /** The held letter's action this key dropped (it came within SETTLE_MS: typing), or null. */
  dropped: A | null;
}

export class LetterGuard<A> {
  private last = -Infinity;
  /** The last key taken for typing (a key of a run, not pressed alone). */
  private typedAt = -Infinity;
  private pending: { action: A; time: number } | null = null;

  /**
   * A printable key went down (one character, no Ctrl/Alt/Meta) at `time`; `action` is what it
   * does when pressed alone (null: nothing here). The action is held, not run: see tick().
   */
  press(time: number, action: A | null): LetterVerdict<A> {
    const due = this.tick(time);
    const quiet = time - this.last > QUIET_MS;
    this.last = time;
    if (this.pending) {
      // A second key within SETTLE_MS: the first was the start of a word, not an action.
      const dropped = this.pending.action;
      this.pending = null;
      this.typedAt = time;
      return { due, ignored: true, alone: false, dropped };
    }
    if (quiet && action !== null) {
      this.pending = { action, time };
      return { due, ignored: false, alone: true, dropped: null };
    }
    if (!quiet) this.typedAt = time;
    return { due, ignored: true, alone: quiet, dropped: null };
  }

  /**
   * Whether a key at `time` comes within QUIET_MS of a key taken for typing: the run goes on
   * (the unit step's number keys, which the guard does not hold, ask it: `ahmad 2`).
   */
  typing(time: number): boolean {
    return time - this.typedAt <= QUIET_MS;
  }

  /** The held action, once SETTLE_MS passed without another printable key (else null). */
  tick(now: number): A | null {
    if (!this.pending || now - this.pending.time < SETTLE_MS) return null;
    const { action } = this.pending;
    this.pending = null;
    return action;
  }

  /** ms until the held action is due (for the caller's timer); null when none is held. */
  dueIn(now: number): number | null {
    return this.pending ? Math.max(0, this.pending.time + SETTLE_MS - now) : null;
  }

  /**
   * A scan arrived (a machine's 10–16 digits and Enter) while a letter waits: the letter was
   * pressed alone all the same, so its action is due now, before the scan takes the screen away.
   */
  flush(): A | null {
    const action = this.pending?.action ?? null;
    this.pending = null;
    return action;
  }

  /** Escape, a shortcut, a dialog: the held action is dropped, and handed back to be named (null: none waited). */
  cancel(): A | null {
    return this.flush();
  }
}

/** One character typed, no Ctrl/Alt/Meta (Shift is typing too): what the guard judges. */
export const isPrintable = (event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean =>
  event.key.length === 1 && !event.altKey && !event.ctrlKey && !event.metaKey;
