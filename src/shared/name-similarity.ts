// Similarity of two canonical name keys (normalizeName in names.ts makes them): token-wise
// Jaro-Winkler, used to rank name-search candidates. Runs hundreds of times per search, so it
// works on offsets into the keys and reuses scratch buffers instead of allocating.

// Scratch buffers reused across calls: similarity runs hundreds of times per search.
const MAX_TOKENS = 16;
const MAX_TOKEN_LENGTH = 64;
/** Unrelated names still score 0.5-0.65 in Jaro-Winkler (SITI/SANTOSO); below this a pair is no match. */
const NOISE_FLOOR = 0.7;
const starts = new Int32Array(2 * MAX_TOKENS);
const lens = new Int32Array(2 * MAX_TOKENS);
const sims = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const flagsA = new Uint8Array(MAX_TOKEN_LENGTH);
const flagsB = new Uint8Array(MAX_TOKEN_LENGTH);
let scannedLetters = 0;

/** Records token offsets from slot `base` (at most MAX_TOKENS) and adds the key's letters to scannedLetters. */
function scanTokens(key: string, base: number): number {
  let count = 0;
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i < key.length && key.charCodeAt(i) !== 32) continue;
    const len = i - start;
    scannedLetters += len;
    if (len > 0 && count < MAX_TOKENS) {
      starts[base + count] = start;
      lens[base + count++] = Math.min(len, MAX_TOKEN_LENGTH);
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
    for (let j = Math.max(0, i - window), hi = Math.min(bl - 1, i + window); j <= hi; j++) {
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
    if (a.charCodeAt(as + i) !== b.charCodeAt(bs + j++)) half++;
  }
  const jaro = (m / al + m / bl + (m - half / 2) / m) / 3;
  let p = 0;
  while (p < 4 && p < al && p < bl && a.charCodeAt(as + p) === b.charCodeAt(bs + p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/**
 * Similarity 0..1 of two keys: tokens are paired greedily by best Jaro-Winkler (order does not
 * matter: "SITI AMINAH" = "AMINAH SITI"), each pair weighted by its letters; unpaired tokens and
 * pairs below NOISE_FLOOR count as 0. The keys are put in a fixed order first, so that ties break
 * the same way whichever key comes first: the result is symmetric.
 */
export function nameSimilarity(aKey: string, bKey: string): number {
  if (aKey === bKey) return 1;
  if (aKey.length === 0 || bKey.length === 0) return 0;
  const a = aKey < bKey ? aKey : bKey;
  const b = aKey < bKey ? bKey : aKey;
  scannedLetters = 0;
  const na = scanTokens(a, 0);
  const nb = scanTokens(b, MAX_TOKENS);
  if (scannedLetters === 0) return 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const al = lens[i] ?? 0;
      const bl = lens[MAX_TOKENS + j] ?? 0;
      const jw = jaroWinkler(a, starts[i] ?? 0, al, b, starts[MAX_TOKENS + j] ?? 0, bl);
      sims[i * nb + j] = jw < NOISE_FLOOR ? 0 : (al + bl) * jw;
    }
  }
  let usedA = 0;
  let usedB = 0;
  let score = 0;
  for (let round = Math.min(na, nb); round > 0; round--) {
    let best = 0;
    let pick = -1;
    for (let i = 0; i < na; i++) {
      for (let j = 0; j < nb; j++) {
        const v = sims[i * nb + j] ?? 0;
        if (v > best && !(usedA & (1 << i)) && !(usedB & (1 << j))) {
          best = v;
          pick = i * nb + j;
        }
      }
    }
    if (pick < 0) break;
    score += best;
    usedA |= 1 << Math.floor(pick / nb);
    usedB |= 1 << pick % nb;
  }
  return Math.min(1, score / scannedLetters);
}
