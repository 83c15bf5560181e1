import type { QueueEntry } from '../../../../shared/counter';
import type { AskingWords } from '../../scan/asking-now';

/**
 * The queue's open question a scan would drop, in words for the search screen: a cancel still
 * asked (B), or a poli still to choose (G). A move already sent, or its slip offered, is done.
 */
export function queueQuestion(cancelling: QueueEntry | null, choosingMove: QueueEntry | null): AskingWords | null {
  const entry = cancelling ?? choosingMove;
  if (!entry) return null;
  return { key: cancelling ? 'queue.cancelDroppedByScan' : 'queue.moveDroppedByScan', values: { queue: entry.queue, name: entry.patient.name } };
}
