// The one rule for what may stand between the digits of a NIK, a card number or a record number.
// Clerks type spaces or dots, phones and word processors turn "-" into dashes, copied text brings
// non-breaking spaces, and some papers group digits with a slash. None of these carries meaning,
// so every parser (parseNik, parseCard, classifyQuery, the record-number match) and the
// renderer's query shape strip exactly these, and a query is never a NIK to one and a name to another.

/** Char codes of the separators: space, tab, dot, slash, hyphen, and the Unicode spaces and dashes. */
export const SEPARATOR_CODES: readonly number[] = Object.freeze([
  0x20, // space
  0x09, // tab
  0x2e, // .
  0x2f, // /
  0x2d, // -
  0xa0, // no-break space
  0x2007, // figure space
  0x2009, // thin space
  0x202f, // narrow no-break space
  0x2010, // hyphen
  0x2011, // non-breaking hyphen
  0x2012, // figure dash
  0x2013, // en dash
  0x2014, // em dash
  0x2212, // minus sign
]);

const TABLE = new Set<number>(SEPARATOR_CODES);

/** Whether a char code separates digit groups. Hot path (once per list row): a set lookup, no regex. */
export function isSeparator(c: number): boolean {
  return c < 0x80 ? c === 0x20 || c === 0x09 || c === 0x2e || c === 0x2f || c === 0x2d : TABLE.has(c);
}

/** `input` without separators; returns the input itself when there is nothing to strip (no allocation). */
export function stripSeparators(input: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < input.length; i++) {
    if (isSeparator(input.charCodeAt(i))) {
      if (i > from) out += input.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? input : out + input.slice(from);
}

/** Only ASCII digits (an empty string is not). */
export function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
