/**
 * Formula injection (CWE-1236): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@`
 * as a formula (`=HYPERLINK(...)`, `=cmd|...`), and a list file or a typed name is text anyone
 * could have written. Every text cell an export writes goes through here first.
 *
 * The rule (OWASP's CSV injection guidance and ASVS 1.2.10, widened where a spreadsheet may still
 * see a formula):
 * - the triggers are `=`, `+`, `-`, `@`, their full-width forms (`＝＋－＠`, which an East Asian
 *   input method turns into the ASCII ones), a tab, a carriage return, a line feed and NUL;
 * - a trigger counts at the start of the text and also after leading spaces or other whitespace,
 *   because importers that trim spaces (LibreOffice's "Trim spaces", Excel's Text Import Wizard)
 *   would otherwise uncover it;
 * - such a cell gets a leading `'`, which Excel and LibreOffice show as text and never evaluate.
 * Numbers are written as numbers and never prefixed: a negative count stays a number.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\t', '\r', '\n', '\0']);

/** The text a spreadsheet may run as a formula, with a `'` before it; any other text as it was. */
export function neutralizeFormula(text: string): string {
  if (text.length === 0) return text;
  if (TRIGGERS.has(text[0]!)) return `'${text}`;
  const firstVisible = text.trimStart()[0];
  return firstVisible !== undefined && TRIGGERS.has(firstVisible) ? `'${text}` : text;
}

/** Whether a cell was neutralized (its written text starts with the added `'`). */
export const NEUTRALIZING_PREFIX = "'";

/**
 * Characters XML 1.0 cannot carry (C0 controls but tab, CR and LF; lone surrogates; U+FFFE/FFFF):
 * a workbook holding one would not open, so each becomes U+FFFD in an XLSX cell.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
