import { normalizeName, phoneticToken, plainWordCanon } from '../../shared/names';

/** Distinct words a list has are few (tens of thousands); the bound only guards against a list of nonsense. */
const MAX_CACHED_WORDS = 200_000;

/**
 * The FTS5 name keys of a member (each canonical name token's phonetic code), computed for every
 * row of a list import. (Editions before format 2 also had a birth-date token ` D<yyyymmdd>`;
 * birth dates now have lists of their own, dob-lists.ts.) Names are made of few distinct words, so
 * each plain word's phonetic code is computed once and cached; a name with anything else in it
 * (titles, punctuation, lower case) goes through the full normalizeName rules. Both paths give
 * the same keys: name-keys.test.ts checks that on generated and written names.
 */
export class NameKeys {
  /** word -> its phonetic code, or null when the word needs the full rules */
  private readonly words = new Map<string, string | null>();

  /** The keys of a name, space-separated, or null when it has none (no letters). */
  of(name: string): string | null {
    return (this.plainKeys(name) ?? phoneticKeys(normalizeName(name).key)) || null;
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

/** Each token's phonetic code, space-separated: the full path, for any canonical key. */
export function phoneticKeys(nameKey: string): string {
  let keys = '';
  for (const token of nameKey.split(' ')) {
    if (!token) continue;
    keys += (keys ? ' ' : '') + phoneticToken(token);
  }
  return keys;
}
