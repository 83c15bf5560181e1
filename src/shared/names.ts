// Indonesian name normalisation (DOMAIN.md section 4). `key` is a canonical form used on both
// sides of every comparison (indexing and querying), so a rule only has to be consistent, not
// linguistically exact. Runs once per list row: char-code loops, regexes compiled once.

export interface NormalizedName {
  display: string; // trimmed, spaces collapsed, upper case: lists are written in upper case
  key: string; // canonical form for equality and similarity
  tokens: string[]; // key split on spaces
}

const WHITESPACE = /[\s\u00a0\ufeff]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Titles before a name, matched on the word's letters only ("Hj." = "HJ"). "AN." (anak) only with its dot. */
const PREFIX = new Set('H HJ HJH HAJI HAJAH HAJJAH DR DRS DRA DRG DRH IR PROF TN NY NN KH ALM ALMH SDR SDRI BPK BAPAK IBU'.split(' '));
const DOTTED_PREFIX = 'AN';
/** Degrees (and a few titles) written after a name; none is an Indonesian name on its own. */
const TRAILING = new Set(
  ('SPD SPDI SPDSD SKOM SKOMI AMD AMDKEB AMDKEP AMDKES AMDFARM AMDGZ AMDAK AMDKL AMK AMKEB AMKEP SH SHI SE SEI SKEP ' +
    'SKED SKM SST SSTR STR SAG SSOS SSOSI SIP SIKOM SFARM SPSI SS SSI ST STP SPT SPI SGZ STHI STH SSN SKEB SP SKG SHUM ' +
    'MM MPD MPDI MSI MKES MH MHI MT MAG MKOM MKM MSC MBA APT NERS SPOG SPA SPPD SPB SPM SPKK SPTHT SPJP SPRAD SPAN ' +
    'SPS SPKJ SPU SPOT PHD BSC LC HJ HJH HAJI HAJAH HAJJAH ALM ALMH').split(' '),
);
/** Pieces of a degree written with spaces ("S. Pd"), accepted only after a comma. */
const FRAGMENTS = new Set('PD KOM KES MD KEP KEB AG SOS SI KM FARM PSI HUM IP GZ AK KG KED SN HI EI PDI TH SP SC'.split(' '));

const MUHAMMAD = 'MUHAMMAD';
// Written variants -> canonical token. Keys are passed through spelling() below, so they match
// tokens after old-spelling mapping and double-letter collapse.
const ALIAS_GROUPS: readonly (readonly [string, string])[] = [
  [MUHAMMAD, 'MUHAMMAD MUHAMAD MUHAMMED MUHAMED MOHAMMAD MOHAMAD MOHAMMED MOHAMED MOCHAMMAD MOCHAMAD MOCHAMMED ' +
    'MUCHAMMAD MUCHAMAD MUKHAMMAD MUKHAMAD MOKHAMMAD MOKHAMAD MOEHAMMAD MOEHAMAD MOH MOCH MOKH MUH MUCH MHD MUHD MOHD MHMD'],
  ['AHMAD', 'AHMAD ACHMAD AKHMAD AHMED ACHMED AHMAT ACHMAT'],
  ['ABDUL', 'ABDUL ABD'],
  ['NUR', 'NUR NOOR NOER NOR'],
  ['SITI', 'SITI SITTI'],
];
const ALIAS = new Map<string, string>();

const A = 65, C = 67, D = 68, E = 69, H = 72, J = 74, K = 75, O = 79, T = 84, U = 85, Y = 89;
const CHAR: readonly string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function isAlnum(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}
/** "S." of a degree split by a space ("S. Pd"); the dot is required so canonical keys never match. */
function isDottedLetter(w: string): boolean {
  return w.length === 2 && w.charCodeAt(1) === 46 && isAlnum(w.charCodeAt(0));
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 96 || c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0xb4;
}

/** Whether spelling() would change t: most tokens need nothing, and then nothing is allocated. */
function needsSpelling(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const n = t.charCodeAt(i + 1);
    if (c === J || (c === n && c >= A) || (c === O && n === E) || (c === C && n === H)) return true;
  }
  return false;
}

/**
 * Old spelling to new, in one pass: OE->U, TJ->C, DJ->J, CH->KH, SJ->SY, NJ->NY, and then every
 * remaining J->Y. Old "J" is modern "Y" (Jusuf/Yusuf) while old "DJ" is modern "J" (Djoko/Joko):
 * mapping both to Y is the only rule under which Djoko = Joko and Jusuf = Yusuf both hold, at the
 * price of also equating modern J and Y (Joko = Yoko), which birth date and NIK still separate.
 * Doubled letters collapse (Hasanuddin = Hasanudin, Sitti = Siti). The output is a fixed point.
 */
