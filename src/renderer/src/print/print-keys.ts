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
}

export type PrintKey = 'print' | 'reprint' | null;

/**
 * Which key prints the last registered visit's slip, from any screen:
 * - F4 always, as a reprint (the slip was printed on registering);
 * - Ctrl+P always (the browser's own print dialog never opens);
 * - P alone where it types nothing and means nothing else: not in a text field (the search field
 *   included: right after registering the clerk types the next name there, and PRIYO must not
 *   lose its P), not on the queue screen (P calls the next patient there).
 */
export function printKeyOf(c: PrintKeyContext): PrintKey {
  if (c.key === 'F4' && !c.ctrl && !c.alt && !c.meta) return 'reprint';
  if (c.key.toLowerCase() !== 'p' || c.alt || c.meta) return null;
  if (c.ctrl) return 'print';
  if (c.onQueueScreen) return null;
  return c.focus === 'other' ? 'print' : null;
}
