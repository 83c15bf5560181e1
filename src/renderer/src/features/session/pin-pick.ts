/**
 * Picking a clerk for a PIN sign-in or take-over (PinSignIn): what the PIN field holds after a
 * pick. A click on a name starts an empty PIN; a digit typed while a name has the focus is no
 * key lost on a button: it picks that clerk and is the first digit of their PIN, or the next one
 * when that clerk was already picked.
 */

/** The digit a key types on a clerk's name, or null (a shortcut, a letter, Tab, Enter). */
export function digitOfKey(key: string, mods: { ctrlKey: boolean; altKey: boolean; metaKey: boolean }): string | null {
  return /^\d$/.test(key) && !mods.ctrlKey && !mods.altKey && !mods.metaKey ? key : null;
}

/** The PIN after picking `name` (the clerk picked before: `picked`, their PIN so far: `typed`). */
export function pinAfterPick(picked: string, typed: string, name: string, digit: string | null): string {
  if (digit === null) return '';
  return (picked === name ? typed : '') + digit;
}