function spelling(t: string): string {
  if (!needsSpelling(t)) return t;
  let out = '';
  let last = 0;
  for (let i = 0; i < t.length; ) {
    const c = t.charCodeAt(i);
    const n = t.charCodeAt(i + 1);
    let e1 = c; // emitted letter
    let e2 = 0; // second emitted letter (the H of KH)
    let adv = 1;
    if (c === O && n === E) (e1 = U), (adv = 2);
    else if (c === T && n === J) {
      adv = 2;
      e1 = C;
      if (t.charCodeAt(i + 2) === H) (e1 = K), (e2 = H), (adv = 3); // TJH: TJ->C, then CH->KH
    } else if (c === D && n === J) (e1 = Y), (adv = 2);
    else if (c === C && n === H) (e1 = K), (e2 = H), (adv = 2);
    else if (c === J) e1 = Y;
    i += adv;
    if (e1 !== last || e1 < A) out += CHAR[e1] ?? '';
    last = e1;
    if (e2 !== 0) {
      if (e2 !== last) out += CHAR[e2] ?? '';
      last = e2;
    }
  }
  return out;
}

for (const [target, variants] of ALIAS_GROUPS) for (const v of variants.split(' ')) ALIAS.set(spelling(v), target);
// Haji titles also respelled ("HJ" -> "HY"), so they are still recognised among canonical tokens.
// Other respellings are left out: collapsed doubles ("SSI" -> "SI", "NN" -> "N") look like names.
for (const set of [PREFIX, TRAILING]) for (const t of [...set]) if (t.includes('J')) set.add(spelling(t));

function canonToken(compact: string): string {
  const s = spelling(compact);
  return ALIAS.get(s) ?? s;
}

/** A word's letters and digits only ("S.Pd." -> "SPD"); returns the word itself when already clean. */
function compact(word: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < word.length; i++) {
    if (isAlnum(word.charCodeAt(i))) continue;
    out += word.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? word : out + word.slice(from);
}

/** Splits on spaces and commas, dropping words without letters or digits; returns the index of the first word after a comma, or -1. */
function splitWords(s: string, words: string[]): number {
  let commaAt = -1;
  let start = 0;
  let alnum = false;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c !== 32 && c !== 44) {
      if (!alnum && isAlnum(c)) alnum = true;
      continue;
    }
    if (alnum) words.push(s.slice(start, i));
    if (c === 44 && commaAt < 0) commaAt = words.length;
    start = i + 1;
    alnum = false;
  }
  return commaAt;
}

/** Canonical tokens of words[from..to): subwords split on punctuation, apostrophes joined ("MA'RUF" -> "MARUF"). */
function tokensOf(words: readonly string[], from: number, to: number, out: string[]): void {
  for (let w = from; w < to; w++) {
    const word = words[w] ?? '';
    if (compact(word) === word) {
      out.push(canonToken(word));
      continue;
    }
    let sub = '';
    let start = 0;
    for (let i = 0; i <= word.length; i++) {
      const c = i < word.length ? word.charCodeAt(i) : 32;
      if (isAlnum(c)) continue;
      sub += word.slice(start, i);
      start = i + 1;
      if (isApostrophe(c) || sub === '') continue;
      out.push(canonToken(sub));
      sub = '';
    }
  }
}

/** Drops leading and trailing titles among canonical tokens, never the last remaining name token. */
function stripTokenTitles(tokens: string[]): string[] {
  let from = 0;
  let to = tokens.length;
  // A newborn is registered as "By. Ny. <mother>": keep BAYI, so baby and mother stay distinct.
  let baby = false;
  for (;;) {
    const t = tokens[from] ?? '';
    if (!baby && (t === 'BY' || t === 'BAYI')) (baby = true), from++;
    else if (to - from > 1 && PREFIX.has(t)) from++;
    else break;
  }
  while (to - from > 1 && TRAILING.has(tokens[to - 1] ?? '')) to--;
  const kept = from === 0 && to === tokens.length ? tokens : tokens.slice(from, to);
  if (baby) kept.unshift('BAYI');
  return kept;
}

