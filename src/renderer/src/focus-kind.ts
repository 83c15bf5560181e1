import type { FocusKind } from './print/print-keys';

const NOT_TEXT = ['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color', 'image'];

/** Classifies a key event's target. */
export function focusKindOf(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.id === 'lookup-query') return 'search';
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return 'text';
  if (target.tagName !== 'INPUT') return 'other';
  const type = (target as HTMLInputElement).type;
  return NOT_TEXT.includes(type) ? 'other' : 'text';
}
