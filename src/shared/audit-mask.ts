import { parseCard } from './card';
import { CARD_DIGITS, NIK_DIGITS, maskCard, maskLongNumbers, maskNik } from './masking';
import { isAllDigits, stripSeparators } from './separators';

/**
 * Masks every NIK- or card-shaped number in a text of the trail (an audited query, an export
 * cell), and every other long number (12 digits or more): a NIK typed a digit short or long is
 * no NIK to the look-up, yet it is the person's number all but a digit.
 */
export function maskQueryIdentifiers(text: string): string {
  return maskLongNumbers(text);
}

/**
 * An audited query as the audit screen and its export show it. A query the core read as a NIK
 * or a card number (the entry's `queryKey`, digits) is masked as that number, however it was
 * typed: a card typed without its leading zeros (9-12 digits) is a card all the same, and the
 * rule by length alone (16 or 13 digits) let it through whole. It reads as the card does,
 * `•••••••••6592`. An entry without a key (a name; an entry written before keys; a number the
 * look-up refused as partial) is read the way the core reads a query, then masked by length:
 * every number of 12 digits or more.
 */
export function maskAuditQuery(query: string, queryKey?: unknown): string {
  const key = typeof queryKey === 'string' && /^\d+$/.test(queryKey) ? queryKey : identifierOf(query);
  if (key?.length === NIK_DIGITS) return maskNik(key);
  if (key?.length === CARD_DIGITS) return maskCard(key);
  return maskQueryIdentifiers(query);
}

/** The NIK or card (padded to 13) an all-digit query names, as the core's look-up reads it; null otherwise. */
function identifierOf(query: string): string | null {
  const compact = stripSeparators(query.trim());
  if (!isAllDigits(compact)) return null;
  if (compact.length === NIK_DIGITS) return compact;
  const card = parseCard(compact);
  return card.ok ? card.card : null;
}
