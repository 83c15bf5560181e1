// JKN card number (noka) rules. The structure inside the 13 digits is undocumented, so only
// length and digits are checked; the one repair is restoring zeros a spreadsheet ate.
import { isSeparator } from './separators';

export type CardParse =
  | { ok: true; card: string; restoredZeros: boolean }
  | { ok: false; reason: 'empty' | 'not-digits' | 'length' };

const CARD_LENGTH = 13;
// Fewer than 9 digits would mean 5+ eaten zeros: too far from any real card to trust.
const MIN_DAMAGED_LENGTH = 9;
const ZEROS = '0000';
const FLOAT_TAIL = /\d\.0+\s*$/;

const REJECT_EMPTY: CardParse = Object.freeze({ ok: false, reason: 'empty' });
const REJECT_NOT_DIGITS: CardParse = Object.freeze({ ok: false, reason: 'not-digits' });
const REJECT_LENGTH: CardParse = Object.freeze({ ok: false, reason: 'length' });

function fromDigits(digits: string): CardParse {
  if (digits.length === CARD_LENGTH) return { ok: true, card: digits, restoredZeros: false };
  if (digits.length < MIN_DAMAGED_LENGTH || digits.length > CARD_LENGTH) return REJECT_LENGTH;
  return { ok: true, card: ZEROS.slice(0, CARD_LENGTH - digits.length) + digits, restoredZeros: true };
}

/** Card number from a text cell, a numeric XLSX cell or a clerk's input. */
export function parseCard(raw: string | number | null | undefined): CardParse {
  if (raw === null || raw === undefined) return REJECT_EMPTY;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0 || !Number.isInteger(raw)) return REJECT_NOT_DIGITS;
    return fromDigits(String(raw)); // integers below 1e21 print without exponent
  }
  if (typeof raw !== 'string') return REJECT_NOT_DIGITS;
  // A dot separates digit groups, but "1336526592.0" is a float printed by an export: its ".0"
  // is no digit of the card, so it stays rejected rather than read as one more digit.
  if (raw.indexOf('.') > 0 && FLOAT_TAIL.test(raw)) return REJECT_NOT_DIGITS;
  let digits = '';
  // Excel users force text with a leading apostrophe; some exports keep it.
  const first = raw.trimStart().charCodeAt(0);
  const start = first === 39 || first === 96 ? raw.indexOf(first === 39 ? "'" : '`') + 1 : 0;
  let from = start;
  for (let i = start; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (!isSeparator(c)) return REJECT_NOT_DIGITS;
    if (i > from) digits += raw.slice(from, i);
    from = i + 1;
  }
  digits = from === 0 ? raw : digits + raw.slice(from);
  if (digits.length === 0) return REJECT_EMPTY;
  return fromDigits(digits);
}
