import { parseCard } from '../../shared/card';

export type ClassifiedQuery =
  | { kind: 'nik'; nik: string }
  | { kind: 'card'; card: string }
  | { kind: 'name'; name: string }
  | { kind: 'bad-number'; digits: number };

const SEPARATORS = /[\s.\-\u00a0]/g;
const DIGITS_ONLY = /^\d+$/;

/** A clerk types or scans one thing: 16 digits is a NIK, 13 a card number, anything with letters a name. */
export function classifyQuery(query: string): ClassifiedQuery {
  const compact = query.replace(SEPARATORS, '');
  if (DIGITS_ONLY.test(compact)) {
    if (compact.length === 16) return { kind: 'nik', nik: compact };
    if (compact.length === 13) return { kind: 'card', card: compact };
    const card = parseCard(compact);
    // A scanner or a list may drop a card's leading zeros; a typed 12-digit number is still a card.
    if (card.ok && compact.length >= 11) return { kind: 'card', card: card.card };
    return { kind: 'bad-number', digits: compact.length };
  }
  return { kind: 'name', name: query.trim() };
}
