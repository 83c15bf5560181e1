// The marks spreadsheet users and exports put around a value so Excel keeps it as text instead of
// eating a NIK's last digit or a card's leading zeros. They are no part of the value: a list cell
// is read without them, in every column (NIK, card, name, birth date, status, address).
//
// - One leading apostrophe: Excel's own "text" prefix, typed by hand and written by exports (also
//   by Loket's own, before a value that starts like a formula). A backquote, its neighbour on the
//   keyboard, is read the same, as NIK and card cells always did. An apostrophe elsewhere (NUR'AINI)
//   is part of the name and stays.
// - A text formula ="3671011201802901": the usual CSV trick, which Excel shows as the digits.
//   Only a formula that is one string literal is unwrapped (its doubled quotes undone); ="A"&B
//   or =SUM(...) is no value and stays as written.

const TEXT_FORMULA = /^=\s*"((?:[^"]|"")*)"$/;

/** `text` (already trimmed) without a leading text mark; the input itself when it has none. */
export function withoutTextMark(text: string): string {
  const first = text.charCodeAt(0);
  if (first === 39 || first === 96) return text.slice(1).trim();
  if (first !== 61 || text.length < 3) return text;
  const formula = TEXT_FORMULA.exec(text);
  if (formula === null) return text;
  const inner = formula[1] ?? '';
  return (inner.includes('"') ? inner.replace(/""/g, '"') : inner).trim();
}

/** An integer printed as a float: "3671015501800017.0", "1336526592.00". */
const FLOAT_TEXT = /^([0-9]{1,20})\.0+$/;

/**
 * The integer in `text` when a program printed it as a float (pandas writes a NIK or card column
 * with gaps so), else null. The number is what a numeric cell would hold, and is read by the same
 * rules (a NIK above 2^53 has lost its last digit); the ".0" is never read as digits.
 */
export function floatPrintedInteger(text: string): number | null {
  if (text.charCodeAt(text.length - 1) !== 48 || text.indexOf('.') <= 0) return null;
  const float = FLOAT_TEXT.exec(text);
  return float === null ? null : Number(float[1]);
}
