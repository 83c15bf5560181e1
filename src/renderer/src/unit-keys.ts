import type { ServiceUnit } from '../../shared/settings';

/** A unit with the number key that picks it (null past the ninth: picked by a click only). */
export interface KeyedUnit extends ServiceUnit {
  key: string | null;
}

/**
 * Each unit's number key: its row in Settings (1–9), the same on the unit step of a registration
 * and on the queue's tabs. The unit step leaves the emergency unit out (an emergency goes by F9)
 * but keeps the others' numbers, so "5" is the same unit on both screens, whatever row the IGD
 * has; a clerk who learnt a unit's number while registering opens its queue with it.
 */
export function keyedUnits(units: readonly ServiceUnit[]): KeyedUnit[] {
  return units.map((u, i) => ({ ...u, key: i < 9 ? String(i + 1) : null }));
}

/** The unit a number key picks among those shown; null when none has it. */
export function unitOfKey<U extends { key: string | null }>(units: readonly U[], key: string): U | null {
  return /^[1-9]$/.test(key) ? (units.find((u) => u.key === key) ?? null) : null;
}
