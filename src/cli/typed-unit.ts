/**
 * The unit a code typed after --unit names: the code as the settings spell it, else the one that
 * matches in any case (`umum` is UMUM), as every command taking --unit reads it; undefined: none.
 */
export function typedUnit<U extends { code: string }>(units: readonly U[], typed: string): U | undefined {
  return units.find((u) => u.code === typed) ?? units.find((u) => u.code.toUpperCase() === typed.toUpperCase());
}
