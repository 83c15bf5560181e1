import { useSyncExternalStore } from 'react';
import { focusKindOf } from '../focus-kind';
import { printKeyOf } from './print-keys';

/**
 * Whether P alone prints the last slip right now, by print-keys.ts's rule, for the hints that
 * name the print keys (the slip panel's button and line, the print notice): after a registration
 * the focus is in the search field, where P types a letter, and a hint offering P there was
 * false (UI tester, finding 5). It follows the focus as it moves.
 */

let onQueueScreen = false;
const listeners = new Set<() => void>();

/** The print keys' own screen (use-print-keys): on the queue P calls the next patient. */
export function setPrintKeysOnQueue(queue: boolean): void {
  if (queue === onQueueScreen) return;
  onQueueScreen = queue;
  for (const listener of listeners) listener();
}

const pPrintsNow = (): boolean =>
  printKeyOf({ key: 'p', ctrl: false, alt: false, meta: false, onQueueScreen, focus: focusKindOf(document.activeElement) }) === 'print';

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  document.addEventListener('focusin', listener);
  document.addEventListener('focusout', listener);
  return () => {
    listeners.delete(listener);
    document.removeEventListener('focusin', listener);
    document.removeEventListener('focusout', listener);
  };
}

/** True where P prints (a button, no field, not the queue); false in a text field or on the queue. */
export function usePKeyPrints(): boolean {
  return useSyncExternalStore(subscribe, pPrintsNow);
}