function tokensOfDisplay(display: string): string[] {
  const s = NON_ASCII.test(display) ? display.normalize('NFD').replace(COMBINING_MARKS, '') : display;
  const words: string[] = [];
  const commaAt = splitWords(s, words);
  let from = 0;
  let to = words.length;
  // Leading titles, also glued to the name ("HJ.SITI"); a baby marker is set aside as in stripTokenTitles.
  let baby = false;
  while (from < to) {
    const w = words[from] ?? '';
    const c = compact(w);
    if (!baby && (c === 'BY' || c === 'BAYI')) {
      baby = true;
      from++;
      continue;
    }
    if (to - from > 1 && (PREFIX.has(c) || (c === DOTTED_PREFIX && w.includes('.')))) {
      from++;
      continue;
    }
    const dot = w.indexOf('.');
    if (dot > 0 && dot < w.length - 1 && PREFIX.has(compact(w.slice(0, dot))) && compact(w.slice(dot + 1)) !== '') {
      words[from] = w.slice(dot + 1);
      continue;
    }
    break;
  }
  // Everything after a comma that looks like degrees ("..., S.Pd., M.Kes") goes.
  if (commaAt > from && commaAt < to) {
    let allTitles = true;
    for (let i = commaAt; i < to && allTitles; i++) {
      const c = compact(words[i] ?? '');
      allTitles = c.length <= 1 || PREFIX.has(c) || TRAILING.has(c) || FRAGMENTS.has(c);
    }
    if (allTitles) to = commaAt;
  }
  while (to - from > 1) {
    const last = words[to - 1] ?? '';
    if (TRAILING.has(compact(last))) to--;
    else if (to - from > 2 && isDottedLetter(words[to - 2] ?? '') && TRAILING.has(compact((words[to - 2] ?? '') + last))) to -= 2;
    else break;
  }
  let tokens: string[] = baby ? ['BAYI'] : [];
  tokensOf(words, from, to, tokens);
  tokens = stripTokenTitles(tokens);
  // A lone "M" before another name is Muhammad; as the last token it is more likely an initial.
  for (let i = 0; i < tokens.length - 1; i++) if (tokens[i] === 'M') tokens[i] = MUHAMMAD;
  return tokens;
}

/** Whether the text needs whitespace repair: anything but single inner ASCII spaces. Avoids a regex replace per row. */
function messySpaces(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  if (raw.charCodeAt(0) === 32 || raw.charCodeAt(n - 1) === 32) return true;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x3000)) return true;
    if (c === 32 && raw.charCodeAt(i + 1) === 32) return true;
  }
  return false;
}

export function normalizeName(raw: string): NormalizedName {
  const text = typeof raw === 'string' ? raw : '';
  const display = (messySpaces(text) ? text.replace(WHITESPACE, ' ').trim() : text).toUpperCase();
  const tokens = tokensOfDisplay(display);
  return { display, key: tokens.join(' '), tokens };
}

// Phonetic classes for typo-tolerant candidate search. '' = silent; '*' = vowel. Y right after a
// consonant is a glide and counts as a vowel (Suryani/Suriani, Asyari/Asari). F/V/P merge (Fitri/Pitri, Arif/Arip),
// Z/X/S merge (Zainal/Sainal), Q/K merge. C stays apart from K and S: after TJ->C it is a real,
// selective sound in Indonesian. H is silent after the first letter (Rahmat/Ramat, Sinta/Shinta).
const PHONETIC: readonly string[] = Array.from({ length: 128 }, (_, i) => {
  const ch = String.fromCharCode(i);
  if ('AEIOU'.includes(ch)) return '*';
  if (ch === 'H') return '';
  if (ch === 'F' || ch === 'V') return 'P';
  if (ch === 'Z' || ch === 'X') return 'S';
  if (ch === 'Q') return 'K';
  return (i >= 66 && i <= 90) || (i >= 48 && i <= 57) ? ch : '';
});
const DEVOICED: Readonly<Record<string, string>> = { B: 'P', D: 'T', G: 'K' };

/**
 * Coarse code of one canonical token: the first letter (a vowel kept as written; KH- and SY-
 * reduced to H and S), then the consonant classes, vowels dropped, repeats collapsed unless a
 * vowel separates them, and a final B/D/G devoiced (Ahmad/Ahmat). Short codes get their first
 * vowel appended so that at least 2 characters remain when the token has them.
 */
export function phoneticToken(token: string): string {
  const t = token.toUpperCase();
  const n = t.length;
  if (n === 0) return '';
  const c0 = t.charCodeAt(0);
  const c1 = t.charCodeAt(1);
  let i = 1;
  let out: string;
  if (c0 === K && c1 === H) (out = 'H'), (i = 2);
  else if ((c0 === 83 && c1 === Y) || (c0 === D && c1 === 90)) (out = 'S'), (i = 2); // SY, DZ
  else out = PHONETIC[c0] === '*' ? t.charAt(0) : (PHONETIC[c0] ?? '') || t.charAt(0);
  let last = PHONETIC[c0] === '*' ? '' : out;
  let vowel = '';
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    const next = t.charCodeAt(i + 1);
    let code = PHONETIC[c] ?? '';
    if (c === Y && last !== '') code = '*';
    if (code === '*') {
      if (vowel === '') vowel = t.charAt(i);
      last = '';
      continue;
    }
    if (c === K && next === H) {
      i++; // inside a word KH sounds like H, which is silent (Akhmad/Ahmad)
      continue;
    }
    if (c === D && next === 90) (code = 'S'), i++; // DZ (Dzikri/Zikri)
    if (code === '') continue;
    if (i === n - 1) code = DEVOICED[code] ?? code;
    if (code !== last) out += code;
    last = code;
  }
  return out.length < 2 && vowel !== '' ? out + vowel : out;
}

