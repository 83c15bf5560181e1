/** Where a key lands: the search field, another text field (typing goes in), or anything else. */
export type FocusKind = 'search' | 'text' | 'other';

export interface PrintKeyContext {
  key: string;
  ctrl: boolean;
  alt: boolean;
  meta: boolean;
  /** On the queue screen P means "call next" (Panggil). */
  onQueueScreen: boolean;
  focus: FocusKind;
  searchEmpty: boolean;
  ticketShowing: boolean;
}

export type PrintKey = 'print' | 'reprint' | null;

/**
 * Which key prints the last registered visit's slip, from any screen:
 * - F4 always, as a reprint (the slip was printed on registering);
 * - Ctrl+P always (the browser's own print dialog never opens);
 * - P alone where it types nothing and means nothing else: not in a text field, not on the queue
 *   screen (P calls the next patient there); in the search field only when it is empty and the
 *   ticket is showing (right after registering), so a name with a "p" is still typed.
 */
export function printKeyOf(c: PrintKeyContext): PrintKey {
  if (c.key === 'F4' && !c.ctrl && !c.alt && !c.meta) return 'reprint';
  if (c.key.toLowerCase() !== 'p' || c.alt || c.meta) return null;
  if (c.ctrl) return 'print';
  if (c.onQueueScreen) return null;
  if (c.focus === 'text') return null;
  if (c.focus === 'search') return c.searchEmpty && c.ticketShowing ? 'print' : null;
  return 'print';
}
