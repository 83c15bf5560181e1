/**
 * When the counter locks itself: after `minutes` without a key, a pointer or a scan (0 = never).
 * Pure, so the rule is tested without a clock; use-idle-lock.ts wires it to timers and events.
 */

/** Milliseconds from now until the lock, 0 when it is due; null when the counter never locks itself. */
export function msUntilLock(lastActivityMs: number, nowMs: number, minutes: number): number | null {
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  return Math.max(0, lastActivityMs + minutes * 60_000 - nowMs);
}

/** Is the lock due at `nowMs`? */
export function lockDue(lastActivityMs: number, nowMs: number, minutes: number): boolean {
  return msUntilLock(lastActivityMs, nowMs, minutes) === 0;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+L: lock at once (the clerk steps away). By code too, so a keyboard layout does not matter. */
export function isLockKey(event: KeyLike): boolean {
  if (!event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return false;
  return event.key === 'l' || event.key === 'L' || event.code === 'KeyL';
}

/** The DOM events that count as the clerk being at the counter (a scanner types keys). */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
