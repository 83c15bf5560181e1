import { QUIET_MS, SETTLE_MS, type LetterGuard } from '../../components/letter-keys';

/** Number keys pressed in the unit step, each within SETTLE_MS of the one before. */
export interface DigitRun {
  /** When the last of them went down. */
  last: number;
  count: number;
  /** Puts back the unit as it was before the run's first key. */
  undo: () => void;
  /** Taken for typing: nothing in it acts any more. */
  typed: boolean;
}

/** A run this short is a unit key, or a unit key and a change of mind ("5, no, 6"). */
const MAX_KEYS_OF_A_CHOICE = 2;

/**
 * A number key in the unit step (nighttester F7). It picks its unit at once when pressed on its
 * own, but not when it continues something typed there: a name or a number typed by a clerk who
 * thinks the search field has the focus.
 * - Within QUIET_MS of letters the payer guard took for typing: `ahmad 2` must not pick Poli Gigi.
 * - The third number key in a row (each within SETTLE_MS): an RM or NIK typed there, `000123`.
 *   The unit goes back to what it was before the first of them.
 * A payer letter changes nothing here: "J then 2" and "2 then J" at a practised clerk's speed pick
 * both (the payer guard never hears a number key that acted).
 * `undoThis` puts back the unit this key would change. Returns the run now, whether the key acts,
 * and what to take back (null: nothing).
 */
export function nextUnitDigit(
  guard: Pick<LetterGuard<unknown>, 'typing'>,
  run: DigitRun | null,
  time: number,
  undoThis: () => void,
): { run: DigitRun; acts: boolean; takeBack: (() => void) | null } {
  const inRun = run !== null && time - run.last < SETTLE_MS;
  const count = inRun ? run.count + 1 : 1;
  const undo = inRun ? run.undo : undoThis;
  const wasTyped = inRun && run.typed;
  const typed = wasTyped || guard.typing(time) || count > MAX_KEYS_OF_A_CHOICE;
  return {
    run: { last: time, count, undo, typed },
    acts: !typed,
    // Only when the run turns out to be typing: what its first keys changed goes back, once.
    takeBack: typed && !wasTyped && count > 1 ? undo : null,
  };
}

/** Enter in the unit step after keys typed there that went nowhere (a name, an RM). */
export interface EnterHold {
  /** Keys were taken for typing since the last Enter held: the next Enter is held. */
  armed: boolean;
  /** When the last Enter was held (-Infinity: none). */
  heldAt: number;
}

export const NO_ENTER_HOLD: EnterHold = { armed: false, heldAt: -Infinity };

/**
 * Enter in the unit step (UI tester 5): a clerk who thinks the search field has the focus types
 * the next patient's name and presses Enter to search; that Enter must not register the patient
 * on screen in a unit nobody chose. So after typing that went nowhere, the first Enter is held
 * (the step says so and asks for Enter again), and so is every Enter within QUIET_MS of a key
 * taken for typing or of the Enter held: a doubled reflex Enter registers nobody. An Enter
 * pressed after that, on its own, registers. A unit key or payer letter pressed alone is no
 * typing: "3, Enter" and "D, Enter" at once register as ever.
 */
export function enterInUnitStep(guard: Pick<LetterGuard<unknown>, 'typing'>, hold: EnterHold, time: number): { registers: boolean; hold: EnterHold } {
  const held = hold.armed || guard.typing(time) || time - hold.heldAt <= QUIET_MS;
  return held ? { registers: false, hold: { armed: false, heldAt: time } } : { registers: true, hold };
}
