/** What Tab can reach inside a dialog: enabled controls and links, and anything given a tab stop. */
export const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Where Tab goes inside an open dialog: the next of its `count` focusable items (Shift+Tab the
 * previous), from the last back to the first and round, so the screen behind is never reached.
 * `index` is the item that has the focus now, -1 when none of them has it (the dialog itself, or
 * the focus was lost): Tab then goes to the first item, Shift+Tab to the last. Null when the
 * dialog has nothing to focus (the key then does nothing).
 */
export function trapStep(count: number, index: number, shift: boolean): number | null {
  if (count <= 0) return null;
  if (index < 0 || index >= count) return shift ? count - 1 : 0;
  return (index + (shift ? count - 1 : 1)) % count;
}
