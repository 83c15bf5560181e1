import { classifyQuery } from '../lookup/classify-query';

/**
 * The NIK or card number a query names, digits only (card padded to 13), so "who looked me up?"
 * finds a query however it was typed or scanned (separators, dropped zeros). Null for a name.
 */
export function queryKeyOf(query: string): string | null {
  const classified = classifyQuery(query);
  if (classified.kind === 'nik') return classified.nik;
  if (classified.kind === 'card') return classified.card;
  return null;
}
