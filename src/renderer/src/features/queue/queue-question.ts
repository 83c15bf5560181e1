import type { QueueEntry } from '../../../../shared/counter';
import { words, type Words } from '../../i18n/words';

/**
 * The queue's open question a scan would drop, in words for the search screen: a cancel still
 * asked (B), or a poli still to choose (G). A move already sent, or its slip offered, is done.
 */
export function queueQuestion(cancelling: QueueEntry | null, choosingMove: QueueEntry | null): Words | null {
  const entry = cancelling ?? choosingMove;
  if (!entry) return null;
  return words(cancelling ? 'queue.cancelDroppedByScan' : 'queue.moveDroppedByScan', { queue: entry.queue, name: entry.patient.name });
}