// Scratch buffers reused across calls: similarity runs hundreds of times per search.
const MAX_TOKENS = 16;
const MAX_TOKEN_LENGTH = 64;
// Unrelated Indonesian names still score 0.5-0.65 in Jaro-Winkler (SITI/SANTOSO): below this a pair counts as no match.
const NOISE_FLOOR = 0.7;
const aStart = new Int32Array(MAX_TOKENS), aLen = new Int32Array(MAX_TOKENS);
const bStart = new Int32Array(MAX_TOKENS), bLen = new Int32Array(MAX_TOKENS);
const sims = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const flagsA = new Uint8Array(MAX_TOKEN_LENGTH), flagsB = new Uint8Array(MAX_TOKEN_LENGTH);

let scannedLetters = 0;

/** Token offsets into the scratch arrays (capped at MAX_TOKENS); adds the key's letters to scannedLetters. */
function scanTokens(key: string, starts: Int32Array, lens: Int32Array): number {
  let count = 0;
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && key.charCodeAt(i) !== 32) continue;
    const len = i - start;
    if (len > 0) {
      scannedLetters += len;
      if (count < MAX_TOKENS) (starts[count] = start), (lens[count] = Math.min(len, MAX_TOKEN_LENGTH)), count++;
    }
    start = i + 1;
  }
  return count;
}

/** Jaro-Winkler on two substrings, without slicing them. A one-letter token is an initial. */
function jaroWinkler(a: string, as: number, al: number, b: string, bs: number, bl: number): number {
  let same = al === bl;
  for (let k = 0; same && k < al; k++) same = a.charCodeAt(as + k) === b.charCodeAt(bs + k);
  if (same) return 1;
  if (al === 1 || bl === 1) return a.charCodeAt(as) === b.charCodeAt(bs) ? 0.8 : 0;
  const window = Math.max(0, (Math.max(al, bl) >> 1) - 1);
  flagsA.fill(0, 0, al);
  flagsB.fill(0, 0, bl);
  let m = 0;
  for (let i = 0; i < al; i++) {
    const c = a.charCodeAt(as + i);
    const hi = Math.min(bl - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(bs + j) === c) {
        flagsA[i] = flagsB[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let half = 0;
  for (let i = 0, j = 0; i < al; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(as + i) !== b.charCodeAt(bs + j)) half++;
    j++;
  }
  const jaro = (m / al + m / bl + (m - half / 2) / m) / 3;
  let p = 0;
  while (p < 4 && p < al && p < bl && a.charCodeAt(as + p) === b.charCodeAt(bs + p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/**
 * Similarity 0..1 of two keys: tokens are paired greedily by best Jaro-Winkler (order does not
 * matter: "SITI AMINAH" = "AMINAH SITI"), each pair weighted by its letters; unpaired tokens
 * and pairs below NOISE_FLOOR count as 0. The keys are put in a fixed order first, so ties break the same way both ways.
 */
export function nameSimilarity(aKey: string, bKey: string): number {
  if (aKey === bKey) return 1;
  if (aKey.length === 0 || bKey.length === 0) return 0;
  const a = aKey < bKey ? aKey : bKey;
  const b = aKey < bKey ? bKey : aKey;
  scannedLetters = 0;
  const na = scanTokens(a, aStart, aLen);
  const nb = scanTokens(b, bStart, bLen);
  const total = scannedLetters;
  if (total === 0) return 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const w = (aLen[i] ?? 0) + (bLen[j] ?? 0);
      const jw = jaroWinkler(a, aStart[i] ?? 0, aLen[i] ?? 0, b, bStart[j] ?? 0, bLen[j] ?? 0);
      sims[i * nb + j] = jw < NOISE_FLOOR ? 0 : w * jw;
    }
  }
  let usedA = 0;
  let usedB = 0;
  let score = 0;
  for (let round = Math.min(na, nb); round > 0; round--) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < na; i++) {
      if (usedA & (1 << i)) continue;
      for (let j = 0; j < nb; j++) {
        const v = sims[i * nb + j] ?? 0;
        if (v > best && !(usedB & (1 << j))) (best = v), (bi = i), (bj = j);
      }
    }
    if (bi < 0) break;
    score += best;
    usedA |= 1 << bi;
    usedB |= 1 << bj;
  }
  return Math.min(1, score / total);
}
