import { parseCard } from '../../shared/card';
import { isAllDigits, stripSeparators } from '../../shared/separators';

export type ClassifiedQuery =
  | { kind: 'nik'; nik: string }
  | { kind: 'card'; card: string; restoredZeros: boolean }
  | { kind: 'name'; name: string }
  /** `numbers`: the query holds this many whole numbers with spaces between (two cells pasted), not one. */
  | { kind: 'bad-number'; digits: number; numbers?: number };

/**
 * A clerk types or scans one thing: 16 digits is a NIK, 13 a card number, anything with letters
 * a name. 9 to 12 digits is a card whose leading zeros were dropped (a scanner, a list, a clerk
 * who skips the zeros): padded back to 13, as the import does. A record number of this facility
 * is matched before this (lookup-methods), so a record number of that length stays a record.
 */
export function classifyQuery(query: string): ClassifiedQuery {
  const compact = stripSeparators(query.trim());
  if (isAllDigits(compact)) {
    if (compact.length === 16) return { kind: 'nik', nik: compact };
    const card = parseCard(compact);
    if (card.ok) return { kind: 'card', card: card.card, restoredZeros: card.restoredZeros };
    const numbers = wholeNumbers(query);
    return numbers > 1 ? { kind: 'bad-number', digits: compact.length, numbers } : { kind: 'bad-number', digits: compact.length };
  }
  return { kind: 'name', name: query.trim() };
}

/**
 * How many NIKs or card numbers (10 digits or more each) stand apart by spaces in `query`: two
 * spreadsheet cells or a column of them pasted are several numbers, one number typed in groups
 * ("3673 0152 0385 0003") is one.
 */
function wholeNumbers(query: string): number {
  const parts = query.trim().split(/\s+/).map(stripSeparators);
  return parts.every((p) => p.length >= 10 && isAllDigits(p)) ? parts.length : 0;
}
