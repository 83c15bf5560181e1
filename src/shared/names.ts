// Indonesian name normalisation (DOMAIN.md section 4). `key` is a canonical form used on both
// sides of every comparison (indexing and querying), so a rule only has to be consistent, not
// linguistically exact. Runs once per list row: char-code loops, regexes compiled once.

export interface NormalizedName {
  display: string; // trimmed, spaces collapsed, upper case: lists are written in upper case
  key: string; // canonical form for equality and similarity
  tokens: string[]; // key split on spaces
}

const WHITESPACE = /[\s\u00a0\ufeff]+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Titles before a name, matched on the word's letters only ("Hj." = "HJ"). "AN." (anak) only with its dot. */
const PREFIX = new Set('H HJ HJH HAJI HAJAH HAJJAH DR DRS DRA DRG DRH IR PROF TN NY NN KH ALM ALMH SDR SDRI BPK BAPAK IBU'.split(' '));
const DOTTED_PREFIX = 'AN';
/** Degrees (and haji titles) written after a name; none is an Indonesian name on its own. */
const TRAILING = new Set(
  ('SPD SPDI SPDSD SKOM SKOMI AMD AMDKEB AMDKEP AMDKES AMDFARM AMDGZ AMDAK AMDKL AMK AMKEB AMKEP SH SHI SE SEI SKEP ' +
    'SKED SKM SST SSTR STR SAG SSOS SSOSI SIP SIKOM SFARM SPSI SS SSI ST STP SPT SPI SGZ STHI STH SSN SKEB SP SKG SHUM ' +
    'MM MPD MPDI MSI MKES MH MHI MT MAG MKOM MKM MSC MBA APT NERS SPOG SPA SPPD SPB SPM SPKK SPTHT SPJP SPRAD SPAN ' +
    'SPS SPKJ SPU SPOT PHD BSC LC HJ HJH HAJI HAJAH HAJJAH ALM ALMH').split(' '),
);
/** Pieces of a degree written with spaces ("S. Pd"), accepted only after a comma. */
const FRAGMENTS = new Set('PD KOM KES MD KEP KEB AG SOS SI KM FARM PSI HUM IP GZ AK KG KED SN HI EI PDI TH SP SC'.split(' '));

const MUHAMMAD = 'MUHAMMAD';
/** Written variants -> canonical token; the variants go through spelling() first, like every token. */
const ALIAS_GROUPS: readonly (readonly [string, string])[] = [
  [MUHAMMAD, 'MUHAMMAD MUHAMAD MUHAMMED MUHAMED MOHAMMAD MOHAMAD MOHAMMED MOHAMED MOCHAMMAD MOCHAMAD MOCHAMMED ' +
    'MUCHAMMAD MUCHAMAD MUKHAMMAD MUKHAMAD MOKHAMMAD MOKHAMAD MOEHAMMAD MOEHAMAD MOH MOCH MOKH MUH MUCH MHD MUHD MOHD MHMD'],
  ['AHMAD', 'AHMAD ACHMAD AKHMAD AHMED ACHMED AHMAT ACHMAT'],
  ['ABDUL', 'ABDUL ABD'],
  ['NUR', 'NUR NOOR NOER NOR'],
];
const ALIAS = new Map<string, string>();

const A = 65, C = 67, D = 68, E = 69, H = 72, J = 74, K = 75, O = 79, S = 83, T = 84, U = 85, Y = 89, Z = 90;
const CHAR: readonly string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function isAlnum(c: number): boolean {
  return (c >= A && c <= Z) || (c >= 48 && c <= 57);
}
function isApostrophe(c: number): boolean {
  return c === 39 || c === 96 || c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0xb4;
}
/** "S." of a degree split by a space ("S. Pd"); requiring the dot keeps canonical keys out of this rule. */
function isDottedLetter(w: string): boolean {
  return w.length === 2 && w.charCodeAt(1) === 46 && isAlnum(w.charCodeAt(0));
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
    let e1 = c === J ? Y : c; // letter written out
    let e2 = 0; // a second one: the H of KH
    let adv = 1; // letters read
    if ((c === O && n === E) || ((c === T || c === D) && n === J)) {
      e1 = c === O ? U : c === T ? C : Y; // OE->U, TJ->C, DJ->J->Y
      adv = 2;
    }
    if (e1 === C && t.charCodeAt(i + adv) === H) {
      e1 = K; // CH->KH, also for the C of TJH
      e2 = H;
      adv++;
    }
    i += adv;
    if (e1 !== last || e1 < A) out += CHAR[e1] ?? '';
    if (e2 !== 0 && e2 !== e1) out += CHAR[e2] ?? '';
    last = e2 !== 0 ? e2 : e1;
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

/** A word's letters and digits only ("S.Pd." -> "SPD"); the word itself when already clean. */
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
      alnum ||= isAlnum(c);
      continue;
    }
    if (alnum) words.push(s.slice(start, i));
    if (c === 44 && commaAt < 0) commaAt = words.length;
    start = i + 1;
    alnum = false;
  }
  return commaAt;
}

