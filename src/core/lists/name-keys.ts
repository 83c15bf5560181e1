import { normalizeName, phoneticToken, plainWordCanon } from '../../shared/names';
import { FIRST_YEAR, LAST_YEAR } from '../../shared/text-rules';

/** Distinct words a list has are few (tens of thousands); the bound only guards against a list of nonsense. */
const MAX_CACHED_WORDS = 200_000;

/** Days dayIndex numbers. */
const DAYS = (LAST_YEAR - FIRST_YEAR + 1) * 12 * 31;

/**
 * The FTS5 name keys of a member (each canonical name token's phonetic code, plus a birth-date
 * token), computed for every row of a list import. Names are made of few distinct words, so
 * each plain word's phonetic code is computed once and cached; a name with anything else in it
 * (titles, punctuation, lower case) goes through the full normalizeName rules. Both paths give
 * the same keys: name-keys.test.ts checks that on generated and written names.
 */
export class NameKeys {
  /** word -> its phonetic code, or null when the word needs the full rules */
  private readonly words = new Map<string, string | null>();

  /**
   * ` D<dob>` by day (dayIndex), made once ('' until then): a number's text was ~4 % of the import
   * thread's time. Allocated whole, since an array filled far from its end turns into a dictionary.
   */
  private readonly dobTokens: string[] = new Array<string>(DAYS).fill('');

  of(name: string, dob: number | null): string | null {
    const keys = this.plainKeys(name) ?? phoneticKeys(normalizeName(name).key);
    if (!keys && dob === null) return null;
    return dob === null ? keys : keys + this.dobToken(dob);
  }

  /** The birth date's token with the space before it (`keys` may be empty: then the token leads with a space, which FTS5 ignores). */
  private dobToken(dob: number): string {
    const at = dayIndex(dob);
    if (at < 0) return ` D${dob}`;
    const made = this.dobTokens[at]!;
    if (made !== '') return made;
    return (this.dobTokens[at] = ` D${dob}`);
  }

  /** Keys of a name of plain words with single spaces between them, or null. */
  private plainKeys(name: string): string | null {
    let keys = '';
    let start = 0;
    for (let i = 0; i <= name.length; i++) {
      if (i < name.length && name.charCodeAt(i) !== 32) continue;
      if (i === start) return null; // leading, trailing or double space
      const code = this.wordCode(name.slice(start, i));
      if (code === null) return null;
      keys += keys ? ` ${code}` : code;
      start = i + 1;
    }
    return keys;
  }

  private wordCode(word: string): string | null {
    let code = this.words.get(word);
    if (code === undefined) {
      const canon = plainWordCanon(word);
      code = canon === null ? null : phoneticToken(canon);
      if (this.words.size >= MAX_CACHED_WORDS) this.words.clear();
      this.words.set(word, code);
    }
    return code;
  }
}

/** A yyyymmdd birth date as a small index, one a day (31 to a month), or -1 outside years FIRST_YEAR..LAST_YEAR. */
function dayIndex(dob: number): number {
  const year = Math.floor(dob / 10_000);
  const month = Math.floor(dob / 100) % 100;
  const day = dob % 100;
  if (!Number.isInteger(dob) || year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return ((year - FIRST_YEAR) * 12 + month - 1) * 31 + day - 1;
}

/** Each token's phonetic code, space-separated: the full path, for any canonical key. */
export function phoneticKeys(nameKey: string): string {
  let keys = '';
  for (const token of nameKey.split(' ')) {
    if (!token) continue;
    keys += (keys ? ' ' : '') + phoneticToken(token);
  }
  return keys;
}
