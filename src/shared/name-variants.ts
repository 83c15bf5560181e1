// How close two names written at a counter are, for the check before a NEW record (likely
// duplicates): a person without NIK is found only by name, and the same clerk writes it otherwise
// the next time (RAHMAT/RACHMAT, DEWY/DEWI, ST./SITI, NUR AINI/NUR'AINI, words left out or turned
// round). Looser than the lists' canonical key (names.ts), which stays as it is: this is used only
// on the facility's own records, and only to ASK the clerk, never to decide.
import { nameSimilarity } from './name-similarity';
import { normalizeName } from './names';

/** Words that address a person rather than name them; names.ts already drops the formal titles. */
const HONORIFICS = new Set('MBAH EYANG KAKEK NENEK MAK EMAK PAK BU BAPAK IBU BPK NY NYONYA TN TUAN NN NONA SDR SDRI'.split(' '));
/** BIN/BINTI X: the father's name, said at one visit and not at the next. */
const PATRONYMIC = new Set(['BIN', 'BINTI']);
/** Everyday abbreviations of a whole name word (MOH., M. for Muhammad are names.ts's aliases already). */
const ABBREVIATION: Readonly<Record<string, string>> = { ST: 'SITI', SIT: 'SITI' };
/** Joined-name similarity (Jaro-Winkler) from which two spellings count as the same name with one slip. */
const SIMILAR = 0.9;

/**
 * A canonical token (names.ts) written the loosest way still safe to compare on: CH/KH and H after
 * the first letter dropped (RACHMAT = RAHMAT = RAMAT, SUTINAH = SUTINA), Y after a consonant or
 * at the end read as I (DEWY, SRY, ARYANI), F/V as P (YUSUF = YUSUP), a last D as T (RACHMAD),
 * doubled letters once. Vowels stay: they keep SITI apart from SETO.
 */
export function looseToken(token: string): string {
  let known = TOKEN_CACHE.get(token);
  if (known === undefined) {
    if (TOKEN_CACHE.size >= TOKEN_CACHE_SIZE) TOKEN_CACHE.clear();
    TOKEN_CACHE.set(token, (known = loosen(token)));
  }
  return known;
}

/** Name words repeat endlessly over a facility's records: each is loosened once. */
const TOKEN_CACHE = new Map<string, string>();
const TOKEN_CACHE_SIZE = 50_000;

function loosen(token: string): string {
  const expanded = ABBREVIATION[token] ?? token;
  let out = '';
  for (let i = 0; i < expanded.length; i++) {
    let ch = expanded.charAt(i);
    const prev = out.charAt(out.length - 1);
    if (i > 0 && ch === 'H') continue;
    if (ch === 'K' && expanded.charAt(i + 1) === 'H' && i > 0) continue;
    if (ch === 'Y' && i > 0 && (i === expanded.length - 1 || !'AEIOU'.includes(prev))) ch = 'I';
    if (ch === 'F' || ch === 'V') ch = 'P';
    if (ch === 'D' && i === expanded.length - 1) ch = 'T';
    if (ch !== prev) out += ch;
  }
  return out;
}

export interface LooseName {
  /** Loose tokens in written order. */
  tokens: string[];
  /** Sorted and joined by spaces: word order does not matter. */
  sorted: string;
  /** Joined without spaces in written order: NUR AINI = NURAINI. */
  joined: string;
}

const EMPTY: LooseName = { tokens: [], sorted: '', joined: '' };

/**
 * The version of looseNameOfKey's output. Each record stores its `sorted` and `joined` forms
 * (patients.loose_sorted, loose_joined: the duplicate check selects by them with an index, see
 * core/patients/loose-name-keys.ts); raise this with any change to what looseNameOfKey returns
 * for a key (a word list, a spelling rule) and the stored forms are recomputed from each record's
 * stored name_key when the database is next opened.
 */
export const LOOSE_NAME_VERSION = 1;

/** From a canonical key (names.ts, as patients.name_key stores it). */
export function looseNameOfKey(key: string): LooseName {
  if (key === '') return EMPTY;
  let words = key.split(' ');
  // Only when a name is left: a patient called just "MBAH" or "IBU" keeps it.
  const named = words.filter((w) => !HONORIFICS.has(w));
  if (named.length > 0) words = named;
  const bin = words.findIndex((w, i) => i > 0 && PATRONYMIC.has(w));
  if (bin > 0) words = words.slice(0, bin);
  const tokens = words.map(looseToken).filter((t) => t !== '');
  return { tokens, sorted: [...tokens].sort().join(' '), joined: loosen(tokens.join('')) };
}

export const looseName = (name: string): LooseName => looseNameOfKey(normalizeName(name).key);

/**
 * - `same`: the same words once spelling, spaces, order and honorifics are set aside.
 * - `contained`: every word of one is in the other (MUHAMMAD or SITI left out, a surname added).
 * - `similar`: one slip more (HIDAYAH/HIDAYAT, NURUL AINI/NUR'AINI).
 */
export type NameCloseness = 'same' | 'contained' | 'similar' | 'none';

/** Two equalities, so a record's two stored forms find every `same` name with two index look-ups. */
export const sameLoose = (a: LooseName, b: LooseName): boolean => a.tokens.length > 0 && (a.sorted === b.sorted || a.joined === b.joined);

export function nameCloseness(a: LooseName, b: LooseName): NameCloseness {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 'none';
  if (sameLoose(a, b)) return 'same';
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  const rest = [...long.tokens];
  let letters = 0;
  const inside = short.tokens.every((t) => {
    const at = rest.indexOf(t);
    if (at < 0) return false;
    rest.splice(at, 1);
    letters += t.length;
    return true;
  });
  if (inside && letters >= 3) return 'contained';
  const score = Math.max(nameSimilarity(a.sorted, b.sorted), nameSimilarity(a.joined, b.joined));
  return score >= SIMILAR ? 'similar' : 'none';
}