/** Canonical tokens of words[from..to): split on punctuation, apostrophes joined ("MA'RUF" -> "MARUF"). */
function tokensOf(words: readonly string[], from: number, to: number, out: string[]): void {
  for (let w = from; w < to; w++) {
    const word = words[w] ?? '';
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

// Result of titleBounds(): module scratch rather than a returned object, as it runs for every row.
let boundFrom = 0;
let boundTo = 0;
let boundBaby = false;

/**
 * Where the name proper sits in items[0..to) once leading titles, trailing degrees and a comma tail
 * of degrees ("..., S.Pd., M.Kes") are set aside; the last name token is never dropped. `raw`
 * items are written words (dots and all), otherwise canonical tokens: the same rules run on both,
 * so a key is a fixed point. A leading BY/BAYI is set aside too and reported as boundBaby, so
 * "By. Ny. Siti" keeps BAYI and a newborn's key stays apart from the mother's.
 */
function titleBounds(items: string[], to: number, raw: boolean, commaAt: number): void {
  let from = 0;
  let baby = false;
  for (; from < to; from++) {
    const w = items[from] ?? '';
    const c = raw ? compact(w) : w;
    const dot = raw ? w.indexOf('.') : -1;
    if (!baby && (c === 'BY' || c === 'BAYI')) baby = true;
    else if (to - from > 1 && (PREFIX.has(c) || (c === DOTTED_PREFIX && dot >= 0))) continue;
    else if (dot > 0 && PREFIX.has(compact(w.slice(0, dot))) && compact(w.slice(dot + 1)) !== '') {
      items[from--] = w.slice(dot + 1); // "HJ.SITI": look at "SITI" again
    } else break;
  }
  if (commaAt > from && commaAt < to) {
    let allTitles = true;
    for (let i = commaAt; i < to && allTitles; i++) {
      const c = compact(items[i] ?? '');
      allTitles = c.length <= 1 || PREFIX.has(c) || TRAILING.has(c) || FRAGMENTS.has(c);
    }
    if (allTitles) to = commaAt;
  }
  while (to - from > 1) {
    const last = items[to - 1] ?? '';
    const prev = items[to - 2] ?? '';
    if (TRAILING.has(raw ? compact(last) : last)) to--;
    else if (raw && to - from > 2 && isDottedLetter(prev) && TRAILING.has(compact(prev + last))) to -= 2; // "S. Pd"
    else break;
  }
  boundFrom = from;
  boundTo = to;
  boundBaby = baby;
}

function tokensOfDisplay(display: string): string[] {
  const s = NON_ASCII.test(display) ? display.normalize('NFD').replace(COMBINING_MARKS, '') : display;
  const words: string[] = [];
  const commaAt = splitWords(s, words);
  titleBounds(words, words.length, true, commaAt);
  let tokens: string[] = boundBaby ? ['BAYI'] : [];
  tokensOf(words, boundFrom, boundTo, tokens);
  // Splitting words on punctuation can expose titles ("H-ABDUL"): run the same rules on the tokens.
  titleBounds(tokens, tokens.length, false, -1);
  if (boundFrom > 0 || boundTo < tokens.length) tokens = tokens.slice(boundFrom, boundTo);
  if (boundBaby) tokens.unshift('BAYI');
  // A lone "M" before another name is Muhammad; as the last token it is more likely an initial.
  for (let i = 0; i < tokens.length - 1; i++) if (tokens[i] === 'M') tokens[i] = MUHAMMAD;
  return tokens;
}

/** Anything but single inner ASCII spaces needs repair; checking first saves a regex replace per row. */
function messySpaces(raw: string): boolean {
  if (raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32) return true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x3000) || (c === 32 && raw.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

export function normalizeName(raw: string): NormalizedName {
  const text = typeof raw === 'string' ? raw : '';
  const display = (messySpaces(text) ? text.replace(WHITESPACE, ' ').trim() : text).toUpperCase();
  const tokens = tokensOfDisplay(display);
  return { display, key: tokens.join(' '), tokens };
}

/**
 * The canonical token of a word that no rule above looks past: upper-case letters only, and
 * neither the word nor its canonical form a title, a degree, BY/BAYI or a lone M. For a name made
 * only of such words (single spaces between them), normalizeName's key is these tokens joined by
 * spaces; null means the word needs the full rules. Lets a list import cache words, not rerun
 * the rules for every row (see name-keys.ts in the core).
 */
export function plainWordCanon(word: string): string | null {
  if (word.length === 0) return null;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < A || c > Z) return null;
  }
  const canon = canonToken(word);
  return isPlainToken(word) && isPlainToken(canon) ? canon : null;
}

function isPlainToken(t: string): boolean {
  return !(PREFIX.has(t) || TRAILING.has(t) || t === 'BY' || t === 'BAYI' || t === 'M');
}

// Phonetic classes: '' silent, '*' vowel. F/V/P merge (Fitri/Pitri, Arif/Arip), Z/X/S merge
// (Zainal/Sainal), Q/K merge. C stays apart from K and S: after TJ->C it is a real and selective
// sound. H is silent after the first letter (Rahmat/Ramat, Sinta/Shinta); so is medial KH
// (Akhmad/Ahmad). Y right after a consonant is a glide, a vowel here (Suryani/Suriani).
const PHONETIC: readonly string[] = Array.from({ length: 128 }, (_, i) => {
  const ch = String.fromCharCode(i);
  if ('AEIOU'.includes(ch)) return '*';
  const mapped = ({ H: '', F: 'P', V: 'P', Z: 'S', X: 'S', Q: 'K' } as Record<string, string>)[ch];
  return mapped ?? (isAlnum(i) ? ch : '');
});
const DEVOICED: Readonly<Record<string, string>> = { B: 'P', D: 'T', G: 'K' };

/**
 * Coarse code of one canonical token, for typo-tolerant candidate search: the first letter (a vowel
 * as written; KH-, SY-, DZ- reduced to H, S, S), then consonant classes with vowels dropped,
 * repeats collapsed unless a vowel separates them, a final B/D/G devoiced (Ahmad/Ahmat). A code
 * shorter than 2 gets the token's first later vowel, so it stays selective ("IA", not "I").
 */
export function phoneticToken(token: string): string {
  const t = token.toUpperCase();
  if (t.length === 0) return '';
  const c0 = t.charCodeAt(0);
  const c1 = t.charCodeAt(1);
  const digraph = (c0 === K && c1 === H) || (c0 === S && c1 === Y) || (c0 === D && c1 === Z);
  const firstCode = PHONETIC[c0] ?? '';
  let out = digraph ? (c0 === K ? 'H' : 'S') : firstCode === '*' || firstCode === '' ? t.charAt(0) : firstCode;
  let last = firstCode === '*' ? '' : out;
  let vowel = '';
  for (let i = digraph ? 2 : 1; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const next = t.charCodeAt(i + 1);
    let code = c === Y && last !== '' ? '*' : (PHONETIC[c] ?? '');
    if (code === '*') {
      vowel ||= t.charAt(i);
      last = '';
      continue;
    }
    if (c === K && next === H) code = ''; // medial KH: silent like H (the H is skipped below)
    if (c === D && next === Z) code = 'S'; // DZ (Dzikri/Zikri); the Z maps to S and collapses
    if (code === '') continue;
    if (i === t.length - 1) code = DEVOICED[code] ?? code;
    if (code !== last) out += code;
    last = code;
  }
  return out.length < 2 && vowel !== '' ? out + vowel : out;
}
