import { isValidYmd } from './dates';

// No zod here: the import's worker threads use these rules, and loading zod costs each ~75 ms
// (text-schemas.ts has the contract's schemas).

/** Dates Loket accepts anywhere: a birth date, a list's as-of date, a report range. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/*
 * Characters that steer how text is shown instead of showing: Unicode's controls (C0 such as
 * NUL and escape, DEL, C1), its format characters (bidi embeddings, overrides and isolates
 * U+202A-U+202E and U+2066-U+2069, the marks U+200E, U+200F and U+061C, zero-width space and
 * joiners U+200B-U+200D, word joiner U+2060, U+FEFF, soft hyphen U+00AD, tag characters...) and
 * the line and paragraph separators U+2028/U+2029. None is part of a name or an address: an
 * override makes "BUDI \u202eNAMSOR\u202c" show as "BUDI ROSMAN" on every screen, slip and export
 * while the stored (and searched) text differs, and a zero-width space splits a name that looks
 * whole. Letters of every script (accents, Arabic), spaces and punctuation (MA'RUF) are not in
 * these categories. This is the one definition: typed text is refused (text-schemas.ts), list
 * cells and names lose them (row-validator.ts), a typed query drops the format characters.
 */
const ANY_HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const ALL_HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const ALL_FORMAT = /[\p{Cf}\p{Zl}\p{Zp}]/gu;
/** The same as ANY_HIDDEN but for tab, LF and CR, a file's own structure in a block of lines. */
const HIDDEN_IN_LINES = /[^\P{Cc}\t\n\r]|[\p{Cf}\p{Zl}\p{Zp}]/u;

/** Holds a control or format character (see above): nothing a person types into a name. */
export function hasControlCharacters(s: string): boolean {
  return ANY_HIDDEN.test(s);
}

/** The text with every control and format character removed. */
export function withoutControlCharacters(s: string): string {
  return s.replace(ALL_HIDDEN, '');
}

/** The text without format characters (bidi controls, zero-width characters); controls stay, to be refused. */
export function withoutFormatCharacters(s: string): string {
  return s.replace(ALL_FORMAT, '');
}

/** Whether lines of text (a CSV file's decoded chunk) hold a control or format character other than tab, LF and CR. */
export function linesHoldControlCharacters(text: string): boolean {
  return HIDDEN_IN_LINES.test(text);
}

/**
 * linesHoldControlCharacters for text known to be ASCII, read from its bytes: ASCII's only
 * characters of those kinds are the C0 controls and DEL (format characters and the line
 * separators are all beyond it). A CSV import checks every chunk of the file (csv-reader.ts), and
 * the Unicode regex took ~2 ns a byte; this looks at four bytes at once (~0.6 ns a byte) and
 * at single bytes only in a word that holds a byte below 0x20 or a DEL.
 */
export function asciiLinesHoldControlCharacters(bytes: Uint8Array): boolean {
  const head = (4 - (bytes.byteOffset & 3)) & 3;
  if (bytes.length < head + 4) return controlByteIn(bytes, 0, bytes.length);
  if (controlByteIn(bytes, 0, head)) return true;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (bytes.length - head) >>> 2);
  for (let i = 0; i < words.length; i++) {
    const x = words[i]!;
    // Some byte below 0x20, or equal to 0x7f (x ^ 0x7f7f7f7f has a zero byte): the classic "has a
    // byte less than n" test, exact about whether one exists as long as no byte has its top bit set.
    const y = x ^ 0x7f7f7f7f;
    if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
      const at = head + i * 4;
      if (controlByteIn(bytes, at, at + 4)) return true;
    }
  }
  return controlByteIn(bytes, head + words.length * 4, bytes.length);
}

function controlByteIn(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b === 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return true;
  }
  return false;
}

/** yyyy-mm-dd of a day that exists, between FIRST_YEAR and LAST_YEAR. */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  return y >= FIRST_YEAR && y <= LAST_YEAR && isValidYmd(y, Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}
