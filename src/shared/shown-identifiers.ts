import type { MemberMatch, QueryKind } from './lookup';
import { maskCard, maskNik } from './masking';

/**
 * Whole NIKs and card numbers are shown only for the person the clerk has in front of them: the
 * row the clerk picked, or the exact match of the number the clerk typed or scanned (or of the
 * record number, whose patient it is). Every other row of a list of candidates is masked
 * (src/shared/masking.ts): a name search must not put the numbers of many people on screen.
 */
export function revealsIdentifiers(match: Pick<MemberMatch, 'confidence'>, queryKind: QueryKind, isPicked: boolean): boolean {
  return isPicked || (queryKind !== 'name' && match.confidence === 'exact');
}

/** The NIK and card of a row as the table shows them. */
export function shownIdentifiers(match: Pick<MemberMatch, 'nik' | 'card' | 'confidence'>, queryKind: QueryKind, isPicked: boolean): { nik: string | null; card: string | null } {
  if (revealsIdentifiers(match, queryKind, isPicked)) return { nik: match.nik, card: match.card };
  return { nik: match.nik === null ? null : maskNik(match.nik), card: match.card === null ? null : maskCard(match.card) };
}

