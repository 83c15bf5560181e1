import type { QueueEntry } from '../../../../shared/counter';

/** What a letter does on the queue, given the row selected when the key went down. */
export type QueueLetterAction = 'call-next' | 'serve' | 'cancel' | 'move' | 'recall';

/**
 * The queue's letters, each the first letter of what the clerk says: P "Panggil berikutnya",
 * S "Selesai", B "Batal", G "Ganti poli" (P is taken, and "ganti poli" is the clerks' own phrase
 * for a patient at the wrong poli or sent on), U "panggil Ulang" (a called row only). A letter
 * that needs a row does nothing without a fitting one.
 */
export function queueLetterAction(key: string, selected: QueueEntry | null): QueueLetterAction | null {
  const open = selected !== null && (selected.status === 'waiting' || selected.status === 'called');
  switch (key) {
    case 'p':
      return 'call-next';
    case 's':
      return open ? 'serve' : null;
    case 'b':
      return open ? 'cancel' : null;
    case 'g':
      return open ? 'move' : null;
    case 'u':
      return selected?.status === 'called' ? 'recall' : null;
    default:
      return null;
  }
}

/** Letters that act on the selected row. */
const ROW_LETTERS = new Set(['s', 'b', 'g', 'u']);

/**
 * Why a row letter pressed alone does nothing: no row is selected yet (a tab just opened), or the
 * selected row is not one it acts on (U on a patient not yet called, S on a served one). Null
 * for other keys: those are typing.
 */
export function queueLetterWhyNot(key: string, selected: QueueEntry | null): 'pick-row' | 'recall-called-only' | 'row-closed' | null {
  if (!ROW_LETTERS.has(key) || queueLetterAction(key, selected) !== null) return null;
  if (selected === null) return 'pick-row';
  if (key === 'u' && selected.status === 'waiting') return 'recall-called-only';
  return 'row-closed';
}
